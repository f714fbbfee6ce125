package org.taizhang.inspection.files;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.ReportTable.Column;
import org.taizhang.core.report.ReportTable.Kind;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Warning;

/**
 * The 整改台账 as a {@link ReportTable} (written as .xlsx, .csv or .pdf by core.report's writers in the official
 * layout): one row per finding with the columns clerks know (DOMAIN.md), 问题编号 first, then 状态 and 预警. Column
 * names and values are the words files use, whatever the window's language. Merged findings are left out: their
 * number and timeline live on in the finding they were merged into. The rows are made as the writer asks for them,
 * so 100,000 findings are never held as cells.
 */
public final class LedgerReport {
    /** The columns, in order (the DOMAIN.md ledger columns with 问题编号 first, plus 状态 and 预警). */
    public static final List<String> COLUMNS = List.of(
            "问题编号", "序号", "来源", "单位", "支部", "问题类别", "问题描述", "依据条款", "整改类型", "整改措施", "责任领导", "责任部门", "责任人", "整改时限",
            "整改进展", "完成情况", "佐证材料", "销号申请日期", "核查人/意见", "销号时间", "备注", "状态", "预警");

    /** Each column's kind and width in Chinese characters, in {@link #COLUMNS}' order. */
    private static final List<Column> TABLE_COLUMNS = List.of(
            Column.text("问题编号", 10), // 督改〔2026〕0001号 on one line
            new Column("序号", Kind.COUNT, 3),
            Column.text("来源", 5),
            Column.text("单位", 7),
            Column.text("支部", 7),
            Column.text("问题类别", 4),
            Column.wrapped("问题描述", 14),
            Column.wrapped("依据条款", 7.5),
            Column.text("整改类型", 4),
            Column.wrapped("整改措施", 13),
            Column.text("责任领导", 4),
            Column.text("责任部门", 5),
            Column.text("责任人", 4),
            new Column("整改时限", Kind.DATE, 5.5),
            Column.wrapped("整改进展", 10),
            Column.text("完成情况", 6),
            new Column("佐证材料", Kind.COUNT, 3),
            new Column("销号申请日期", Kind.DATE, 5.5),
            Column.wrapped("核查人/意见", 7),
            new Column("销号时间", Kind.DATE, 5.5),
            Column.wrapped("备注", 5),
            Column.text("状态", 4.5),
            Column.text("预警", 3));

    private LedgerReport() {}

    /**
     * The 状态 a ledger report can be cut to: a step of the cycle, or the two counts clerks make across steps — 未销号
     * (every finding not yet closed) and 逾期 (past its deadline, 严重超期 included). Each has the word files and the
     * command line use, whatever the window's language.
     */
    public enum State {
        OPEN("未销号", null, "ledgerReport.state.OPEN"),
        OVERDUE("逾期", null, "ledgerReport.state.OVERDUE"),
        PENDING(FindingState.PENDING.fileLabel(), FindingState.PENDING, "inspection.state.PENDING"),
        REGISTERED(FindingState.REGISTERED.fileLabel(), FindingState.REGISTERED, "inspection.state.REGISTERED"),
        NOTIFIED(FindingState.NOTIFIED.fileLabel(), FindingState.NOTIFIED, "inspection.state.NOTIFIED"),
        RECTIFYING(FindingState.RECTIFYING.fileLabel(), FindingState.RECTIFYING, "inspection.state.RECTIFYING"),
        CLOSE_REQUESTED(
                FindingState.CLOSE_REQUESTED.fileLabel(),
                FindingState.CLOSE_REQUESTED,
                "inspection.state.CLOSE_REQUESTED"),
        CLOSED(FindingState.CLOSED.fileLabel(), FindingState.CLOSED, "inspection.state.CLOSED");

        private final String word;
        private final FindingState step;
        private final String labelKey;

        State(String word, FindingState step, String labelKey) {
            this.word = word;
            this.step = step;
            this.labelKey = labelKey;
        }

        /** The word files and the command line use (未销号, 逾期, 已交办 …). */
        public String word() {
            return word;
        }

        /** The window's name for it. */
        public String labelKey() {
            return labelKey;
        }

        public boolean matches(LedgerEntry e) {
            return switch (this) {
                case OPEN -> e.state() != FindingState.CLOSED && e.state() != FindingState.MERGED;
                case OVERDUE -> e.warning().isOverdue();
                default -> e.state() == step;
            };
        }

        /** The state named by its word (未销号) or its name in any case (open), or empty. */
        public static java.util.Optional<State> named(String text) {
            String t = text == null ? "" : text.strip();
            for (State s : values()) {
                if (s.word.equals(t) || s.name().equalsIgnoreCase(t.replace('-', '_'))) {
                    return java.util.Optional.of(s);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * Which findings the report holds; null: any.
     *
     * @param year the year a finding was found (发现日期): a 待挂号 finding has no number year yet, and a round's
     *     findings found in December and numbered in January still belong to the round's year
     * @param round a round's title
     * @param unit a unit's name, as in the registry workbook
     * @param community a 共同体's name: the findings of its units
     * @param state a 状态 (未销号, 逾期, a step of the cycle)
     */
    public record Filter(Integer year, String round, String unit, String community, State state) {
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public Filter(Integer year, String round, String unit) {
            this(year, round, unit, null, null);
        }

        public Filter(Integer year, String round, String unit, String community) {
            this(year, round, unit, community, null);
        }

        boolean matches(LedgerEntry e) {
            return e.state() != FindingState.MERGED
                    && (year == null || e.finding().foundOn().getYear() == year)
                    && (round == null || round.equals(e.inspectionTitle()))
                    && (unit == null || unit.equals(e.unitName()))
                    && (community == null || community.equals(e.communityName()))
                    && (state == null || state.matches(e));
        }

        /** The report's title: 2026年 市委办 2026年年中大督查 问题整改台账（逾期）, each part when filtered by it. */
        public String title(Messages m) {
            StringBuilder t = new StringBuilder();
            if (year != null) {
                t.append(m.get("ledgerReport.titleYear", Integer.toString(year)));
            }
            if (unit != null) {
                t.append(unit);
            } else if (community != null) {
                t.append(community);
            }
            if (round != null) {
                t.append(m.get("ledgerReport.titleRound", round));
            }
            t.append(m.get("ledgerReport.title"));
            if (state != null) {
                t.append(m.get("ledgerReport.titleState", state.word()));
            }
            return t.toString();
        }
    }

    /** The ledger report of {@code ledger} as the filter cuts it, under the filter's title. */
    public static ReportTable table(List<LedgerEntry> ledger, Filter filter, Messages m) {
        return table(select(ledger, filter), filter.title(m), m);
    }

    /** What a report held: its rows, and how many are in each state and overdue (for the 合计 line). */
    public record Summary(int rows, Map<FindingState, Integer> byState, int overdue, int soon) {}

    /** The findings of {@code ledger} the filter keeps, in ledger order (merged ones never). */
    public static List<LedgerEntry> select(List<LedgerEntry> ledger, Filter filter) {
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

    /**
     * The ledger of {@code entries} under {@code title}, its 合计 sentence under the rows (共 N 个问题：已销号 a 个……),
     * signed 填表人 / 审核人 / 联系电话.
     */
    public static ReportTable table(List<LedgerEntry> entries, String title, Messages m) {
        List<LedgerEntry> rows = entries instanceof java.util.RandomAccess ? entries : List.copyOf(entries);
        return new ReportTable(
                title,
                m.get("ledgerReport.sheet"),
                TABLE_COLUMNS,
                ReportTable.computed(rows.size(), i -> row(rows.get(i), i + 1)),
                null,
                List.of("合计：" + total(summary(rows))));
    }

    /** One finding's row in {@link #COLUMNS}' order, typed as the columns say; {@code seq} is its 序号 (1-based). */
    static List<Object> row(LedgerEntry e, int seq) {
        Finding f = e.finding();
        Timeline t = e.timeline();
        List<Object> r = new ArrayList<>(COLUMNS.size());
        r.add(orBlank(f.number()));
        r.add(seq);
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
        r.add(t.deadline());
        r.add(t.latestProgress() == null ? "" : date(t.latestProgressOn()) + " " + t.latestProgress());
        r.add(completion(e));
        r.add(e.evidenceCount() == 0 ? null : e.evidenceCount());
        r.add(t.closeRequestedOn());
        r.add(verifier(t));
        r.add(t.closedOn());
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
