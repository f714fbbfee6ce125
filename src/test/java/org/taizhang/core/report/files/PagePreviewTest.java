package org.taizhang.core.report.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.task.Progress;

/** A report's first page drawn from the PDF the export writes (the 报表 page's preview). */
class PagePreviewTest {
    @TempDir
    Path dir;

    @Test
    void theFirstPageIsDrawnWithItsPrint() {
        org.taizhang.core.pdf.PdfFontsAvailable.assumeChineseFont();
        Path pdf = dir.resolve("表.pdf");
        TableFiles.write(
                OfficialWorkbookTest.table(),
                new ReportTable.Heading("中共江海市直属机关工作委员会", LocalDate.of(2026, 12, 6)),
                ReportFormat.PDF,
                pdf,
                Messages.forLocale(Messages.CHINESE),
                Progress.NONE);

        BufferedImage page = PagePreview.firstPage(pdf, 72f);

        // A4 at 72 dpi, 595 × 842 points, one pixel each (this table is wide enough to lie landscape)
        assertThat(Math.min(page.getWidth(), page.getHeight())).isBetween(594, 596);
        assertThat(Math.max(page.getWidth(), page.getHeight())).isBetween(841, 843);
        int dark = 0;
        for (int y = 0; y < 150; y++) { // the title's band: the 黑体 title drawn, not blank boxes or nothing
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += grey < 128 ? 1 : 0;
            }
        }
        assertThat(dark).isGreaterThan(300);
    }

    @Test
    void aFileThatIsNoPdfIsSaidInWords() throws Exception {
        Path notPdf = Files.writeString(dir.resolve("表.pdf"), "不是 PDF");

        assertThatThrownBy(() -> PagePreview.firstPage(notPdf, 72f))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("report.error.preview"));
    }
}
