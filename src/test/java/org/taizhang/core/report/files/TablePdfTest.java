package org.taizhang.core.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.task.Progress;

/** A table as a printable PDF: its Chinese comes back as text, and every font is embedded. */
public class TablePdfTest {
    @TempDir
    Path dir;

    /** Every page's text, in order. */
    public static String text(Path pdf) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf.toString())) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                sb.append(extractor.getTextFromPage(p)).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void theTableItsHeadingTotalNotesAndPageNumbersComeBackAsChineseText() throws IOException {
        org.taizhang.core.pdf.PdfFontsAvailable.assumeChineseFont();
        Path file = dir.resolve("表.pdf");
        TableFiles.write(
                OfficialWorkbookTest.table(),
                new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6)),
                ReportFormat.PDF,
                file,
                Messages.forLocale(Messages.CHINESE),
                Progress.NONE);
        assertThat(text(file))
                .contains("2026年问题整改情况统计表")
                .contains("填报单位：中共江海市直属机关工作委员会")
                .contains("填报日期：2026年12月6日")
                .contains("江海市财政局", "57.1%", "2026-12-06", "=1+1")
                .contains("合计", "70.0%")
                .contains("说明：销号率")
                .contains("填表人", "审核人")
                .contains("第 1 页", "共 1 页");
        assertFontsEmbedded(file);
    }

    /**
     * A preview's first page is the whole file's first page, written from the first rows only: the same print but the
     * footer, which cannot know 共 N 页.
     */
    /** The paper a table is printed on: as narrow as its columns allow, never under the smallest legible size. */
    @Test
    void aNarrowTableIsPortraitAWideOneLandscapeAndTheLedgerA3() {
        org.openpdf.text.Rectangle stats = TablePdf.page(40, 7); // 问题整改情况统计表
        assertThat(stats.getWidth()).isLessThan(stats.getHeight());
        org.openpdf.text.Rectangle wide = TablePdf.page(80, 11); // 组织台账
        assertThat(wide.getWidth()).isEqualTo(org.openpdf.text.PageSize.A4.getHeight());
        double ledger = org.taizhang.inspection.files.LedgerReport.table(
                        java.util.List.of(), "台账", Messages.forLocale(Messages.CHINESE))
                .columns()
                .stream()
                .mapToDouble(ReportTable.Column::width)
                .sum();
        org.openpdf.text.Rectangle a3 =
                TablePdf.page(ledger, org.taizhang.inspection.files.LedgerReport.COLUMNS.size());
        assertThat(a3.getWidth()).isEqualTo(org.openpdf.text.PageSize.A3.getHeight());
        // and on A3 the ledger's characters fit at the smallest size or larger: no column is squeezed below its text
        float textWidth = a3.getWidth() - 2 * 42f;
        assertThat(TablePdf.bodySize(textWidth, ledger, org.taizhang.inspection.files.LedgerReport.COLUMNS.size()))
                .isGreaterThan(7f);
    }

    @Test
    void aFirstPageAloneIsTheWholeFilesFirstPageWithoutThePageCount() throws IOException {
        org.taizhang.core.pdf.PdfFontsAvailable.assumeChineseFont();
        ReportTable table = new ReportTable(
                "问题整改台账",
                "台账",
                java.util.List.of(ReportTable.Column.text("单位", 10), ReportTable.Column.wrapped("问题描述", 30)),
                ReportTable.computed(500, i -> java.util.List.of("单位" + i, "第" + i + "个问题：支委会未按月召开")),
                null,
                java.util.List.of());
        ReportTable.Heading heading = new ReportTable.Heading("", LocalDate.of(2026, 12, 7));
        Messages m = Messages.forLocale(Messages.CHINESE);
        Path whole = dir.resolve("全部.pdf");
        Path first = dir.resolve("第一页.pdf");

        TablePdf.write(table, heading, whole, m, org.taizhang.core.pdf.PdfFonts.system(), Progress.NONE);
        TablePdf.firstPage(table, heading, first, m, org.taizhang.core.pdf.PdfFonts.system(), Progress.NONE);

        String wholePage;
        String firstPage;
        try (PdfReader a = new PdfReader(whole.toString());
                PdfReader b = new PdfReader(first.toString())) {
            assertThat(a.getNumberOfPages()).isGreaterThan(b.getNumberOfPages());
            wholePage = new PdfTextExtractor(a).getTextFromPage(1);
            firstPage = new PdfTextExtractor(b).getTextFromPage(1);
        }
        assertThat(wholePage).contains("共 ");
        assertThat(firstPage).contains("第 1 页").doesNotContain("共 ");
        assertThat(firstPage.replace("第 1 页", "")).isEqualTo(wholePage.replaceAll("第 1 页\\s*共 \\d+ 页", ""));
    }

    /** Every font of every page carries its font file (what pdffonts shows as emb yes). */
    public static void assertFontsEmbedded(Path file) throws IOException {
        try (PdfReader reader = new PdfReader(file.toString())) {
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                PdfDictionary fonts =
                        reader.getPageN(p).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
                for (PdfName name : fonts.getKeys()) {
                    assertThat(embedded(fonts.getAsDict(name)))
                            .as("font %s embedded", name)
                            .isTrue();
                }
            }
        }
    }

    /** A Type 0 font's descendant, or the font itself, carries its font file. */
    private static boolean embedded(PdfDictionary font) {
        PdfDictionary f = font;
        if (PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE))) {
            f = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
        }
        PdfDictionary descriptor = f.getAsDict(PdfName.FONTDESCRIPTOR);
        return descriptor != null
                && (descriptor.contains(PdfName.FONTFILE)
                        || descriptor.contains(PdfName.FONTFILE2)
                        || descriptor.contains(PdfName.FONTFILE3));
    }
}
