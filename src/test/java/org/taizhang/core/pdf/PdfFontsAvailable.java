package org.taizhang.core.pdf;

import org.junit.jupiter.api.Assumptions;
import org.taizhang.core.DomainException;

/** Tests that read Chinese back from a PDF need a Chinese font on the machine; they are skipped without one. */
public final class PdfFontsAvailable {
    private PdfFontsAvailable() {}

    public static boolean chineseFont() {
        try {
            PdfFonts.system().font(PdfFonts.Face.SONG);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    public static void assumeChineseFont() {
        Assumptions.assumeTrue(
                chineseFont(),
                "no Chinese font for PDF on this machine (install fonts-noto-cjk, or set -Dtaizhang.pdf.font)");
    }
}
