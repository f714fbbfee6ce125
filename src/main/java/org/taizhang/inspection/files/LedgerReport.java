package org.taizhang.inspection.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;

/**
 * The 整改台账 as a file (.xlsx through {@link LedgerWorkbook}, .csv through {@link LedgerCsv}): one row per finding
 * with the columns clerks know (DOMAIN.md), 问题编号 first, then 状态 and 预警. Column names and values are the words
 * files use, whatever the window's language. Merged findings are left out: their number and timeline live on in
 * the finding they were merged into.
 */
public final class LedgerReport {
    /** The columns, in order (the DOMAIN.md ledger columns with 问题编号 first, plus 状态 and 预警). */
    public static final List<String> COLUMNS = List.of(
            "问题编号", "序号", "来源", "单位", "支部", "问题类别", "问题描述", "依据条款", "整改类型", "整改措施", "责任领导", "责任部门", "责任人", "整改时限",
            "整改进展", "完成情况", "佐证材料", "销号申请日期", "核查人/意见", "销号时间", "备注", "状态", "预警");

    private LedgerReport() {}

    /**
     * Which findings the report holds; null: any.
     *
     * @param year the year a finding was found (发现日期): a 待挂号 finding has no number year yet, and a round's
     *     findings found in December and numbered in January still belong to the round's year
     * @param round a round's title
     * @param unit a unit's name, as in the registry workbook
     */
    public record Filter(Integer year, String round, String unit) {
        public static final Filter ALL = new Filter(null, null, null);

        boolean matches(LedgerEntry e) {
            return e.state() != FindingState.MERGED
                    && (year == null || e.finding().foundOn().getYear() == year)
                    && (round == null || round.equals(e.inspectionTitle()))
                    && (unit == null || unit.equals(e.unitName()));
        }
    }

    /** What a report held: its rows, and how many are in each state and overdue (for the 合计 line). */
    public record Summary(int rows, Map<FindingState, Integer> byState, int overdue, int soon) {}

    static List<LedgerEntry> select(List<LedgerEntry> ledger, Filter filter) {
        return ledger.stream().filter(filter::matches).toList();
    }

    static Summary summary(List<LedgerEntry> entries) {
        Map<FindingState, Integer> byState = new EnumMap<>(FindingState.class);
        int overdue = 0;
        int soon = 0;
        for (LedgerEntry e : entries) {
            byState.merge(e.state(), 1, Integer::sum);
            overdue += e.warning().isOverdue() ? 1 : 0;
            soon += e.warning() == Warning.SOON ? 1 : 0;
        }
        return new Summary(entries.size(), byState, overdue, soon);
    }

    /** One finding's row, as text in {@link #COLUMNS}' order; {@code seq} is its 序号 (1-based). */
    static List<String> row(LedgerEntry e, int seq) {
        Finding f = e.finding();
        Timeline t = e.timeline();
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(orBlank(f.number()));
        r.add(Integer.toString(seq));
        r.add(e.inspectionTitle() != null ? e.inspectionTitle() : f.source().fileLabel());
        r.add(orBlank(e.unitName()));
        r.add(orBlank(e.organizationName()));
        r.add(orBlank(f.category()));
        r.add(orBlank(f.description()));
        r.add(orBlank(f.basis()));
        r.add(f.type().fileLabel());
        r.add(measures(e.measures()));
        r.add(orBlank(t.leader()));
        r.add(orBlank(t.department()));
        r.add(orBlank(t.person()));
        r.add(date(t.deadline()));
        r.add(t.latestProgress() == null ? "" : date(t.latestProgressOn()) + " " + t.latestProgress());
        r.add(completion(e));
        r.add(e.evidenceCount() == 0 ? "" : Integer.toString(e.evidenceCount()));
        r.add(date(t.closeRequestedOn()));
        r.add(verifier(t));
        r.add(date(t.closedOn()));
        r.add(orBlank(f.internalNotes()));
        r.add(e.state().fileLabel());
        r.add(e.warning().reportLabel());
        return r;
    }

    /** The measures as one cell: “1. 制定学习计划（责任人：张三，时限：2026-07-01，已完成）”, one a line. */
    static String measures(List<Measure> measures) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Measure m : measures) {
            List<String> about = new ArrayList<>();
            if (m.owner() != null && !m.owner().isBlank()) {
                about.add("责任人：" + m.owner());
            }
            if (m.deadline() != null) {
                about.add("时限：" + m.deadline());
            }
            if (m.isDone()) {
                about.add(m.doneOn() + "完成");
            }
            lines.add(++n + ". " + m.text() + (about.isEmpty() ? "" : "（" + String.join("，", about) + "）"));
        }
        return String.join("\n", lines);
    }

    /** 完成情况 as ledgers say it: 已完成, 已完成（待核查）, or 正在整改 with how many measures are done. */
    private static String completion(LedgerEntry e) {
        return switch (e.state()) {
            case CLOSED -> "已完成";
            case CLOSE_REQUESTED -> "已完成（待核查）";
            case NOTIFIED, RECTIFYING -> {
                long done = e.measures().stream().filter(Measure::isDone).count();
                yield e.measures().isEmpty()
                        ? "正在整改"
                        : "正在整改（措施完成" + done + "/" + e.measures().size() + "）";
            }
            default -> "";
        };
    }

    private static String verifier(Timeline t) {
        if (t.verifier() == null) {
            return "";
        }
        return t.verifierOpinion() == null ? t.verifier() : t.verifier() + "：" + t.verifierOpinion();
    }

    /** The 合计 line: 共 N 个问题，其中已销号 a 个、整改中 b 个……；逾期 c 个、临期 d 个. */
    static String total(Summary s) {
        String states = s.byState().entrySet().stream()
                .map(x -> x.getKey().fileLabel() + " " + x.getValue() + " 个")
                .collect(Collectors.joining("、"));
        return "共 " + s.rows() + " 个问题" + (states.isEmpty() ? "" : "：" + states) + "；逾期 " + s.overdue() + " 个，临期 "
                + s.soon() + " 个";
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }
}
