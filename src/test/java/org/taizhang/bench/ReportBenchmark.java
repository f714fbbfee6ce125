package org.taizhang.bench;

import static org.taizhang.inspection.LedgerEntryBuilder.aFinding;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.report.OfficialDocument;
import org.taizhang.core.report.files.DocumentPdf;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.report.RectificationNotice;

/**
 * 报表's notices benchmark (issue 21; docs/benchmarks.md), side by side in one run: 1,500 整改通知书 (five findings
 * each) written through {@link DocumentPdf} — the GB/T 9704 layout, 避头尾, page numbers, fonts embedded — against
 * bare OpenPDF writing the same text as plain paragraphs in the same fonts, one file each. Alternates the two three
 * times and reports the medians. {@code mvn -o -Pbench toolchains:select-jdk-toolchain exec:exec@report-benchmarks}.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {}

    static final int NOTICES = 1_500;

    public static void main(String[] args) throws Exception {
        Messages m = Messages.forLocale(Messages.CHINESE);
        LocalDate today = LocalDate.of(2026, 12, 6);
        List<OfficialDocument> notices = new ArrayList<>();
        String[] problems = {
            "支委会未按月召开，今年以来仅召开4次，会议记录不完整",
            "党员活动室被挪作会议室使用，入党誓词、党旗等上墙内容缺失",
            "党费收缴台账不规范，未按月公示，部分党员未按标准交纳",
            "发展党员档案材料缺失入党志愿书和政治审查材料",
            "主题党日活动流于形式，缺少学习研讨和交流发言记录"
        };
        for (int u = 0; u < NOTICES; u++) {
            List<LedgerEntry> findings = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                findings.add(aFinding()
                        .of("u" + u, "单位" + u)
                        .described(problems[i])
                        .in(FindingState.NOTIFIED)
                        .build());
            }
            notices.add(RectificationNotice.of("单位" + u, findings, "中共江海市直属机关工作委员会", today, m));
        }
        PdfFonts fonts = PdfFonts.system();
        BaseFont fang = fonts.font(PdfFonts.Face.FANG);
        BaseFont hei = fonts.font(PdfFonts.Face.HEI);
        Path work = Files.createTempDirectory("taizhang-report-bench");
        double[] ours = new double[3];
        double[] bare = new double[3];
        // one round of each first, unmeasured: both paths warm up the JIT and the fonts
        runOurs(notices.subList(0, 100), work.resolve("warm-ours"), fonts);
        runBare(notices.subList(0, 100), work.resolve("warm-bare"), fang, hei);
        for (int run = 0; run < 3; run++) {
            ours[run] = runOurs(notices, work.resolve("ours-" + run), fonts);
            bare[run] = runBare(notices, work.resolve("bare-" + run), fang, hei);
        }
        Arrays.sort(ours);
        Arrays.sort(bare);
        String line = String.format(
                "Report benchmark %s, %d cores, Java %s: %,d notices (5 findings each) through DocumentPdf median %.0f"
                        + " ms (%.0f–%.0f); bare OpenPDF, the same text in the same fonts, median %.0f ms (%.0f–%.0f);"
                        + " %.2f× — target within 2×",
                java.time.LocalDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                NOTICES,
                ours[1],
                ours[0],
                ours[2],
                bare[1],
                bare[0],
                bare[2],
                ours[1] / bare[1]);
        System.out.println(line);
        Path out = Path.of("target", "benchmarks.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(
                out,
                line + System.lineSeparator(),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static double runOurs(List<OfficialDocument> notices, Path folder, PdfFonts fonts) throws Exception {
        Files.createDirectories(folder);
        long t = System.nanoTime();
        int i = 0;
        for (OfficialDocument d : notices) {
            DocumentPdf.write(d, folder.resolve("n" + i++ + ".pdf"), fonts, Progress.NONE);
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /** The same words, as plain paragraphs: no layout, no line-break rule, no page numbers; synced like ours. */
    private static double runBare(List<OfficialDocument> notices, Path folder, BaseFont fang, BaseFont hei)
            throws Exception {
        Files.createDirectories(folder);
        Font body = new Font(fang, 16f);
        Font title = new Font(hei, 22f);
        long t = System.nanoTime();
        int i = 0;
        for (OfficialDocument d : notices) {
            Path file = folder.resolve("n" + i++ + ".pdf");
            try (var channel = java.nio.channels.FileChannel.open(
                            file,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.WRITE,
                            java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out =
                            new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel))) {
                Document document = new Document(PageSize.A4);
                PdfWriter writer = PdfWriter.getInstance(document, out);
                writer.setCloseStream(false);
                document.open();
                document.add(new Paragraph(d.title(), title));
                document.add(new Paragraph(d.recipient() + "：", body));
                for (OfficialDocument.Block b : d.body()) {
                    document.add(new Paragraph(b.text(), body));
                }
                document.add(new Paragraph(d.issuer(), body));
                document.add(new Paragraph(OfficialDocument.date(d.date()), body));
                document.close();
                out.flush();
                channel.force(true); // DocumentPdf's files are synced too (SafeFiles)
            }
        }
        return (System.nanoTime() - t) / 1e6;
    }
}
