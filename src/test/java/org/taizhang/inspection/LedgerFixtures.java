package org.taizhang.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.core.Ids;
import org.taizhang.core.store.Dot;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.organization.model.Unit;

/**
 * The ledger's test data, one home: the timeline that reaches a state (for rows made by hand: {@link
 * LedgerEntryBuilder}), and a ledger seeded on a real database for the pages ({@link #seed}: the sample registry's
 * units with findings in every state, evidence files included).
 */
public final class LedgerFixtures {
    private LedgerFixtures() {}

    public static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    /** The shortest run of steps that reaches {@code state}. */
    public static List<Step> steps(String id, FindingState state) {
        List<StepKind> kinds = new ArrayList<>(List.of(StepKind.FOUND));
        switch (state) {
            case PENDING -> {}
            case MERGED -> kinds.add(StepKind.MERGE);
            default -> {
                List<StepKind> path = List.of(
                        StepKind.REGISTER, StepKind.NOTIFY, StepKind.RECEIPT, StepKind.REQUEST_CLOSE, StepKind.CLOSE);
                int upTo = switch (state) {
                    case REGISTERED -> 1;
                    case NOTIFIED -> 2;
                    case RECTIFYING -> 3;
                    case CLOSE_REQUESTED -> 4;
                    default -> 5;
                };
                kinds.addAll(path.subList(0, upTo));
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            Step s = Step.of(id + "-" + i, id, kinds.get(i), DAY, "王清", null);
            if (kinds.get(i) == StepKind.NOTIFY) {
                s = s.withDeadline(DAY.plusDays(30));
            }
            steps.add(s.withOrder(new Dot(i + 1, "d")));
        }
        return steps;
    }

    private static final List<String> TEXTS = List.of(
            "支部委员会会议未按月召开，会议记录不全",
            "党费收缴台账不规范，未按月公示",
            "主题党日活动流于形式，缺少学习研讨",
            "发展党员档案材料缺失入党志愿书",
            "党建阵地宣传栏内容更新不及时",
            "组织生活会未开展批评与自我批评",
            "党员教育培训学时不足",
            "机关作风建设存在上班脱岗现象",
            "三会一课记录由一人代写",
            "党支部书记述职报告未报备",
            "谈心谈话记录缺少针对性",
            "党员积分管理未落实");

    private static final List<String> CATEGORIES =
            List.of("三会一课", "党费", "组织生活", "党员管理", "阵地建设", "组织生活", "党员管理", "作风", "三会一课", "主体责任", "组织生活", "党员管理");

    /** Records the findings and takes each to a different point of its life; returns the round. */
    public static Inspection seed(FindingService service, InspectionService inspections, Path files) {
        LocalDate today = service.today();
        Inspection round = new Inspection(
                Ids.newId(), today.getYear() + "年中大督查", "年中大督查", today.getYear(), today.minusDays(120), today, null);
        inspections.save(round);
        List<Unit> units = service.registry().units();
        for (int i = 0; i < TEXTS.size(); i++) {
            Unit u = units.get(i % 4);
            Finding f = service.record(Finding.recorded(
                    Ids.newId(),
                    i % 3 == 2 ? null : round.id(),
                    null,
                    u.id(),
                    null,
                    CATEGORIES.get(i),
                    TEXTS.get(i),
                    "《中国共产党支部工作条例（试行）》第九条",
                    i % 5 == 0 ? Severity.SERIOUS : Severity.ORDINARY,
                    i % 4 == 3 ? RectificationType.IMMEDIATE : RectificationType.DEADLINE,
                    i % 3 == 2 ? FindingSource.SELF_CHECK : FindingSource.VISIT,
                    null,
                    today.minusDays(110 - i),
                    null));
            if (i >= 10) {
                continue; // 待挂号
            }
            service.register(f.id());
            if (i == 9) {
                continue; // 已挂号
            }
            // deadlines: severely overdue, overdue, soon, attention, and far
            LocalDate deadline = switch (i % 5) {
                case 0 -> today.minusDays(40);
                case 1 -> today.minusDays(5);
                case 2 -> today.plusDays(6);
                case 3 -> today.plusDays(15);
                default -> today.plusDays(50);
            };
            LocalDate on = deadline.minusDays(60).isAfter(today) ? today : deadline.minusDays(60);
            service.notify(f.id(), new FindingService.Notice(deadline, "李副局长", "机关党委办公室", "赵敏", null), on);
            if (i < 2) {
                continue; // 已交办
            }
            service.receipt(f.id(), on.plusDays(2));
            service.progress(f.id(), "已制定整改方案，正在落实", null, List.of(file(files, "方案" + i + ".txt")), on.plusDays(10));
            if (i == 5 || i == 6) {
                service.requestClose(f.id(), "整改完成", on.plusDays(20));
            }
            if (i == 6) {
                service.close(f.id(), Verdict.GOOD, "经核查，已整改到位", on.plusDays(25));
            }
        }
        return round;
    }

    public static Path file(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.writeString(p, "整改佐证 " + name + " " + System.nanoTime());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
