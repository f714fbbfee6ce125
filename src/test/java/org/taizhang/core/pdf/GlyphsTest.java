package org.taizhang.core.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Chunk;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.taizhang.core.DomainException;

/**
 * No character comes out blank (issue 21): every run of a phrase is in a font that has each of its characters — the
 * face's own, or a fallback for a name's 𠮷 (extension B) and 䶮 (extension A); a character no font has stops the
 * export with its name.
 */
class GlyphsTest {
    private final PdfFonts fonts = PdfFonts.system();
    private final Glyphs glyphs = new Glyphs(fonts);

    private static List<Chunk> runs(Phrase phrase) {
        List<Chunk> runs = new ArrayList<>();
        for (Element e : phrase) {
            runs.add((Chunk) e);
        }
        return runs;
    }

    /** Each run's characters, asserted present in the run's own font; the runs' fonts, in order. */
    private static List<String> drawnIn(Phrase phrase) {
        List<String> fonts = new ArrayList<>();
        for (Element e : phrase) {
            Chunk c = (Chunk) e;
            BaseFont f = c.getFont().getBaseFont();
            c.getContent()
                    .codePoints()
                    .filter(cp -> !Character.isWhitespace(cp))
                    .forEach(cp -> assertThat(f.charExists(cp))
                            .as("%s (U+%04X) in %s", Character.toString(cp), cp, f.getPostscriptFontName())
                            .isTrue());
            fonts.add(f.getPostscriptFontName());
        }
        return fonts;
    }

    @Test
    void aNamesRareCharactersAreDrawnFromAFontThatHasThem() {
        Font song = new Font(fonts.font(PdfFonts.Face.SONG), 16f);
        Phrase p = glyphs.phrase("支部书记：吉𠮷䶮，王芳", song);
        assertThat(runs(p).stream().map(Chunk::getContent).reduce("", String::concat))
                .isEqualTo("支部书记：吉𠮷䶮，王芳");
        drawnIn(p);
    }

    @Test
    void aFontWithoutChineseAtAllHasEveryCharacterDrawnFromTheFallbacksAtItsSize() throws Exception {
        Font latin = new Font(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, false), 12f, Font.BOLD);
        Phrase p = glyphs.phrase("No. 3 吉𠮷", latin);
        List<String> used = drawnIn(p);
        assertThat(used.getFirst()).isEqualTo("Helvetica"); // what it has stays in its own font
        assertThat(used.size()).isGreaterThan(1);
        for (Element e : p) {
            assertThat(((Chunk) e).getFont().getSize()).isEqualTo(12f);
        }
    }

    @Test
    void aCharacterNoInstalledFontHasStopsTheExportAndIsNamed() {
        Font song = new Font(fonts.font(PdfFonts.Face.SONG), 16f);
        String text = "党支部" + Character.toString(0xF0000) + "（私用区）";
        assertThatThrownBy(() -> glyphs.phrase(text, song))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    DomainException d = (DomainException) e;
                    assertThat(d.messageKey()).isEqualTo("pdf.error.glyphMissing");
                    assertThat(d.args()).containsExactly(Character.toString(0xF0000), "U+F0000", text);
                });
    }

    @Test
    void aDrawingThatCannotSplitItsTextGetsOneFontThatHasEveryCharacter() throws Exception {
        BaseFont song = fonts.font(PdfFonts.Face.SONG);
        assertThat(glyphs.fontFor("党费 三会一课", song)).isSameAs(song);
        BaseFont latin = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, false);
        BaseFont chosen = glyphs.fontFor("吉𠮷单位 12", latin);
        assertThat("吉𠮷单位12".codePoints()).allMatch(chosen::charExists);
        assertThatThrownBy(() -> glyphs.fontFor("党支部" + Character.toString(0xF0000), song))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("pdf.error.glyphMissing");
    }

    @Test
    void textTheFontHasIsOneRunInIt() {
        Font song = new Font(fonts.font(PdfFonts.Face.SONG), 16f);
        Phrase p = glyphs.phrase("整改通知书", song);
        assertThat(runs(p)).hasSize(1);
        assertThat(runs(p).getFirst().getFont()).isSameAs(song);
    }
}
