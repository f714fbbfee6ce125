package org.taizhang.core.report.files;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Where a line of Chinese may break (避头尾, the rule every Chinese typesetter keeps): never before a closing mark (a
 * line never starts with "，" "。" "）" "》" …) and never after an opening one (a line never ends with "（" "《" …).
 * OpenPDF's own rule breaks after any CJK character, so a line could start with "，"; this one moves that character's
 * neighbour down with it. Everything else is OpenPDF's rule.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {
    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    /** Marks that may not start a line. */
    private static final String NO_START = "，。、；：！？）》」』”’〕】〉…—％‰,.;:!?)]}%";
    /** Marks that may not end a line. */
    private static final String NO_END = "（《「『“‘〔【〈([{";

    private ChineseLineBreaks() {}

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = getCurrentCharacter(current, cc, ck);
        if (NO_END.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end && NO_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck)
                || NO_START.indexOf(c) >= 0; // after a closing mark a line may always break
    }
}
