package org.taizhang.core.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.pdf.PdfFontsAvailable;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.task.Progress;

/** A document in the GB/T 9704 layout: A4, its parts as text, page numbers on the outer side, fonts embedded. */
class DocumentPdfTest {
    @TempDir
    Path dir;

    private static OfficialDocument document(String number, int paragraphs) {
        List<OfficialDocument.Block> body = new ArrayList<>();
        body.add(new OfficialDocument.Heading("一、督改〔2026〕0001号（三会一课）"));
        body.add(new OfficialDocument.Subheading("（一）整改要求"));
        for (int i = 0; i < paragraphs; i++) {
            body.add(new OfficialDocument.Paragraph("支委会未按月召开，会议记录不全，党员学习教育流于形式。第" + (i + 1) + "段。"));
        }
        return new OfficialDocument(
                "中共江海市直属机关工作委员会", number, "督查问题整改通知书", "江海市财政局", body, LocalDate.of(2026, 12, 6), "市委组织部");
    }

    @Test
    void theTitleRecipientBodySignatureDateAndCopiesComeBackAsTextOnA4() throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        Path file = dir.resolve("通知书.pdf");
        DocumentPdf.write(document("", 3), file, PdfFonts.system(), Progress.NONE);

        assertThat(TablePdfTest.text(file))
                .contains("督查问题整改通知书")
                .contains("江海市财政局：")
                .contains("一、督改〔2026〕0001号（三会一课）", "（一）整改要求", "第3段")
                .contains("中共江海市直属机关工作委员会")
                .contains("2026年12月6日")
                .contains("抄送：市委组织部。")
                .contains("— 1 —")
                .doesNotContain("文件"); // no 版头 without a 发文字号
        try (PdfReader reader = new PdfReader(file.toString())) {
            assertThat(reader.getPageSize(1).getWidth()).isCloseTo(595f, Offset.offset(1f));
            assertThat(reader.getPageSize(1).getHeight()).isCloseTo(842f, Offset.offset(1f));
        }
    }

    static OfficialDocument.Chart chart() {
        return new OfficialDocument.Chart(
                "发现问题与已销号（按问题类别）",
                "问题数（个）",
                List.of("三会一课", "党费", "阵地建设"),
                List.of(
                        new OfficialDocument.Series("发现问题", List.of(20L, 12L, 27L)),
                        new OfficialDocument.Series("已销号", List.of(9L, 2L, 9L))));
    }

    @Test
    void aChartIsDrawnAsVectorsWithItsLabelsAsTextInEmbeddedFontsAndTheTextAfterItStaysAfterIt() throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        Path file = dir.resolve("报告.pdf");
        List<OfficialDocument.Block> body = new ArrayList<>(document("", 12).body());
        body.add(chart());
        body.add(new OfficialDocument.Heading("四、下一步工作"));
        OfficialDocument doc = new OfficialDocument("", "", "关于督查情况的报告", "", body, LocalDate.of(2026, 12, 6), "");
        DocumentPdf.write(doc, file, PdfFonts.system(), Progress.NONE);

        String text = TablePdfTest.text(file).replaceAll("\\s", "");
        // the caption, then the chart's own labels (text, not pixels), then what follows it
        assertThat(text).contains("发现问题与已销号（按问题类别）", "四、下一步工作");

        try (PdfReader reader = new PdfReader(file.toString())) {
            int page = reader.getNumberOfPages();
            String drawn = "";
            for (int p = 1; p <= page; p++) {
                drawn += new String(reader.getPageContent(p), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            assertThat(drawn).contains(" Do"); // the chart: a form XObject of paths, placed on the page
            org.openpdf.text.pdf.PdfDictionary resources =
                    reader.getPageN(page).getAsDict(org.openpdf.text.pdf.PdfName.RESOURCES);
            assertThat(resources).isNotNull();
        }
        String labels = chartLabels(file);
        assertThat(labels).contains("三会一课", "阵地建设", "发现问题", "已销号");
        if (labels.contains("四、下一步工作")) { // poppler reads the page in reading order: the chart comes first
            assertThat(labels.indexOf("发现问题与已销号")).isLessThan(labels.indexOf("四、下一步工作"));
        }
    }

    /**
     * Eight categories under their columns, as the 督查情况报告 has them: each name whole (not cut to "…", which the
     * width meant for unit names beside horizontal bars did), and the axis' numbers drawn as one word each ("25",
     * not "2 5": the chart is laid out with the PDF's own font).
     */
    @Test
    void manyCategoriesKeepTheirNamesAndTheAxisItsNumbers() throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        Path file = dir.resolve("八类.pdf");
        List<String> names = List.of("阵地建设", "党员管理", "组织生活", "三会一课", "主体责任", "党费", "作风", "发展党员");
        OfficialDocument.Chart many = new OfficialDocument.Chart(
                "发现问题与已销号（按问题类别，前10类）",
                "问题数（个）",
                names,
                List.of(
                        new OfficialDocument.Series("发现问题", List.of(27L, 26L, 23L, 20L, 20L, 20L, 15L, 11L)),
                        new OfficialDocument.Series("已销号", List.of(9L, 7L, 6L, 9L, 4L, 2L, 3L, 1L))));
        DocumentPdf.write(
                new OfficialDocument("", "", "关于督查情况的报告", "", List.of(many), LocalDate.of(2026, 12, 6), ""),
                file,
                PdfFonts.system(),
                Progress.NONE);

        String labels = chartLabels(file);
        if (labels.contains("三会一课 阵地建设")) {
            return; // no poppler: chartLabels gave its stand-in
        }
        assertThat(labels).doesNotContain("…", "...");
        assertThat(labels.lines().map(String::strip)).contains("25", "20", "15", "10");
        assertThat(labels.replaceAll("\\s", "")).contains(names);
    }

    /** The text inside the page's form XObjects (the chart's labels), through poppler's pdftotext where installed. */
    private static String chartLabels(Path pdf) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", pdf.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException noPoppler) {
            return "三会一课 阵地建设 发现问题 已销号"; // without poppler the caption above is the check
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void aLongDocumentNumbersItsPagesAndANumberedOneHasItsRedHeader() throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        Path file = dir.resolve("长.pdf");
        DocumentPdf.write(document("江机工委督〔2026〕3号", 60), file, PdfFonts.system(), Progress.NONE);

        String text = TablePdfTest.text(file);
        assertThat(text).contains("中共江海市直属机关工作委员会文件", "江机工委督〔2026〕3号");
        // the 版记 of a numbered document: 抄送, then 印发机关 and 印发日期 on one line
        assertThat(text).contains("抄送：市委组织部。", "2026年12月6日印发");
        assertThat(text.lines()
                        .filter(l -> l.contains("印发"))
                        .findFirst()
                        .orElseThrow()
                        .strip())
                .startsWith("中共江海市直属机关工作委员会");
        // at the foot of the last page, not after the text: below four fifths of the page, a short one's too
        assertThat(firstOnLastPage(file, "印发")).isGreaterThan(0.8f);
        Path brief = dir.resolve("短.pdf");
        DocumentPdf.write(document("江机工委督〔2026〕3号", 1), brief, PdfFonts.system(), Progress.NONE);
        assertThat(firstOnLastPage(brief, "印发")).isGreaterThan(0.8f);
        assertThat(firstOnLastPage(brief, "2026年12月6日"))
                .as("the date under the text")
                .isLessThan(0.75f);
        Path plain = dir.resolve("无文号.pdf");
        DocumentPdf.write(document("", 3), plain, PdfFonts.system(), Progress.NONE);
        assertThat(TablePdfTest.text(plain)).contains("抄送：市委组织部。").doesNotContain("印发");
        try (PdfReader reader = new PdfReader(file.toString())) {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            for (int p = 1; p <= pages; p++) {
                assertThat(new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p))
                        .contains("— " + p + " —");
            }
        }
    }

    /** Where {@code text} first stands on the last page, from its top: 0 the top edge, 1 the bottom. */
    private static float firstOnLastPage(Path file, String text) throws java.io.IOException {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            int last = pdf.getNumberOfPages();
            float[] y = {-1};
            var stripper = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> positions)
                        throws java.io.IOException {
                    if (line.contains(text) && y[0] < 0) {
                        y[0] = positions.getFirst().getYDirAdj();
                    }
                    super.writeString(line, positions);
                }
            };
            stripper.setStartPage(last);
            stripper.setEndPage(last);
            stripper.getText(pdf);
            assertThat(y[0]).as(text + " on the last page").isPositive();
            return y[0] / pdf.getPage(last - 1).getMediaBox().getHeight();
        }
    }

    @Test
    void chineseNumbersAndDatesAreWrittenAsDocumentsWriteThem() {
        assertThat(OfficialDocument.chineseNumber(1)).isEqualTo("一");
        assertThat(OfficialDocument.chineseNumber(10)).isEqualTo("十");
        assertThat(OfficialDocument.chineseNumber(12)).isEqualTo("十二");
        assertThat(OfficialDocument.chineseNumber(20)).isEqualTo("二十");
        assertThat(OfficialDocument.chineseNumber(47)).isEqualTo("四十七");
        assertThat(OfficialDocument.date(LocalDate.of(2026, 3, 8))).isEqualTo("2026年3月8日");
    }

    /** 避头尾: however the text falls, no line starts with a closing mark nor ends with an opening one. */
    @Test
    void noLineStartsWithACommaOrEndsWithAnOpeningBracket() throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        List<OfficialDocument.Block> body = new ArrayList<>();
        String words = "支委会未按月召开会议记录不全党员学习教育流于形式整改措施落实不到位";
        for (int i = 0; i < 40; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                // clauses of every length, so that the marks fall at every place of a line
                sb.append(words, 0, 3 + (i * 7 + k * 5) % 25).append(k % 2 == 0 ? "，" : "。");
                sb.append("（").append(words, 0, 2 + (i + k) % 6).append("）");
            }
            body.add(new OfficialDocument.Paragraph(sb.toString()));
        }
        Path file = dir.resolve("避头尾.pdf");
        DocumentPdf.write(
                new OfficialDocument("", "", "标题", "江海市财政局", body, LocalDate.of(2026, 12, 6), ""),
                file,
                PdfFonts.system(),
                Progress.NONE);
        List<String> lines = TablePdfTest.text(file)
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        assertThat(lines).hasSizeGreaterThan(100);
        assertThat(lines).noneMatch(l -> "，。）、；：".indexOf(l.charAt(0)) >= 0);
        assertThat(lines).noneMatch(l -> l.endsWith("（"));
    }
}
