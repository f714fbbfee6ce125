package org.taizhang.organization.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.PdfFontsAvailable;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.CancelledException;
import org.taizhang.core.task.Progress;
import org.taizhang.core.task.TestProgress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.RegistryServiceTest;

/**
 * The registry printed as a PDF table, read back with OpenPDF's own parser. Needs a Chinese font on the machine
 * (CI installs fonts-noto-cjk); without one these tests are skipped and PdfFontsTest checks the error instead.
 */
class RegistryPdfTest {
    private static final Messages ZH = Messages.forLocale(Messages.CHINESE);

    @TempDir
    Path dir;

    private Store store;
    private RegistryService service;

    @BeforeEach
    void open() {
        PdfFontsAvailable.assumeChineseFont();
        store = Store.openOrCreate(dir.resolve("taizhang.db"), RegistryServiceTest.sampleDay());
        service = new RegistryService(store);
        service.importSample(Progress.NONE);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static String text(PdfReader reader, int page) throws IOException {
        return new PdfTextExtractor(reader).getTextFromPage(page);
    }

    @Test
    void theSamplePrintsAsAnA4LandscapeTableOnSeveralPages() throws IOException {
        Path file = dir.resolve("组织台账.pdf");

        service.exportPdf(file, null, ZH, Progress.NONE);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(bytes)) {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                Rectangle size = reader.getPageSize(p);
                assertThat(reader.getPageRotation(p)).as("page %d rotation", p).isZero();
                assertThat(size.getWidth()).as("page %d width", p).isCloseTo(842f, Offset.offset(1f));
                assertThat(size.getHeight()).as("page %d height", p).isCloseTo(595f, Offset.offset(1f));
            }
        }
    }

    @Test
    void theTextHasTheTitleDateOrganizationsHeaderOnEveryPageTotalAndPageNumbers() throws IOException {
        Path file = dir.resolve("组织台账.pdf");

        service.exportPdf(file, null, ZH, Progress.NONE);

        try (PdfReader reader = new PdfReader(file.toString())) {
            int pages = reader.getNumberOfPages();
            String first = text(reader, 1);
            assertThat(first).contains("党组织台账", "填报日期：2026年11月23日", "市委办机关党委", "市委办机关第一党支部");
            String second = text(reader, 2);
            assertThat(second).contains("序号", "组织名称", "上级组织", "党员数", "任期届满");
            String last = text(reader, pages);
            assertThat(last).contains("合计", "党组织374个", "机关党委31个", "党支部303个", "7343", "填表人", "审核人");
            assertThat(first).contains("第 1 页", "共 " + pages + " 页");
            assertThat(last).contains("第 " + pages + " 页", "共 " + pages + " 页");
        }
    }

    @Test
    void anExpiredTermIsMarkedWithAnAsteriskThatTheNoteExplains() throws IOException {
        Path file = dir.resolve("组织台账.pdf");

        service.exportPdf(file, null, ZH, Progress.NONE);

        try (PdfReader reader = new PdfReader(file.toString())) {
            String first = text(reader, 1);
            assertThat(first)
                    .contains("2025-11-09" + RegistryTable.EXPIRED_MARK) // 市委办督查室党支部, expired
                    .doesNotContain("2029-04-16" + RegistryTable.EXPIRED_MARK); // 市委办机关党委, running
            assertThat(text(reader, reader.getNumberOfPages())).contains("任期已届满");
        }
    }

    @Test
    void anEmptyRegistryPrintsTheHeaderAndAZeroTotalOnOnePage() throws IOException {
        store.close();
        store = Store.openOrCreate(dir.resolve("empty.db"), RegistryServiceTest.sampleDay());
        service = new RegistryService(store);
        Path file = dir.resolve("空台账.pdf");

        service.exportPdf(file, null, ZH, Progress.NONE);

        try (PdfReader reader = new PdfReader(file.toString())) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(text(reader, 1)).contains("组织名称", "合计", "党组织0个", "机关党委0个", "第 1 页", "共 1 页");
        }
    }

    @Test
    void aTitleGivenReplacesTheDefault() throws IOException {
        Path file = dir.resolve("组织台账.pdf");

        service.exportPdf(file, "江海市机关工委组织台账", ZH, Progress.NONE);

        try (PdfReader reader = new PdfReader(file.toString())) {
            assertThat(text(reader, 1)).contains("江海市机关工委组织台账");
            assertThat(reader.getInfo().get("Title")).isEqualTo("江海市机关工委组织台账");
        }
    }

    @Test
    void aNamesRareCharacterIsDrawnFromAFontThatHasItAndEveryFontIsEmbedded() throws Exception {
        Path file = dir.resolve("组织台账.pdf");

        service.exportPdf(file, "吉𠮷䶮支部台账", ZH, Progress.NONE);

        try (PdfReader reader = new PdfReader(file.toString())) {
            assertThat(text(reader, 1)).contains("吉𠮷䶮支部台账");
        }
        Process fonts;
        try {
            fonts = new ProcessBuilder("pdffonts", file.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException noPoppler) {
            return; // poppler-utils not installed: the text above is the check
        }
        String listed = new String(fonts.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (fonts.waitFor() == 0) { // poppler-utils: every font embedded ("emb" column yes)
            listed.lines().skip(2).forEach(line -> assertThat(line).contains(" yes "));
        }
    }

    @Test
    void inEnglishTheHeadersAndPageNumbersAreEnglish() throws IOException {
        Path file = dir.resolve("registry.pdf");

        service.exportPdf(file, null, Messages.forLocale(Messages.ENGLISH), Progress.NONE);

        try (PdfReader reader = new PdfReader(file.toString())) {
            assertThat(text(reader, 2)).contains("Organization", "Secretary", "Page 2");
        }
    }

    @Test
    void cancellingKeepsThePreviousFileAndLeavesNoTempFile() throws IOException {
        Path file = Files.writeString(dir.resolve("组织台账.pdf"), "上次导出的文件");

        assertThatThrownBy(() -> service.exportPdf(file, null, ZH, TestProgress.cancelledWhen(done -> true)))
                .isInstanceOf(CancelledException.class);

        assertThat(file).hasContent("上次导出的文件");
        assertNoTempFiles();
    }

    @Test
    void cancellingHalfWayThroughTheRowsWritesNoFile() throws IOException {
        Path file = dir.resolve("组织台账.pdf");
        AtomicLong cancelledAt = new AtomicLong();

        assertThatThrownBy(() -> service.exportPdf(file, null, ZH, TestProgress.cancelledWhen(done -> {
                    if (done >= 100) {
                        cancelledAt.compareAndSet(0, done);
                        return true;
                    }
                    return false;
                })))
                .isInstanceOf(CancelledException.class);

        assertThat(cancelledAt.get()).as("rows written before the cancel").isGreaterThanOrEqualTo(100);
        assertThat(file).doesNotExist();
        assertNoTempFiles();
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
