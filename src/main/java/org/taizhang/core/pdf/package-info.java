/**
 * What every PDF the program writes needs: the Chinese fonts ({@link org.taizhang.core.pdf.PdfFonts} finds
 * 宋体 / 仿宋 / 黑体 / 楷体 or their open replacements and checks that they really hold Chinese glyphs).
 */
package org.taizhang.core.pdf;
