package org.taizhang.core.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.PdfFonts.Candidate;
import org.taizhang.core.pdf.PdfFonts.Face;

/**
 * Which font a PDF gets, and the errors when there is none. The error tests run everywhere; the ones that need
 * Noto CJK (CI installs fonts-noto-cjk) are skipped on a machine without it.
 */
class PdfFontsTest {
    private static final Path NOTO_SERIF = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
    private static final Messages ZH = Messages.forLocale(Messages.CHINESE);
    private static final Messages EN = Messages.forLocale(Messages.ENGLISH);

    @TempDir
    Path dir;

    /** A Latin-only TrueType font that is always there: the fallback font OpenPDF ships in its jar. */
    private Path latinOnlyFont() throws IOException {
        Path file = dir.resolve("LiberationSans-Regular.ttf");
        try (InputStream in =
                org.openpdf.text.pdf.BaseFont.class.getResourceAsStream("/font-fallback/LiberationSans-Regular.ttf")) {
            assertThat(in).as("OpenPDF's fallback font").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static DomainException failure(PdfFonts fonts, Face face) {
        try {
            fonts.font(face);
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a DomainException");
    }

    @Test
    void theOverridePropertyNamingAMissingFileIsAClearError() {
        Path missing = dir.resolve("没有这个字体.ttf");
        String before = System.getProperty(PdfFonts.OVERRIDE_PROPERTY);
        System.setProperty(PdfFonts.OVERRIDE_PROPERTY, missing.toString());
        try {
            DomainException e = failure(PdfFonts.system(), Face.SONG);

            assertThat(e.messageKey()).isEqualTo("pdf.error.fontNotFound");
            assertThat(ZH.describe(e)).contains("找不到字体文件", missing.toString(), "taizhang.pdf.font");
            assertThat(EN.describe(e)).contains("not found", missing.toString(), "taizhang.pdf.font");
        } finally {
            if (before == null) {
                System.clearProperty(PdfFonts.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(PdfFonts.OVERRIDE_PROPERTY, before);
            }
        }
    }

    @Test
    void anOverrideWithAnIndexNamingAMissingFileIsTheSameError() {
        Path missing = dir.resolve("simsun.ttc");

        DomainException e = failure(new PdfFonts(missing + ",0", Map.of()), Face.SONG);

        assertThat(e.messageKey()).isEqualTo("pdf.error.fontNotFound");
        assertThat(e.args()[0]).isEqualTo(missing);
    }

    @Test
    void anOverrideThatIsNoFontIsAClearError() throws IOException {
        Path notAFont = Files.writeString(dir.resolve("字体.ttf"), "这不是字体文件");

        DomainException e = failure(new PdfFonts(notAFont.toString(), Map.of()), Face.SONG);

        assertThat(e.messageKey()).isEqualTo("pdf.error.fontUnreadable");
        assertThat(ZH.describe(e)).contains("无法读取字体", notAFont.toString());
    }

    @Test
    void anOverrideWithoutChineseGlyphsIsRefusedRatherThanDroppingCharacters() throws IOException {
        Path latin = latinOnlyFont();

        DomainException e = failure(new PdfFonts(latin.toString(), Map.of()), Face.SONG);

        assertThat(e.messageKey()).isEqualTo("pdf.error.fontLacksGlyphs");
        assertThat(e.args()[1]).isEqualTo("党支部體臺");
        assertThat(ZH.describe(e)).contains(latin.toString(), "党支部體臺");
    }

    @Test
    void withoutAnyUsableFontTheErrorSaysWhatToInstall() throws IOException {
        Path latin = latinOnlyFont();
        PdfFonts fonts = new PdfFonts(
                null,
                Map.of(Face.SONG, List.of(new Candidate(dir.resolve("simsun.ttc"), 0), new Candidate(latin, -1))));

        DomainException e = failure(fonts, Face.HEI);

        assertThat(e.messageKey()).isEqualTo("pdf.error.noChineseFont");
        assertThat(ZH.describe(e)).contains("simsun.ttc", "fonts-noto-cjk", "taizhang.pdf.font");
        assertThat(EN.describe(e)).contains("simsun.ttc", "fonts-noto-cjk", "taizhang.pdf.font");
    }

    @Test
    void theOverrideIsParsedAsFileAndOptionalIndex() {
        assertThat(PdfFonts.parse("C:\\Windows\\Fonts\\simsun.ttc,0").toString())
                .isEqualTo("C:\\Windows\\Fonts\\simsun.ttc,0");
        assertThat(PdfFonts.parse("/usr/share/fonts/x/NotoSerifCJK-Regular.ttc, 2")
                        .index())
                .isEqualTo(2);
        assertThat(PdfFonts.parse("/fonts/simfang.ttf").index()).isEqualTo(-1);
        assertThat(PdfFonts.parse("/fonts/a,b.ttf")).isEqualTo(new Candidate(Path.of("/fonts/a,b.ttf"), -1));
    }

    @Test
    void aCandidateLackingGlyphsIsSkippedForTheNextComplete() throws IOException {
        assumeThat(NOTO_SERIF).as("fonts-noto-cjk installed").isRegularFile();
        PdfFonts fonts = new PdfFonts(
                null,
                Map.of(
                        Face.SONG,
                        List.of(
                                new Candidate(dir.resolve("simsun.ttc"), 0),
                                new Candidate(latinOnlyFont(), -1),
                                new Candidate(NOTO_SERIF, 2))));

        assertThat(fonts.font(Face.SONG).getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
    }

    @Test
    void aFaceWithoutAFontOfItsOwnUsesAnotherFace() {
        assumeThat(NOTO_SERIF).as("fonts-noto-cjk installed").isRegularFile();
        PdfFonts fonts = new PdfFonts(null, Map.of(Face.SONG, List.of(new Candidate(NOTO_SERIF, 2))));

        assertThat(fonts.font(Face.FANG).getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
    }

    @Test
    void aCollectionNamedWithoutAnIndexGetsItsSimplifiedChineseFace() {
        assumeThat(NOTO_SERIF).as("fonts-noto-cjk installed").isRegularFile();

        PdfFonts fonts = new PdfFonts(NOTO_SERIF.toString(), Map.of());

        assertThat(fonts.font(Face.SONG).getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
    }

    @Test
    void onLinuxWithNotoCjkTheTableFontIsSerifAndTheTitleFontSansSimplifiedChinese() {
        assumeThat(NOTO_SERIF).as("fonts-noto-cjk installed").isRegularFile();
        assumeThat(System.getProperty(PdfFonts.OVERRIDE_PROPERTY)).isNull();
        assumeThat(Path.of("C:\\Windows\\Fonts\\simsun.ttc")).doesNotExist();
        PdfFonts fonts = PdfFonts.system();

        assertThat(fonts.font(Face.SONG).getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
        assertThat(fonts.font(Face.HEI).getPostscriptFontName()).startsWith("NotoSansCJKsc-");
        assertThat(PdfFonts.missingGlyphs(fonts.font(Face.FANG))).isEmpty();
    }

    @Test
    void aFontIsFoundByItsFamilyNameWhateverItsFileIsCalled() throws IOException {
        assumeThat(NOTO_SERIF).as("fonts-noto-cjk installed").isRegularFile();
        // as a clerk's own font arrives: a vendor's file name, in the per-user folder, not the system one
        Path system = Files.createDirectories(dir.resolve("Windows").resolve("Fonts"));
        Path perUser = Files.createDirectories(dir.resolve("用户 字体"));
        Path renamed = Files.copy(NOTO_SERIF, perUser.resolve("FZSSJW.TTC"));
        PdfFonts fonts = new PdfFonts(null, Map.of(), List.of(system, perUser), Map.of());

        assertThat(fonts.ownCandidates(Face.SONG)).contains(new Candidate(renamed, 2));
        assertThat(fonts.font(Face.SONG).getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
    }

    @Test
    void aFaceOverrideNamesTheFileForThatFaceOnly() throws IOException {
        assumeThat(NOTO_SERIF).as("fonts-noto-cjk installed").isRegularFile();
        Path missing = dir.resolve("仿宋_GB2312.ttf");
        PdfFonts fonts = new PdfFonts(
                null, Map.of(Face.FANG, missing.toString(), Face.KAI, NOTO_SERIF + ",2"), List.of(), Map.of());

        DomainException e = failure(fonts, Face.FANG);

        assertThat(e.messageKey()).isEqualTo("pdf.error.fontNotFound");
        assertThat(ZH.describe(e)).contains(missing.toString(), "taizhang.pdf.font.fang");
        assertThat(fonts.font(Face.KAI).getPostscriptFontName()).isEqualTo("NotoSerifCJKsc-Regular");
        assertThat(failure(fonts, Face.SONG).messageKey()).isEqualTo("pdf.error.noChineseFont");
    }

    @Test
    void theFamilyNameOfAnOldChineseFontIsReadFromItsGbkNameRecord() throws IOException {
        // 仿宋_GB2312.ttf names itself in GBK (Windows platform, encoding 3 "PRC"), a byte pair per 16-bit unit
        Path file = dir.resolve("FS_GB2312.TTF");
        Files.write(file, sfntWithFamily("仿宋_GB2312"));

        List<FontNames.Face> faces = FontNames.read(file);

        assertThat(faces).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(-1);
            assertThat(f.families()).containsExactly("仿宋_GB2312");
        });
        assertThat(FontNames.key("FangSong_GB2312")).isEqualTo(FontNames.key("fangsong gb2312"));
    }

    @Test
    void aFileThatIsNoFontIsSkippedBySearch() throws IOException {
        Files.writeString(dir.resolve("simfang.ttf"), "这不是字体文件");
        PdfFonts fonts = new PdfFonts(null, Map.of(), List.of(dir), Map.of());

        assertThat(fonts.ownCandidates(Face.FANG)).isEmpty();
        assertThat(failure(fonts, Face.FANG).messageKey()).isEqualTo("pdf.error.noChineseFont");
    }

    /** The smallest file FontNames reads: an sfnt header, one table record, a name table with one family. */
    private static byte[] sfntWithFamily(String family) {
        byte[] gbk = family.getBytes(java.nio.charset.Charset.forName("GBK"));
        java.io.ByteArrayOutputStream units = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < gbk.length; i++) {
            if ((gbk[i] & 0x80) != 0) {
                units.write(gbk[i]);
                units.write(gbk[++i]);
            } else {
                units.write(0);
                units.write(gbk[i]);
            }
        }
        byte[] name = units.toByteArray();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + 16 + 6 + 12 + name.length);
        b.putInt(0x00010000)
                .putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        b.putInt(0x6e616d65).putInt(0).putInt(28).putInt(6 + 12 + name.length); // 'name' at offset 28
        b.putShort((short) 0).putShort((short) 1).putShort((short) (6 + 12)); // format, count, string offset
        b.putShort((short) 3).putShort((short) 3).putShort((short) 0x0804).putShort((short) 1);
        b.putShort((short) name.length).putShort((short) 0);
        b.put(name);
        return b.array();
    }
}
