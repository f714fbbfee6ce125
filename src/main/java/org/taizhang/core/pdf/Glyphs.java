package org.taizhang.core.pdf;

import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.taizhang.core.DomainException;

/**
 * No character comes out blank (issue 21): a text is set in its font, and a character that font lacks (𠮷 or 䶮 in a
 * person's name) is drawn in the first {@link PdfFonts#fallbacks() fallback} that has it, at the same size, style and
 * colour. When no installed font has it, the export stops and names the character and the text it is in
 * ({@code pdf.error.glyphMissing}): a blank in a name on an official document is worse than no document.
 */
public final class Glyphs {
    /** Whether the text around a missing character is named in full or cut (a cell can hold a paragraph). */
    private static final int CONTEXT = 40;

    private final PdfFonts fonts;

    public Glyphs(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** {@code text} in {@code font}, every character drawn. */
    public Phrase phrase(String text, Font font) {
        return phrase(text, font, null);
    }

    /** As {@link #phrase(String, Font)}, each run breaking lines at {@code split} ({@code null}: OpenPDF's own). */
    public Phrase phrase(String text, Font font, SplitCharacter split) {
        BaseFont base = font.getBaseFont();
        List<BaseFont> needed = base == null ? List.of() : neededFallbacks(text, base);
        if (needed.isEmpty()) {
            Chunk chunk = new Chunk(text, font);
            if (split != null) {
                chunk.setSplitCharacter(split);
            }
            return new Phrase(chunk);
        }
        FontSelector selector = new FontSelector();
        selector.addFont(font);
        for (BaseFont f : needed) {
            selector.addFont(new Font(f, font.getSize(), font.getStyle(), font.getColor()));
        }
        Phrase phrase = selector.process(text);
        if (split != null) {
            for (Element e : phrase) {
                if (e instanceof Chunk c) {
                    c.setSplitCharacter(split);
                }
            }
        }
        return phrase;
    }

    /**
     * One font for a whole drawing whose text cannot be split into runs (a chart's labels, measured and drawn by
     * AWT): {@code preferred} when it has every character, else the first fallback that has every one it lacks.
     * Refused ({@code pdf.error.glyphMissing}) when a character is in no font.
     */
    public BaseFont fontFor(String text, BaseFont preferred) {
        List<BaseFont> needed = neededFallbacks(text, preferred);
        if (needed.isEmpty()) {
            return preferred;
        }
        for (BaseFont f : fonts.fallbacks()) {
            if (text.codePoints()
                    .allMatch(cp -> Character.isWhitespace(cp) || Character.isISOControl(cp) || f.charExists(cp))) {
                return f;
            }
        }
        return needed.getFirst(); // no one font has them all: the first that has the rarest (each has a font)
    }

    /** The fallbacks the characters {@code base} lacks need, in their order; refused for one that none has. */
    private List<BaseFont> neededFallbacks(String text, BaseFont base) {
        List<BaseFont> needed = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || base.charExists(cp)) {
                continue;
            }
            BaseFont has = null;
            for (BaseFont f : fonts.fallbacks()) {
                if (f.charExists(cp)) {
                    has = f;
                    break;
                }
            }
            if (has == null) {
                throw new DomainException(
                        "pdf.error.glyphMissing",
                        new String(Character.toChars(cp)),
                        String.format("U+%04X", cp),
                        text.length() > CONTEXT ? text.substring(0, CONTEXT) + "…" : text);
            }
            if (!needed.contains(has)) {
                needed.add(has);
            }
        }
        // in the fallbacks' own order, so that a character two of them have is drawn in the first
        List<BaseFont> ordered = new ArrayList<>(fonts.fallbacks());
        ordered.retainAll(needed);
        return ordered;
    }
}
