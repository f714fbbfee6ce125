package org.taizhang.core.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.task.Progress;

/**
 * A document as Word (.docx) in the GB/T 9704 layout, read back through POI and — where LibreOffice is installed —
 * converted to PDF by it and read again: A4 and the official margins and grid, every run naming its fonts (no theme
 * font for WPS to miss), the parts in order, page numbers on the outer side.
 */
class DocumentDocxTest {
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

    private static List<String> texts(XWPFDocument d) {
        return d.getParagraphs().stream()
                .map(XWPFParagraph::getText)
                .filter(t -> !t.isBlank())
                .toList();
    }

    private static String part(Path docx, String name) throws Exception {
        try (ZipFile zip = new ZipFile(docx.toFile());
                InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePartsComeBackInOrderOnA4WithTheOfficialMarginsAndGrid() throws Exception {
        Path file = dir.resolve("通知书.docx");
        DocumentDocx.write(document("", 3), file, Progress.NONE);

        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            assertThat(texts(d))
                    .containsExactly(
                            "督查问题整改通知书",
                            "江海市财政局：",
                            "一、督改〔2026〕0001号（三会一课）",
                            "（一）整改要求",
                            "支委会未按月召开，会议记录不全，党员学习教育流于形式。第1段。",
                            "支委会未按月召开，会议记录不全，党员学习教育流于形式。第2段。",
                            "支委会未按月召开，会议记录不全，党员学习教育流于形式。第3段。",
                            "中共江海市直属机关工作委员会",
                            "2026年12月6日",
                            "抄送：市委组织部。");
            var sect = d.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW().toString()).isEqualTo("11906"); // A4 in twips
            assertThat(sect.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(((java.math.BigInteger) sect.getPgMar().getTop()).intValue())
                    .isEqualTo(2098); // 37 mm
            assertThat(((java.math.BigInteger) sect.getPgMar().getLeft()).intValue())
                    .isEqualTo(1587); // 28 mm
            assertThat(((java.math.BigInteger) sect.getPgMar().getRight()).intValue())
                    .isEqualTo(1474); // 26 mm
            assertThat(((java.math.BigInteger) sect.getPgMar().getBottom()).intValue())
                    .isEqualTo(1984); // 35 mm
            assertThat(sect.getDocGrid().getLinePitch().intValue()).isEqualTo(579); // 22 lines
            // fonts and sizes as the layout says: 2号 title, 3号 仿宋 body, 黑体 一、, 楷体 （一）
            XWPFParagraph title = d.getParagraphs().stream()
                    .filter(p -> p.getText().equals("督查问题整改通知书"))
                    .findFirst()
                    .orElseThrow();
            assertThat(title.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(fontOf(d, "一、督改")).isEqualTo("黑体");
            assertThat(fontOf(d, "（一）")).isEqualTo("楷体");
            assertThat(fontOf(d, "支委会未按月召开")).isEqualTo("仿宋");
            XWPFParagraph body = d.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("支委会"))
                    .findFirst()
                    .orElseThrow();
            assertThat(body.getIndentationFirstLine()).isEqualTo(640); // two characters
            assertThat(body.getSpacingBetween()).isCloseTo(28.95, org.assertj.core.data.Offset.offset(0.01)); // exact
            // no 版头 without a 发文字号
            assertThat(texts(d)).noneMatch(t -> t.endsWith("文件"));
        }
    }

    private static String fontOf(XWPFDocument d, String start) {
        XWPFRun r = d.getParagraphs().stream()
                .filter(p -> p.getText().startsWith(start))
                .findFirst()
                .orElseThrow()
                .getRuns()
                .getFirst();
        return r.getCTR().getRPr().getRFontsArray(0).getEastAsia();
    }

    @Test
    void aChartIsANativeWordChartWithItsNumbersInItsOwnWorkbook() throws Exception {
        Path file = dir.resolve("报告.docx");
        List<OfficialDocument.Block> body = new ArrayList<>(document("", 2).body());
        body.add(DocumentPdfTest.chart());
        DocumentDocx.write(
                new OfficialDocument("", "", "关于督查情况的报告", "", body, LocalDate.of(2026, 12, 6), ""),
                file,
                Progress.NONE);
        try (XWPFDocument d = new XWPFDocument(java.nio.file.Files.newInputStream(file))) {
            assertThat(d.getCharts()).hasSize(1);
            var chart = d.getCharts().getFirst();
            var series = chart.getChartSeries().getFirst().getSeries(0);
            assertThat(series.getCategoryData().getPointCount()).isEqualTo(3);
            assertThat(series.getCategoryData().getPointAt(0)).isEqualTo("三会一课");
            assertThat(series.getValuesData().getPointAt(2).longValue()).isEqualTo(27L);
            // 编辑数据 in Word opens these numbers
            var sheet = chart.getWorkbook().getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("发现问题");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("阵地建设");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(9.0);
            assertThat(texts(d)).contains("发现问题与已销号（按问题类别）");
        }
        assertThat(part(file, "word/charts/chart1.xml")).contains("<c:autoTitleDeleted val=\"true\"/>");
    }

    @Test
    void everyRunNamesItsFontsAndNoThemeFontIsLeftForWpsToMiss() throws Exception {
        Path file = dir.resolve("通知书.docx");
        DocumentDocx.write(document("江机工委督〔2026〕3号", 5), file, Progress.NONE);
        String document = part(file, "word/document.xml");
        String styles = part(file, "word/styles.xml");
        for (String xml : List.of(document, styles)) {
            assertThat(xml).doesNotContain("Theme").doesNotContain("theme");
        }
        // every run of the body has its own rFonts with the east-Asian font named
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(file))) {
            for (XWPFParagraph p : d.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    assertThat(r.getCTR().getRPr().getRFontsArray(0).getEastAsia())
                            .as(p.getText())
                            .isIn("仿宋", "黑体", "楷体", "宋体", "方正小标宋简体");
                }
            }
            // the 版头 and the 版记 of a numbered document
            assertThat(texts(d))
                    .contains("中共江海市直属机关工作委员会文件", "江机工委督〔2026〕3号")
                    .anyMatch(t -> t.startsWith("中共江海市直属机关工作委员会") && t.endsWith("2026年12月6日印发"));
            assertThat(d.getSettings().getEvenAndOddHeadings()).isTrue();
            assertThat(d.getFooterList()).hasSize(2);
            assertThat(d.getFooterList())
                    .allSatisfy(f ->
                            assertThat(f.getText().strip()).startsWith("— ").endsWith(" —"));
        }
        assertThat(part(file, "word/footer1.xml") + part(file, "word/footer2.xml"))
                .contains("PAGE");
    }

    /** Where LibreOffice is installed: it opens the file, and its PDF holds the text and numbers its pages. */
    @Test
    void libreOfficeOpensItAndItsPdfHasTheTextAndPageNumbers() throws Exception {
        String soffice = soffice();
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) is not installed");
        Path file = dir.resolve("notice.docx");
        DocumentDocx.write(document("", 60), file, Progress.NONE);
        Path out = dir.resolve("pdf");
        Process p = new ProcessBuilder(
                        soffice,
                        "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        out.toString(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        Path pdf = out.resolve("notice.pdf");
        assertThat(pdf).exists();
        // LibreOffice's PDF sets its glyphs apart: compared without white space
        String text = TablePdfTest.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains("督查问题整改通知书", "江海市财政局：", "第60段", "2026年12月6日");
        try (PdfReader reader = new PdfReader(pdf.toString())) {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            assertThat(reader.getPageSize(1).getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            for (int page = 1; page <= pages; page++) {
                assertThat(new org.openpdf.text.pdf.parser.PdfTextExtractor(reader)
                                .getTextFromPage(page)
                                .replaceAll("\\s", ""))
                        .contains("—" + page + "—");
            }
        }
    }

    static String soffice() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dirName, "soffice");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
