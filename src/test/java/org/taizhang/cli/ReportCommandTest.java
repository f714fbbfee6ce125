package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taizhang report acceptance-stats}: the 达标验收 figures by 共同体, as the issue spells them out. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    private int run(Object... args) {
        return cli.run(args);
    }

    @Test
    void theSampleYearGivesOneRowPerCommunityAndATotalInCsvAndXlsx() throws Exception {
        Path db = dir.resolve("taizhang.db");
        assertThat(run("--db", db, "init", "--sample")).isZero();
        int year = java.time.LocalDate.now().getYear();

        assertThat(run("--db", db, "report", "acceptance-stats", "--format", "csv", "--out", dir.resolve("s.csv")))
                .isZero();
        List<String> lines = Files.readAllLines(dir.resolve("s.csv"), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo("\uFEFF共同体,支部数,已验收,达标,未达标,达标率");
        assertThat(lines).hasSize(1 + 8 + 1); // the sample's 8 communities, then 合计
        String[] total = lines.getLast().split(",");
        assertThat(total[0]).isEqualTo("合计");
        int branches = Integer.parseInt(total[1]);
        int passed = Integer.parseInt(total[3]);
        assertThat(Integer.parseInt(total[2])).isEqualTo(passed + Integer.parseInt(total[4]));
        assertThat(total[5])
                .matches("\\d+\\.\\d%")
                .isEqualTo(java.math.BigDecimal.valueOf(passed * 100L)
                                .divide(java.math.BigDecimal.valueOf(branches), 1, java.math.RoundingMode.HALF_UP)
                        + "%");
        assertThat(out.toString()).contains(year + "年").contains("达标率");

        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "acceptance-stats",
                        "--year",
                        year,
                        "--format",
                        "xlsx",
                        "--out",
                        dir.resolve("s.xlsx")))
                .isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("s.xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(year + "年党支部达标验收统计表");
            // the official layout: title, 填报单位 / 填报日期, header, 8 communities, 合计
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("填报单位：");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("达标率");
            assertThat(sheet.getRow(11).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((int) sheet.getRow(11).getCell(1).getNumericCellValue()).isEqualTo(branches);
            assertThat(sheet.getRow(11).getCell(5).getNumericCellValue())
                    .isCloseTo(
                            Double.parseDouble(total[5].replace("%", "")) / 100,
                            org.assertj.core.data.Offset.offset(1e-9));
        }

        // --by unit: one row per unit with branches, the same 合计, and the rows add up to it
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "acceptance-stats",
                        "--by",
                        "unit",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("u.csv")))
                .isZero();
        List<String> units = Files.readAllLines(dir.resolve("u.csv"), StandardCharsets.UTF_8);
        assertThat(units.getFirst()).isEqualTo("\uFEFF单位,支部数,已验收,达标,未达标,达标率");
        assertThat(units.getLast()).isEqualTo(lines.getLast());
        assertThat(units).hasSizeGreaterThan(1 + 8 + 1);
        long[] sums = new long[4];
        for (String row : units.subList(1, units.size() - 1)) {
            String[] cells = row.split(",");
            assertThat(Integer.parseInt(cells[1])).as(row).isPositive();
            for (int c = 0; c < 4; c++) {
                sums[c] += Integer.parseInt(cells[c + 1]);
            }
        }
        for (int c = 0; c < 4; c++) {
            assertThat(sums[c]).as("column " + (c + 1)).isEqualTo(Long.parseLong(total[c + 1]));
        }
    }

    @Test
    void aYearWithoutAssessmentsCountsEveryBranchAsNotAccepted() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");

        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "acceptance-stats",
                        "--year",
                        2019,
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("2019.csv")))
                .isZero();

        assertThat(Files.readAllLines(dir.resolve("2019.csv")).getLast()).matches("合计,\\d+,0,0,0,0.0%");
        int next = java.time.LocalDate.now().getYear() + 1;
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "acceptance-stats",
                        "--year",
                        next,
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("明年.csv")))
                .isEqualTo(1);
        assertThat(err.toString()).contains(Integer.toString(next));
        assertThat(dir.resolve("明年.csv")).doesNotExist();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(run(
                        "--db",
                        dir.resolve("x.db"),
                        "report",
                        "acceptance-stats",
                        "--format",
                        "docx",
                        "--out",
                        dir.resolve("x.docx")))
                .isEqualTo(2);
        assertThat(run(
                        "--db",
                        dir.resolve("x.db"),
                        "report",
                        "rectification-stats",
                        "--format",
                        "docx",
                        "--out",
                        dir.resolve("x.docx")))
                .isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x.db"))).isFalse();
        // said in Chinese on the Chinese side, not in picocli's English
        assertThat(err.toString()).contains("选项 --format 的值无效：“docx”不在可选的值之中（可选：xlsx、csv、pdf）");
        assertThat(run(
                        "--db",
                        dir.resolve("x.db"),
                        "report",
                        "ledger",
                        "--year",
                        "二〇二六",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("x.csv")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("选项 --year 的值无效：“二〇二六”不是整数");
    }

    @Test
    void theAcceptanceFiguresPrintAsAPdf() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        assertThat(run("--db", db, "report", "acceptance-stats", "--format", "pdf", "--out", dir.resolve("s.pdf")))
                .isZero();
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(dir.resolve("s.pdf")))
                .contains("党支部达标验收统计表")
                .contains("合计");
    }

    /**
     * 问题整改情况统计表 by unit, 共同体 and category: the 合计's 发现问题 and 已销号 are the rows and the 已销号 rows of
     * {@code report ledger} with the same filters, in every grouping.
     */
    @Test
    void theRectificationFiguresAddUpToTheLedgerReportWithTheSameFilters() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        assertThat(run("--db", db, "report", "ledger", "--format", "xlsx", "--out", dir.resolve("ledger.xlsx")))
                .isZero();
        long[] ledger = ledgerRowsAndClosed(dir.resolve("ledger.xlsx"));
        long rows = ledger[0];
        long closed = ledger[1];
        assertThat(rows).isPositive();
        assertThat(closed).isPositive().isLessThan(rows);
        for (String by : List.of("unit", "community", "category")) {
            Path csv = dir.resolve(by + ".csv");
            assertThat(run("--db", db, "report", "rectification-stats", "--by", by, "--format", "csv", "--out", csv))
                    .as(err.toString())
                    .isZero();
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            String[] total = lines.getLast().split(",", -1);
            assertThat(total[0]).isEqualTo("合计");
            assertThat(Long.parseLong(total[1])).as(by).isEqualTo(rows);
            assertThat(Long.parseLong(total[2])).as(by).isEqualTo(closed);
            // every row: 发现问题 = 已销号 + 整改中, and the rows add up to the 合计
            long found = 0;
            for (String line : lines.subList(1, lines.size() - 1)) {
                String[] v = line.split(",", -1);
                assertThat(Integer.parseInt(v[1])).isEqualTo(Integer.parseInt(v[2]) + Integer.parseInt(v[3]));
                found += Integer.parseInt(v[1]);
            }
            assertThat(found).isEqualTo(rows);
        }
        assertThat(out.toString()).contains("问题整改情况统计表").contains("发现问题 " + rows + " 个");

        // the same with a filter: one unit's findings of this year (the sample's)
        String unit = Files.readAllLines(dir.resolve("unit.csv"), StandardCharsets.UTF_8)
                .get(1)
                .split(",", -1)[0];
        int year = java.time.LocalDate.now().getYear();
        run(
                "--db",
                db,
                "report",
                "ledger",
                "--year",
                year,
                "--unit",
                unit,
                "--format",
                "xlsx",
                "--out",
                dir.resolve("l2.xlsx"));
        run(
                "--db",
                db,
                "report",
                "rectification-stats",
                "--year",
                year,
                "--unit",
                unit,
                "--format",
                "xlsx",
                "--out",
                dir.resolve("u.xlsx"));
        long[] ofUnit = ledgerRowsAndClosed(dir.resolve("l2.xlsx"));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("u.xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(year + "年" + unit + "问题整改情况统计表");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo(unit);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat((long) sheet.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(ofUnit[0]);
            assertThat((long) sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(ofUnit[1]);
        }
    }

    /**
     * {@code report ledger} as a PDF (core.report's table layout: A4 landscape, the header on every page, fonts
     * embedded), and {@code --community}: the findings of the 共同体's units, as many as the statistics by 共同体 count.
     */
    @Test
    void theLedgerPrintsAsAPdfAndFiltersBy共同体() throws Exception {
        org.taizhang.core.pdf.PdfFontsAvailable.assumeChineseFont();
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        Path pdf = dir.resolve("台账.pdf");
        assertThat(run("--db", db, "report", "ledger", "--format", "pdf", "--out", pdf))
                .as(err.toString())
                .isZero();
        // a narrow cell wraps its text over lines: compared without the line breaks
        String text = org.taizhang.core.report.files.TablePdfTest.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains("问题整改台账", "问题编号", "整改时限", "督改〔", "0001号", "合计：共", "填表人", "第1页");
        org.taizhang.core.report.files.TablePdfTest.assertFontsEmbedded(pdf);

        Path byCommunity = dir.resolve("community.csv");
        run("--db", db, "report", "rectification-stats", "--by", "community", "--format", "csv", "--out", byCommunity);
        String[] first =
                Files.readAllLines(byCommunity, StandardCharsets.UTF_8).get(1).split(",", -1);
        Path ofCommunity = dir.resolve("共同体.xlsx");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "ledger",
                        "--community",
                        first[0],
                        "--format",
                        "xlsx",
                        "--out",
                        ofCommunity))
                .as(err.toString())
                .isZero();
        assertThat(ledgerRowsAndClosed(ofCommunity)[0]).isPositive().isEqualTo(Long.parseLong(first[1]));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(ofCommunity))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(first[0] + "问题整改台账");
        }
    }

    /**
     * {@code report ledger --state}: 逾期 and 未销号 hold as many findings as the statistics' 逾期 and 整改中 of the
     * 合计; an unknown state is a usage error that names the choices.
     */
    @Test
    void theLedgerCutToAStateHoldsWhatTheStatisticsCount() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        Path stats = dir.resolve("stats.csv");
        run("--db", db, "report", "rectification-stats", "--format", "csv", "--out", stats);
        List<String> lines = Files.readAllLines(stats, StandardCharsets.UTF_8);
        String[] total = lines.getLast().split(",", -1);
        assertThat(total[0]).isEqualTo("合计");

        Path overdue = dir.resolve("逾期.xlsx");
        assertThat(run("--db", db, "report", "ledger", "--state", "逾期", "--format", "xlsx", "--out", overdue))
                .as(err.toString())
                .isZero();
        assertThat(ledgerRowsAndClosed(overdue)[0]).isPositive().isEqualTo(Long.parseLong(total[4]));
        Path open = dir.resolve("未销号.xlsx");
        assertThat(run("--db", db, "report", "ledger", "--state", "open", "--format", "xlsx", "--out", open))
                .as(err.toString())
                .isZero();
        long[] openRows = ledgerRowsAndClosed(open);
        assertThat(openRows[0]).isEqualTo(Long.parseLong(total[3]));
        assertThat(openRows[1]).isZero();

        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "ledger",
                        "--state",
                        "乱写",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("x.csv")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("没有“乱写”这个状态", "未销号、逾期、待挂号");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    /** The rows of a ledger workbook ({@code report ledger}), and how many of them are 已销号. */
    private static long[] ledgerRowsAndClosed(Path xlsx) throws Exception {
        int state = org.taizhang.inspection.files.LedgerReport.COLUMNS.indexOf("状态");
        long rows = 0;
        long closed = 0;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 3; sheet.getRow(r) != null; r++) { // the rows end at the empty row before 合计
                rows++;
                closed += sheet.getRow(r).getCell(state).getStringCellValue().equals("已销号") ? 1 : 0;
            }
        }
        return new long[] {rows, closed};
    }

    @Test
    void aFilterNamingNothingIsRefusedInWords() {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "rectification-stats",
                        "--community",
                        "不存在的共同体",
                        "--format",
                        "csv",
                        "--out",
                        dir.resolve("x.csv")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("组织台账中没有名为“不存在的共同体”的共同体");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }

    /**
     * 发文字号 and 抄送 given on the command line: the notice gets its 版头 and its 版记 (抄送, 印发), in PDF and Word, the
     * brackets as GB/T 9704 sets them; a number for a folder of notices is refused, and the folder stays empty.
     */
    @Test
    void aNumberAndCopiesGiveADocumentItsMastheadAndVersionRecord() throws Exception {
        org.taizhang.core.pdf.PdfFontsAvailable.assumeChineseFont();
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        assertThat(run("--db", db, "settings", "committee")).isZero();
        assertThat(out.toString()).contains("尚未设置填报单位");
        assertThat(run("--db", db, "settings", "committee", "中共江海市直属机关工作委员会")).isZero();
        assertThat(out.toString()).contains("填报单位：中共江海市直属机关工作委员会");
        Path folder = dir.resolve("通知书");
        run("--db", db, "report", "notice", "--all-units", "--out", folder);
        String unit;
        try (var list = Files.list(folder)) {
            unit = list.sorted().toList().getFirst().getFileName().toString().replace("督查问题整改通知书.pdf", "");
        }

        Path pdf = dir.resolve("有文号.pdf");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "notice",
                        "--unit",
                        unit,
                        "--number",
                        "江机工委督[2026]3号",
                        "--copy-to",
                        "市委组织部，市纪委监委",
                        "--out",
                        pdf))
                .as(err.toString())
                .isZero();
        String text = org.taizhang.core.report.files.TablePdfTest.text(pdf);
        assertThat(text).contains("中共江海市直属机关工作委员会文件", "江机工委督〔2026〕3号", "抄送：市委组织部，市纪委监委。", "印发");

        Path docx = dir.resolve("通报.docx");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "bulletin",
                        "--format",
                        "docx",
                        "--number",
                        "江机工委督〔2026〕4号",
                        "--out",
                        docx))
                .as(err.toString())
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("江机工委督〔2026〕4号")
                    .anyMatch(t -> t.endsWith("印发"));
        }

        Path many = dir.resolve("一批");
        assertThat(run("--db", db, "report", "notice", "--all-units", "--number", "江机工委督〔2026〕5号", "--out", many))
                .isEqualTo(1);
        assertThat(err.toString()).contains("一个发文字号只能给一份公文");
        try (var list = Files.list(many)) {
            assertThat(list.toList()).isEmpty();
        }
    }

    /** 整改通知书: one unit's, every unit's into a folder, as PDF or Word; a unit with nothing to rectify refused. */
    @Test
    void noticesForOneUnitAndForAllListTheFindingsSentAndNotYetRectified() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        Path folder = dir.resolve("通知书");
        assertThat(run("--db", db, "report", "notice", "--all-units", "--out", folder))
                .as(err.toString())
                .isZero();
        assertThat(err.toString())
                .as("no 填报单位 yet: said, and written all the same")
                .contains("尚未设置填报单位");
        List<Path> files;
        try (var list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        assertThat(files).isNotEmpty().allMatch(f -> f.getFileName().toString().endsWith("督查问题整改通知书.pdf"));
        String unit = files.getFirst().getFileName().toString().replace("督查问题整改通知书.pdf", "");
        String text = org.taizhang.core.report.files.TablePdfTest.text(files.getFirst());
        assertThat(text).contains("督查问题整改通知书", unit + "：", "一、", "整改要求：", "— 1 —");

        Path one = dir.resolve("一个.pdf");
        assertThat(run("--db", db, "report", "notice", "--unit", unit, "--out", one))
                .isZero();
        assertThat(out.toString()).contains("整改通知书：" + unit);

        // Word, for a clerk who adds the 红头 and the seal: the same notice, one file or a folder of them
        Path word = dir.resolve("一个.docx");
        assertThat(run("--db", db, "report", "notice", "--unit", unit, "--format", "docx", "--out", word))
                .as(err.toString())
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("督查问题整改通知书", unit + "：")
                    .anyMatch(t -> t.startsWith("一、"))
                    .anyMatch(t -> t.startsWith("整改要求："));
        }
        Path words = dir.resolve("Word 通知书");
        assertThat(run("--db", db, "report", "notice", "--all-units", "--format", "docx", "--out", words))
                .isZero();
        try (var list = Files.list(words)) {
            assertThat(list.map(f -> f.getFileName().toString()).toList())
                    .hasSameSizeAs(files)
                    .allMatch(n -> n.endsWith("督查问题整改通知书.docx"));
        }
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "notice",
                        "--unit",
                        unit,
                        "--format",
                        "xlsx",
                        "--out",
                        dir.resolve("x.xlsx")))
                .isEqualTo(2);
        assertThat(run("--db", db, "report", "notice", "--unit", "不存在的单位", "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("没有名为“不存在的单位”的单位");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }

    /** 评估明细表: a sample branch's items and rounds as PDF and Excel; a branch never assessed refused in words. */
    @Test
    void anAssessmentDetailListsABranchsItemsWithItsRounds() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        Path pdf = dir.resolve("明细.pdf");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "assessment-detail",
                        "--unit",
                        "江海市住房和城乡建设局",
                        "--org",
                        "市住建局机关第二党支部",
                        "--format",
                        "pdf",
                        "--out",
                        pdf))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("评估明细表：江海市住房和城乡建设局市住建局机关第二党支部");
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(pdf))
                .contains("自评", "检查组评估", "达标验收", "合计", "本年度未测评");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "assessment-detail",
                        "--unit",
                        "江海市住房和城乡建设局",
                        "--org",
                        "没有这个支部",
                        "--format",
                        "pdf",
                        "--out",
                        dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }

    /** 督查情况报告 and 月度通报 on the sample, in PDF and Word; an unknown round or a month not yet come refused. */
    @Test
    void theRoundReportAndTheMonthlyBulletinAreWrittenWithTheirTables() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        int year = java.time.LocalDate.now().getYear();
        String round = (year - 1) + "年党建体检";
        Path stats = dir.resolve("stats.csv");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "rectification-stats",
                        "--format",
                        "csv",
                        "--out",
                        stats,
                        "--round",
                        round))
                .as(err.toString())
                .isZero();
        String total = Files.readAllLines(stats).stream()
                .filter(l -> l.startsWith("合计"))
                .findFirst()
                .orElseThrow()
                .split(",")[1];
        Path pdf = dir.resolve("报告.pdf");
        assertThat(run("--db", db, "report", "inspection-report", "--round", round, "--out", pdf))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("督查情况报告：" + round + "，问题 " + total + " 个");
        String text = org.taizhang.core.report.files.TablePdfTest.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains("关于" + round + "情况的报告", "督查共发现问题" + total + "个", "表1", "表2", "问题类别", "销号率");
        Path word = dir.resolve("报告.docx");
        assertThat(run("--db", db, "report", "inspection-report", "--round", round, "--format", "docx", "--out", word))
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            assertThat(d.getTables()).hasSize(2);
            assertThat(d.getTables().getFirst().getRow(0).getCell(0).getText()).isEqualTo("问题类别");
        }
        assertThat(run("--db", db, "report", "inspection-report", "--round", "没有这次督查", "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("没有名为“没有这次督查”的督查。现有的督查：", "2026年年中大督查"); // which there are

        Path bulletin = dir.resolve("通报.pdf");
        String month = java.time.YearMonth.now().minusMonths(1).toString();
        assertThat(run("--db", db, "report", "bulletin", "--month", month, "--out", bulletin))
                .as(err.toString())
                .isZero();
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(bulletin).replaceAll("\\s", ""))
                .contains("问题整改情况通报", "本月新发现问题", "各单位销号率排名", "名次");
        assertThat(run("--db", db, "report", "bulletin", "--format", "docx", "--out", dir.resolve("通报.docx")))
                .isZero();
        // a month as clerks write it: 2026/11, 2026-1, 2026年11月
        java.time.YearMonth last = java.time.YearMonth.now().minusMonths(1);
        for (String typed : List.of(
                last.getYear() + "/" + last.getMonthValue(),
                last.getYear() + "-" + last.getMonthValue(),
                last.getYear() + "年" + last.getMonthValue() + "月")) {
            assertThat(run("--db", db, "report", "bulletin", "--month", typed, "--out", dir.resolve("月.pdf")))
                    .as(typed + err)
                    .isZero();
        }
        assertThat(run("--db", db, "report", "bulletin", "--month", "十一月", "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("月份须写成 YYYY-MM");
        assertThat(run("--db", db, "report", "bulletin", "--month", "1999-01", "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("月份太早：1999-01");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "bulletin",
                        "--month",
                        java.time.YearMonth.now().plusMonths(1).toString(),
                        "--out",
                        dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("还没有到这个月份");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }

    /** 空白测评表: every item of the sample's standard with its points and empty boxes, as PDF and Excel. */
    @Test
    void aBlankChecklistHasEveryItemWithItsPointsAndEmptyScoreBoxes() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        Path pdf = dir.resolve("空白测评表.pdf");
        assertThat(run("--db", db, "report", "blank-checklist", "--template", "党支部标准化规范化建设考核细则", "--out", pdf))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("空白测评表：党支部标准化规范化建设考核细则测评表（第1版）");
        String text = org.taizhang.core.report.files.TablePdfTest.text(pdf);
        assertThat(text).contains("测评内容", "分值", "得分", "扣分原因", "满分", "测评人（签字）");
        Path xlsx = dir.resolve("空白测评表.xlsx");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "blank-checklist",
                        "--template",
                        "党支部标准化规范化建设考核细则",
                        "--format",
                        "xlsx",
                        "--out",
                        xlsx))
                .isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            // every item's score cell empty; the 满分 row holds the template's full marks
            int items = 0;
            String full = null;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null) {
                    continue;
                }
                String first = row.getCell(0).getStringCellValue();
                if (first.equals("满分")) {
                    full = row.getCell(2).getStringCellValue();
                    break;
                }
                if (!row.getCell(2).getStringCellValue().isEmpty()) {
                    items++;
                    assertThat(row.getCell(4).getStringCellValue()).isEmpty();
                }
            }
            assertThat(items).isGreaterThan(10);
            assertThat(full).isEqualTo("100");
        }
        assertThat(run("--db", db, "report", "blank-checklist", "--template", "没有这套细则", "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("没有名为“没有这套细则”的已发布测评细则", "现有的：党支部标准化规范化建设考核细则");
        // the sample's 六有 template is a draft: no form on paper of what is not yet published
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "blank-checklist",
                        "--template",
                        "党员活动阵地“六有”标准",
                        "--out",
                        dir.resolve("草稿.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("测评细则“党员活动阵地“六有”标准”还没有发布的版本");
        assertThat(dir.resolve("草稿.pdf")).doesNotExist();
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "blank-checklist",
                        "--template",
                        "党支部标准化规范化建设考核细则",
                        "--format",
                        "docx",
                        "--out",
                        dir.resolve("空白测评表.docx")))
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(dir.resolve("空白测评表.docx")))) {
            var table = d.getTables().getFirst();
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("测评内容");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            // the widths in the grid as well as in the table (WPS reads the grid)
            assertThat(table.getCTTbl().getTblGrid().sizeOfGridColArray()).isEqualTo(6);
            assertThat(table.getRows().getLast().getCell(0).getText()).isEqualTo("满分");
        }
    }

    /** 上年问题整改情况: a unit's findings of a year in PDF and Word; an unknown unit or a year out of range refused. */
    @Test
    void lastYearWritesAUnitsFindingsOfTheYearAsPdfAndWord() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        int year = java.time.LocalDate.now().getYear();
        Path stats = dir.resolve("stats.csv");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "rectification-stats",
                        "--format",
                        "csv",
                        "--out",
                        stats,
                        "--year",
                        year - 1))
                .isZero();
        List<String> row = Files.readAllLines(stats).stream()
                .map(l -> l.replace("\uFEFF", "")) // the byte order mark Excel wants
                .filter(l -> !l.startsWith("单位") && !l.startsWith("合计") && !l.isBlank())
                .findFirst()
                .map(l -> List.of(l.split(",")))
                .orElseThrow();
        String unit = row.get(0);
        Path pdf = dir.resolve("上年.pdf");
        assertThat(run("--db", db, "report", "last-year", "--unit", unit, "--out", pdf))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("上年问题整改情况：" + unit + "（" + (year - 1) + "年），问题 " + row.get(1) + " 个");
        String text = org.taizhang.core.report.files.TablePdfTest.text(pdf).replaceAll("\\s", "");
        assertThat(text)
                .contains(unit + (year - 1) + "年度问题整改情况")
                .contains("共发现问题" + row.get(1) + "个，已销号" + row.get(2) + "个")
                .contains("—1—");
        Path word = dir.resolve("上年.docx");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "last-year",
                        "--unit",
                        unit,
                        "--year",
                        year - 1,
                        "--format",
                        "docx",
                        "--out",
                        word))
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains(unit + (year - 1) + "年度问题整改情况", unit + "：");
        }
        assertThat(run("--db", db, "report", "last-year", "--unit", "不存在的单位", "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "last-year",
                        "--unit",
                        unit,
                        "--year",
                        1999,
                        "--out",
                        dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("年度须在 2000 年到今年之间");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }

    /** 销号确认单: a closed finding's record with room to sign; a finding that has not applied is refused in words. */
    @Test
    void aCloseConfirmationHoldsTheMeasuresEvidenceOpinionAndDate() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        run("--db", db, "report", "ledger", "--format", "xlsx", "--out", dir.resolve("ledger.xlsx"));
        int state = org.taizhang.inspection.files.LedgerReport.COLUMNS.indexOf("状态");
        String closed = null;
        String notified = null;
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("ledger.xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 3; sheet.getRow(r) != null; r++) { // the rows end at the empty row before 合计
                String s = sheet.getRow(r).getCell(state).getStringCellValue();
                String number = sheet.getRow(r).getCell(0).getStringCellValue();
                closed = closed == null && s.equals("已销号") ? number : closed;
                notified = notified == null && s.equals("已交办") ? number : notified;
            }
        }
        assertThat(closed).isNotNull();
        Path file = dir.resolve("确认单.pdf");
        assertThat(run("--db", db, "report", "close-confirmation", "--finding", closed, "--out", file))
                .as(err.toString())
                .isZero();
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(file))
                .contains("问题整改销号确认单", closed, "整改措施", "佐证材料", "核查意见", "销号时间", "核查人（签字）")
                .contains("整改评价："); // the verifier's rating named, not a bare 好 before the opinion
        // the number as a keyboard types it: [2025] for 〔2025〕
        Path typed = dir.resolve("键入的编号.pdf");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "close-confirmation",
                        "--finding",
                        closed.replace("〔", "[").replace("〕", "]"),
                        "--out",
                        typed))
                .as(err.toString())
                .isZero();
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(typed)).contains(closed);
        Path word = dir.resolve("确认单.docx");
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "close-confirmation",
                        "--finding",
                        closed,
                        "--format",
                        "docx",
                        "--out",
                        word))
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(d).getText();
            assertThat(text).contains("问题整改销号确认单", closed, "整改措施", "核查意见", "核查人（签字）");
        }

        assertThat(notified).isNotNull();
        assertThat(run(
                        "--db",
                        db,
                        "report",
                        "close-confirmation",
                        "--finding",
                        notified,
                        "--out",
                        dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains(notified + "尚未申请销号");
        assertThat(Files.exists(dir.resolve("x.pdf"))).isFalse();
    }

    /** 组织台账 among the reports: the registry's own files, in the three table formats. */
    @Test
    void theRegistryIsWrittenAsAWorkbookACsvAndAPdf() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        assertThat(run("--db", db, "report", "registry", "--format", "xlsx", "--out", dir.resolve("r.xlsx")))
                .isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("r.xlsx")))) {
            assertThat(wb.getSheet("党组织").getLastRowNum()).isEqualTo(374);
        }
        assertThat(out.toString()).contains("单位 62 个，党组织 374 个");
        assertThat(run("--db", db, "report", "registry", "--format", "csv", "--out", dir.resolve("r.csv")))
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("r.csv"))).hasSizeGreaterThan(374);
        assertThat(run("--db", db, "report", "registry", "--format", "pdf", "--out", dir.resolve("r.pdf")))
                .isZero();
        assertThat(org.taizhang.core.report.files.TablePdfTest.text(dir.resolve("r.pdf")))
                .contains("党组织台账", "合计");
        assertThat(run("--db", db, "report", "registry", "--format", "docx", "--out", dir.resolve("r.docx")))
                .isEqualTo(2);
    }

    /** 换届提示函: the organizations whose term ends within N months, by unit; none due is refused in words. */
    @Test
    void aTermReminderNamesTheOrganizationsWhoseTermEndsSoon() throws Exception {
        Path db = dir.resolve("taizhang.db");
        run("--db", db, "init", "--sample");
        Path file = dir.resolve("换届.pdf");
        assertThat(run("--db", db, "report", "term-reminders", "--months", 6, "--out", file))
                .as(err.toString())
                .isZero();
        String text = org.taizhang.core.report.files.TablePdfTest.text(file);
        assertThat(text).contains("关于做好党组织换届工作的提示函", "各有关单位党组（党委）：", "一、", "任期");
        assertThat(text).contains("市委办督查室党支部"); // its term ended on 2025-11-09 (the sample)
        Path word = dir.resolve("提示函.docx");
        assertThat(run("--db", db, "report", "term-reminders", "--months", 6, "--format", "docx", "--out", word))
                .isZero();
        try (var d = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(word))) {
            assertThat(d.getParagraphs().stream().map(p -> p.getText()).toList())
                    .contains("关于做好党组织换届工作的提示函", "各有关单位党组（党委）：");
        }
        assertThat(run("--db", db, "report", "term-reminders", "--months", 61, "--out", dir.resolve("x.pdf")))
                .isEqualTo(1);
        assertThat(err.toString()).contains("月数须在 0 到 60 之间");
    }
}
