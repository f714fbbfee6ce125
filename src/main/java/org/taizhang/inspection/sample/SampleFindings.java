package org.taizhang.inspection.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.taizhang.core.Ids;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.store.Store;
import org.taizhang.inspection.FindingBatch;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.model.VisitMethod;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * Two inspection rounds for the sample registry, as a committee would hold them: last year's 党建体检 almost all
 * closed (some after a 退回 or 二次整改, some visited again), a few long-term problems still open and far overdue
 * with their 督办 and 约谈, and this year's 年中大督查 spread over every state — a few findings 待挂号, some not yet
 * sent, most being rectified, some overdue or 临期, some extended, some waiting for verification, some closed,
 * two merged, a few repeating last year's closed problems (屡查屡犯) and one pair of likely duplicates left for
 * the clerk. Every finding, step, measure and piece of evidence is written through {@link FindingService#batch}
 * (the life cycle's rules, the tracked writer), in one transaction. Dates count back from the store's today, so
 * what is overdue stays overdue; everything is drawn from one seeded {@link Random} and every id derives from a
 * key, so two devices that load the sample hold the same records.
 */
public final class SampleFindings {
    private SampleFindings() {}

    private static final long SEED = 20_261_203L;
    private static final int UNITS_PER_ROUND = 15;
    private static final int FINDINGS_PER_UNIT = 10;

    // the sample's people: the committee's clerk enters notices and the units' reports, its 核查人 verifies
    private static final String CLERK = "刘静";
    private static final String VERIFIER = "吴立新";
    private static final String APPROVER = "陈建国";

    /** A kind of problem: its category, its wording (and a second inspector's wording of it), basis, measures. */
    private record Template(String category, String text, String alt, String basis, List<String> measures) {}

    /** {o} is the branch (or the unit's short name), {n} a small count. */
    private static final List<Template> TEMPLATES = List.of(
            t(
                    "主体责任",
                    "{u}党组全年专题研究机关党建工作仅{n}次，未做到每半年至少研究1次",
                    "{u}党组会议研究党建工作次数不足，全年只专题研究过{n}次",
                    "《党委（党组）落实全面从严治党主体责任规定》第十条",
                    "党组会议专题研究机关党建工作并形成会议纪要",
                    "建立党组每半年专题研究党建工作制度"),
            t(
                    "主体责任",
                    "{u}党组书记未向机关工委述职，抓机关党建述职评议材料缺失",
                    null,
                    "《中国共产党党和国家机关基层组织工作条例》第二十八条",
                    "补充开展党组书记抓机关党建述职",
                    "述职评议材料整理归档"),
            t(
                    "主体责任",
                    "{u}机关党建工作责任清单未及时更新，班子成员“一岗双责”落实情况无记录",
                    null,
                    "《党委（党组）落实全面从严治党主体责任规定》第十二条",
                    "修订党建工作责任清单，明确班子成员职责",
                    "建立“一岗双责”落实情况季度记录"),
            t("主体责任", "{u}年度党建工作计划未经党组会议研究，计划内容与上年基本雷同", null, "《中国共产党党和国家机关基层组织工作条例》第十九条", "重新制定年度党建工作计划并提交党组会议研究"),
            t(
                    "三会一课",
                    "{o}支委会未按月召开，今年以来仅召开{n}次，会议记录不完整",
                    "{o}支部委员会会议没有每月召开，今年只开了{n}次，记录也不完整",
                    "《中国共产党支部工作条例（试行）》第十八条",
                    "制定年度“三会一课”计划并报机关党委备案",
                    "建立会议记录月度自查制度，由组织委员审核签字"),
            t(
                    "三会一课",
                    "{o}党员大会记录缺少议题和表决结果，部分会议无签到表",
                    "{o}党员大会会议记录不规范，没有议题、表决情况和签到",
                    "《中国共产党支部工作条例（试行）》第十八条",
                    "规范党员大会记录格式，补齐签到表",
                    "组织委员每次会后审核会议记录"),
            t("三会一课", "{o}书记全年未讲党课，党课记录中仅有集中收看视频", null, "《中国共产党支部工作条例（试行）》第十八条", "支部书记年内讲专题党课1次以上", "建立党课计划和讲课记录"),
            t("三会一课", "{o}党小组会记录雷同，多次会议内容照抄文件", null, "《中国共产党支部工作条例（试行）》第十八条", "党小组会结合业务工作确定议题", "党小组长参加会议记录培训"),
            t("三会一课", "{o}第二季度未召开党员大会", null, "《中国共产党支部工作条例（试行）》第十八条", "补开党员大会并按季度制定会议计划"),
            t(
                    "组织生活",
                    "{o}组织生活会未开展批评和自我批评，相互批评意见流于形式",
                    "{o}召开组织生活会时批评和自我批评不深入，互相批评意见空泛",
                    "《关于新形势下党内政治生活的若干准则》第八条",
                    "重新召开专题组织生活会，认真开展批评和自我批评",
                    "会前开展谈心谈话，征求意见建议"),
            t(
                    "组织生活",
                    "{o}主题党日活动未固定时间，有{n}个月未开展",
                    "{o}主题党日没有固定日期，全年有{n}个月没有开展活动",
                    "《中国共产党支部工作条例（试行）》第十九条",
                    "固定每月第一个星期五为主题党日",
                    "制定主题党日年度安排"),
            t("组织生活", "{o}未开展年度民主评议党员，评议结果未公示", null, "《中国共产党支部工作条例（试行）》第二十条", "补充开展民主评议党员并公示结果"),
            t(
                    "组织生活",
                    "{u}党员领导干部未以普通党员身份参加所在支部组织生活",
                    null,
                    "《关于新形势下党内政治生活的若干准则》第八条",
                    "建立党员领导干部参加双重组织生活登记制度",
                    "机关党委每季度通报落实情况"),
            t("组织生活", "{o}谈心谈话未覆盖全体党员，记录仅有{n}人次", null, "《中国共产党支部工作条例（试行）》第二十条", "支委成员分工与全体党员开展谈心谈话", "建立谈心谈话记录本"),
            t("党员管理", "{o}发展党员材料缺少政治审查意见，入党积极分子培养考察记录不全", null, "《中国共产党发展党员工作细则》第二十一条", "补齐发展党员档案材料", "建立发展党员全程纪实台账"),
            t("党员管理", "{o}预备党员转正逾期{n}个月未讨论", null, "《中国共产党发展党员工作细则》第三十一条", "召开支部党员大会讨论预备党员转正", "建立预备党员预备期到期提醒"),
            t(
                    "党员管理",
                    "{o}党员组织关系转接不及时，{n}名调离党员组织关系未转出",
                    "{o}有{n}名已调离的党员组织关系一直没有转出",
                    "《中国共产党党员教育管理工作条例》第二十八条",
                    "逐一办理调离党员组织关系转接"),
            t(
                    "党员管理",
                    "{o}党员信息管理系统数据与实际不符，{n}名党员信息未更新",
                    null,
                    "《中国共产党党员教育管理工作条例》第三十条",
                    "逐一核对党员信息并更新系统数据",
                    "每季度核对一次党员信息"),
            t("党员管理", "{o}流动党员未纳入管理，联系记录空白", null, "《中国共产党党员教育管理工作条例》第二十五条", "建立流动党员联系台账，每月联系一次"),
            t(
                    "党费",
                    "{o}党费未按月收缴，存在一次性补交{n}个月的情况",
                    "{o}党费没有按月收，有党员一次补交了{n}个月党费",
                    "《关于中国共产党党费收缴、使用和管理的规定》第十一条",
                    "按月足额收缴党费",
                    "党费收缴情况每季度公示"),
            t("党费", "{o}党费缴纳基数未按年度调整，{n}名党员少交党费", null, "《关于中国共产党党费收缴、使用和管理的规定》第三条", "重新核定党员缴费基数", "督促少交党员补交党费"),
            t("党费", "{o}党费收缴台账无经手人签字，未按季度公示", null, "《关于中国共产党党费收缴、使用和管理的规定》第十二条", "完善党费收缴台账签字手续", "按季度公示党费收缴情况"),
            t("党费", "{u}机关党委党费使用未履行审批程序", null, "《关于中国共产党党费收缴、使用和管理的规定》第二十一条", "补办党费使用审批手续", "制定党费使用管理办法"),
            t(
                    "阵地建设",
                    "{o}党员活动室被挪作会议室使用，党建氛围不浓",
                    "{o}的党员活动室平时当会议室用，没有党建氛围",
                    "市直机关“四化”党支部创建标准 阵地标准化第1项",
                    "腾退并恢复党员活动室功能",
                    "按“六有”标准布置活动室"),
            t("阵地建设", "{o}党员活动室入党誓词、党旗等上墙内容缺失", null, "市直机关“四化”党支部创建标准 阵地标准化第2项", "补齐党旗、入党誓词等上墙内容"),
            t(
                    "阵地建设",
                    "{o}党务公开栏内容{n}个月未更新",
                    "{o}党务公开栏已有{n}个月没有更新内容",
                    "市直机关“四化”党支部创建标准 阵地标准化第4项",
                    "更新党务公开栏内容",
                    "建立公开栏每月更新制度"),
            t("阵地建设", "{o}党建档案未分类归档，会议记录散放", null, "市直机关“四化”党支部创建标准 工作规范化第3项", "按年度分类整理党建档案", "配备档案盒并专人管理"),
            t("阵地建设", "{u}“智慧党建”平台使用率低，{n}个支部未按月上传活动记录", null, "市直机关“四化”党支部创建标准 阵地标准化第6项", "督促各支部按月上传活动记录", "开展平台操作培训"),
            t("作风", "{u}窗口岗位党员未亮明身份，群众反映办事推诿", null, "中央八项规定及其实施细则精神", "窗口党员佩戴党徽、设立党员示范岗", "开展窗口作风专项整治"),
            t("作风", "{u}体验式查访中发现窗口工作人员上班时间玩手机", null, "中央八项规定及其实施细则精神", "对相关人员进行提醒谈话", "完善窗口工作纪律并公开承诺"),
            t("作风", "{u}党建工作以“留痕”代替落实，要求支部重复填报报表", null, "《关于持续解决困扰基层的形式主义问题为基层减负的通知》", "清理合并党建报表", "建立报表统一报送制度"));

    private static Template t(String category, String text, String alt, String basis, String... measures) {
        return new Template(category, text, alt, basis, List.of(measures));
    }

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {"志强", "建华", "丽萍", "海涛", "晓东", "春燕", "国平", "红梅", "永刚", "文静"};
    private static final String[] DEPARTMENTS = {"机关党委", "机关党委办公室", "办公室", "人事处"};

    private static final List<String> CLOSE_OPINIONS =
            List.of("经实地核查，整改到位，同意销号", "查阅会议记录和佐证材料，整改措施落实到位，同意销号", "整改基本到位，同意销号，纳入回头看");
    private static final List<String> REJECT_REASONS =
            List.of("佐证材料仅有会议通知，缺少会议记录和签到表", "整改措施未全部落实，请补充整改后再申请销号", "整改报告未经支部委员会审议，请完善程序");
    private static final List<String> EXTEND_REASONS = List.of("涉及党组织换届，需待换届后落实", "活动场所改造需履行采购程序", "需上级部门协调解决，申请延期");

    /** How a finding's life goes in the sample; {@link #live} writes it. */
    private enum Fate {
        PENDING,
        REGISTERED,
        NOTIFIED,
        NOTIFIED_SOON,
        NOTIFIED_OVERDUE,
        RECTIFYING,
        RECTIFYING_SOON,
        RECTIFYING_OVERDUE,
        RECTIFYING_SEVERE,
        EXTENDED,
        EXTENDED_SOON,
        REJECTED,
        REWORKED,
        CLOSE_REQUESTED,
        CLOSED,
        CLOSED_FOLLOWED_UP,
        CLOSED_AFTER_REJECT,
        CLOSED_AFTER_REWORK,
        CLOSED_EXTENDED,
        LONG_SEVERE,
        LONG_TERM_EXTENDED,
        LONG_CLOSE_REQUESTED
    }

    private static final Map<Fate, Integer> THIS_YEAR = fates(
            Fate.PENDING,
            5,
            Fate.REGISTERED,
            12,
            Fate.NOTIFIED,
            10,
            Fate.NOTIFIED_SOON,
            4,
            Fate.NOTIFIED_OVERDUE,
            4,
            Fate.RECTIFYING,
            24,
            Fate.RECTIFYING_SOON,
            6,
            Fate.RECTIFYING_OVERDUE,
            7,
            Fate.RECTIFYING_SEVERE,
            5,
            Fate.EXTENDED,
            4,
            Fate.EXTENDED_SOON,
            2,
            Fate.REJECTED,
            4,
            Fate.REWORKED,
            3,
            Fate.CLOSE_REQUESTED,
            20,
            Fate.CLOSED,
            37,
            Fate.CLOSED_FOLLOWED_UP,
            3);
    private static final Map<Fate, Integer> LAST_YEAR = fates(
            Fate.CLOSED,
            84,
            Fate.CLOSED_FOLLOWED_UP,
            15,
            Fate.CLOSED_AFTER_REJECT,
            5,
            Fate.CLOSED_AFTER_REWORK,
            5,
            Fate.CLOSED_EXTENDED,
            11,
            Fate.LONG_SEVERE,
            12,
            Fate.LONG_TERM_EXTENDED,
            8,
            Fate.LONG_CLOSE_REQUESTED,
            10);

    private static Map<Fate, Integer> fates(Object... pairs) {
        Map<Fate, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Fate) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    private static final Set<Fate> STAYS_OPEN = EnumSet.of(
            Fate.REGISTERED, Fate.NOTIFIED, Fate.RECTIFYING, Fate.RECTIFYING_SOON, Fate.EXTENDED, Fate.REJECTED);

    /** One round as planned before it is written. */
    private record Round(
            String key,
            Inspection inspection,
            List<InspectionTeam> teams,
            Map<String, String> scope,
            List<Visit> visits,
            LocalDate registerOn,
            LocalDate notifyFrom) {}

    /** One finding as planned: what it is, who found it, what becomes of it. */
    private record Planned(Finding finding, Template template, Organization branch, Fate fate) {}

    /**
     * Writes the sample into {@code service}'s database (the sample registry must be loaded); returns how many
     * findings it made, or 0 when the registry has too few units.
     */
    /**
     * The sample: two inspection rounds of the sample registry with about 300 findings over every state. Only into a
     * ledger that never held a finding; returns how many findings it made.
     */
    public static int importInto(Store store, RegistryService registry) {
        FindingService service = new FindingService(store, registry);
        if (service.hasFindings()) {
            return 0;
        }
        if (store.hubDeviceId().isEmpty()) {
            store.designateHub(); // the sample's findings are numbered: the demo database is the hub
        }
        return load(service, new InspectionService(store), service.today());
    }

    static int load(FindingService service, InspectionService inspections, LocalDate today) {
        Registry registry = service.registry();
        List<Unit> units = new ArrayList<>(registry.units());
        if (units.size() < UNITS_PER_ROUND + 8) {
            return 0;
        }
        Random random = new Random(SEED);
        Collections.shuffle(units, random);
        // last year's units and this year's overlap in 8, so repeats can be found
        Round last = round(
                "党建体检",
                today.minusDays(460),
                units.subList(0, UNITS_PER_ROUND),
                List.of(new String[] {"第一体检组", "陈建国", "周敏、杨帆、朱琳"}, new String[] {"第二体检组", "王海燕", "赵磊、高翔、林丽"}),
                random);
        Round current = round(
                "年中大督查",
                today.minusDays(95),
                units.subList(7, 7 + UNITS_PER_ROUND),
                List.of(
                        new String[] {"第一督查组", "陈建国", "李明、周敏、孙浩"},
                        new String[] {"第二督查组", "王海燕", "赵磊、钱芳、吴昊"},
                        new String[] {"第三督查组", "郑卫东", "冯雪、何军、许静"}),
                random);
        inspections.saveRound(last.inspection(), last.teams(), last.scope(), last.visits());
        inspections.saveRound(current.inspection(), current.teams(), current.scope(), current.visits());
        List<Attachment> photos = evidence(service);
        return service.batch(b -> {
            Writer w = new Writer(b, random, today, photos, registry);
            List<Planned> before = w.plan(last, LAST_YEAR, false);
            w.write(last, before);
            List<Planned> now = w.plan(current, THIS_YEAR, true);
            w.write(current, now);
            w.repeats(now, before);
            return w.count;
        });
    }

    private static Round round(String kind, LocalDate starts, List<Unit> units, List<String[]> teams, Random random) {
        int year = starts.getYear();
        String title = year + "年" + kind;
        String id = Ids.forKey("inspection", "sample", title);
        Inspection inspection = new Inspection(
                id,
                title,
                kind,
                year,
                starts,
                starts.plusDays(20),
                "工委领导带队，抽调市直单位党建业务骨干组成检查组，采取问实情、看实地、考实效等方式，覆盖" + units.size() + "个单位");
        List<InspectionTeam> teamList = new ArrayList<>();
        for (String[] t : teams) {
            teamList.add(new InspectionTeam(Ids.forKey("inspection_team", id, t[0]), id, t[0], t[1], t[2]));
        }
        Map<String, String> scope = new LinkedHashMap<>();
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            InspectionTeam team = teamList.get(i % teamList.size());
            scope.put(u.id(), team.id());
            Set<VisitMethod> methods = random.nextInt(4) == 0
                    ? EnumSet.of(VisitMethod.ASK, VisitMethod.SEE)
                    : EnumSet.allOf(VisitMethod.class);
            visits.add(new Visit(
                    Ids.forKey("visit", id, u.id()),
                    id,
                    team.id(),
                    u.id(),
                    starts.plusDays(i * 20L / units.size()),
                    methods,
                    "听取党建工作汇报，查阅“三会一课”记录和党费台账，实地查看党员活动室，个别访谈党员" + (3 + random.nextInt(6)) + "名"));
        }
        return new Round(title, inspection, teamList, scope, visits, starts.plusDays(24), starts.plusDays(28));
    }

    /** Writes the planned findings and their lives into the batch. */
    private static final class Writer {
        private final FindingBatch b;
        private final Random random;
        private final LocalDate today;
        private final List<Attachment> files;
        private final Registry registry;
        int count;

        Writer(FindingBatch b, Random random, LocalDate today, List<Attachment> files, Registry registry) {
            this.b = b;
            this.random = random;
            this.today = today;
            this.files = files;
            this.registry = registry;
        }

        /** The round's findings with their fates; this year's round also gets a duplicate left for the clerk. */
        List<Planned> plan(Round round, Map<Fate, Integer> counts, boolean leaveDuplicate) {
            List<Fate> fates = new ArrayList<>();
            counts.forEach((fate, n) -> fates.addAll(Collections.nCopies(n, fate)));
            Collections.shuffle(fates, random);
            List<Planned> planned = new ArrayList<>();
            int k = 0;
            for (Visit v : round.visits()) {
                Unit unit = registry.unit(v.unitId()).orElseThrow();
                List<Organization> branches = registry.ofUnit(unit.id()).stream()
                        .filter(o -> o.kind().isBranch())
                        .toList();
                List<Template> templates = new ArrayList<>(TEMPLATES);
                Collections.shuffle(templates, random); // no problem twice in one unit in one round
                InspectionTeam team = round.teams().stream()
                        .filter(t -> t.id().equals(v.teamId()))
                        .findFirst()
                        .orElseThrow();
                String[] members = team.members().split("、");
                for (int i = 0; i < FINDINGS_PER_UNIT; i++) {
                    Template t = templates.get(i);
                    Organization branch = branches.isEmpty() ? null : branches.get(random.nextInt(branches.size()));
                    Fate fate = fates.get(k++);
                    planned.add(new Planned(
                            finding(
                                    round,
                                    v,
                                    unit,
                                    branch,
                                    t,
                                    t.text(),
                                    members[i % members.length],
                                    fate,
                                    type(fate),
                                    k),
                            t,
                            branch,
                            fate));
                }
            }
            // two inspectors wrote down the same problem: merged ones (the second arrived unnumbered from a
            // laptop) and, this year, one pair nobody has merged yet
            int extra = 0;
            int wanted = leaveDuplicate ? 3 : 2;
            for (int i = 0; i < planned.size() && extra < wanted; i++) {
                Planned p = planned.get(i);
                boolean openAtEnd = STAYS_OPEN.contains(p.fate());
                if (p.template().alt() == null
                        || p.fate() == Fate.PENDING
                        || (extra == 0 && leaveDuplicate && !openAtEnd)) {
                    continue;
                }
                boolean duplicate = leaveDuplicate && extra == 0;
                Visit v = round.visits().stream()
                        .filter(x -> x.id().equals(p.finding().visitId()))
                        .findFirst()
                        .orElseThrow();
                Unit unit = registry.unit(v.unitId()).orElseThrow();
                String other = round.teams().stream()
                        .filter(t -> t.id().equals(v.teamId()))
                        .findFirst()
                        .orElseThrow()
                        .leader();
                Finding copy = finding(
                        round,
                        v,
                        unit,
                        p.branch(),
                        p.template(),
                        p.template().alt(),
                        other,
                        duplicate ? Fate.REGISTERED : Fate.PENDING,
                        p.finding().type(),
                        ++k);
                // the same counts as the first wording: the same problem, seen twice
                copy = withText(copy, fill(p.template().alt(), unit, p.branch(), count(p.finding())));
                planned.add(new Planned(copy, p.template(), p.branch(), duplicate ? Fate.REGISTERED : null));
                if (!duplicate) {
                    mergeTargets.put(copy.id(), p.finding().id());
                }
                extra++;
            }
            return planned;
        }

        private final Map<String, String> mergeTargets = new HashMap<>();

        private Finding finding(
                Round round,
                Visit v,
                Unit unit,
                Organization branch,
                Template t,
                String text,
                String foundBy,
                Fate fate,
                RectificationType type,
                int k) {
            boolean pending = fate == Fate.PENDING;
            // 待挂号 ones came in lately from 述职评议, not yet numbered on the hub
            LocalDate found = pending ? today.minusDays(2 + random.nextInt(6)) : v.visitedOn();
            return Finding.builder(Ids.forKey("finding", "sample", round.key(), Integer.toString(k)))
                    .inspection(round.inspection().id(), pending ? null : v.id())
                    .unit(unit.id(), branch == null || t.text().startsWith("{u}") ? null : branch.id())
                    .category(t.category())
                    .description(fill(text, unit, branch, 2 + random.nextInt(5)))
                    .basis(t.basis())
                    .severity(random.nextInt(8) == 0 ? Severity.SERIOUS : Severity.ORDINARY)
                    .type(type)
                    .source(
                            pending ? FindingSource.REPORT : FindingSource.VISIT,
                            pending ? round.inspection().year() + "年度机关党建述职评议" : null)
                    .found(found, foundBy)
                    .build();
        }

        void write(Round round, List<Planned> planned) {
            for (Planned p : planned) {
                b.as(p.finding().foundBy(), false).record(p.finding());
                count++;
            }
            b.as(CLERK, false);
            List<String> toNumber = planned.stream()
                    .filter(p -> p.fate() != null && p.fate() != Fate.PENDING)
                    .map(p -> p.finding().id())
                    .toList();
            b.register(toNumber, round.registerOn());
            mergeTargets.forEach((absorbed, target) -> {
                planned.stream()
                        .filter(p -> p.finding().id().equals(absorbed))
                        .findFirst()
                        // the clerk merges after the registration, and never before the duplicate was found (the
                        // service refuses a step dated before that: StepRules.joins)
                        .ifPresent(p -> b.merge(
                                absorbed,
                                target,
                                latest(
                                        round.registerOn().plusDays(1),
                                        p.finding().foundOn())));
            });
            for (Planned p : planned) {
                if (p.fate() != null) {
                    live(p, round.notifyFrom().plusDays(random.nextInt(4)));
                }
            }
        }

        private static LocalDate latest(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        /** The rectification type suits the fate: quick fixes close fast, long ones run for months. */
        private RectificationType type(Fate fate) {
            return switch (fate) {
                case CLOSED, CLOSED_FOLLOWED_UP ->
                    random.nextInt(3) == 0 ? RectificationType.DEADLINE : RectificationType.IMMEDIATE;
                case LONG_SEVERE, LONG_TERM_EXTENDED, LONG_CLOSE_REQUESTED -> RectificationType.LONG_TERM;
                default -> RectificationType.DEADLINE;
            };
        }

        /** Marks a few of this year's findings as repeating a closed one of last year (same unit, category). */
        void repeats(List<Planned> now, List<Planned> before) {
            int marked = 0;
            for (Planned p : now) {
                if (marked == 6) {
                    return;
                }
                if (p.fate() == null || p.fate() == Fate.PENDING) {
                    continue;
                }
                for (Planned earlier : before) {
                    Finding e = earlier.finding();
                    if (e.unitId().equals(p.finding().unitId())
                            && e.category().equals(p.finding().category())
                            && b.timeline(e.id()).isClosed()) {
                        b.markRepeat(p.finding().id(), e.id());
                        marked++;
                        break;
                    }
                }
            }
        }

        /** The finding's life after 挂号, by its fate; every date falls on or before today. */
        private void live(Planned p, LocalDate notified) {
            String id = p.finding().id();
            Fate fate = p.fate();
            if (fate == Fate.PENDING || fate == Fate.REGISTERED) {
                return;
            }
            Finding f = p.finding();
            LocalDate typical = notified.plusDays(f.type().defaultDays());
            LocalDate deadline = switch (fate) {
                case NOTIFIED, RECTIFYING -> today.plusDays(21 + random.nextInt(100));
                case NOTIFIED_SOON, RECTIFYING_SOON -> today.plusDays(1 + random.nextInt(9));
                case NOTIFIED_OVERDUE, RECTIFYING_OVERDUE -> today.minusDays(1 + random.nextInt(20));
                case RECTIFYING_SEVERE -> today.minusDays(35 + random.nextInt(20));
                case EXTENDED, EXTENDED_SOON -> today.minusDays(3 + random.nextInt(12));
                case REJECTED -> today.plusDays(10 + random.nextInt(30));
                case REWORKED -> today.plusDays(5 + random.nextInt(15));
                case CLOSE_REQUESTED -> today.plusDays(random.nextInt(40));
                default -> typical;
            };
            b.as(CLERK, false);
            Organization branch = p.branch();
            String person = branch != null && branch.secretary() != null
                    ? branch.secretary()
                    : registry.unit(f.unitId()).map(Unit::contactPerson).orElse(null);
            b.notify(
                    id,
                    new FindingService.Notice(
                            deadline,
                            name(),
                            DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                            person,
                            "请于整改时限前报送整改方案和整改情况"),
                    notified);
            if (fate == Fate.NOTIFIED || fate == Fate.NOTIFIED_SOON || fate == Fate.NOTIFIED_OVERDUE) {
                return;
            }
            LocalDate received = notified.plusDays(1 + random.nextInt(4));
            b.receipt(id, received);
            List<Measure> measures = new ArrayList<>();
            for (int i = 0; i < p.template().measures().size(); i++) {
                Measure m = new Measure(
                        Ids.forKey("rectification_measure", id, Integer.toString(i)),
                        id,
                        p.template().measures().get(i),
                        person,
                        earliest(deadline, received.plusDays(20 + 20L * i)),
                        null,
                        i);
                b.saveMeasure(m);
                measures.add(m);
            }
            switch (fate) {
                case RECTIFYING, RECTIFYING_SOON -> progress(id, measures, received.plusDays(7), false);
                case RECTIFYING_OVERDUE -> {
                    progress(id, measures, received.plusDays(10), false);
                    if (!deadline.plusDays(3).isAfter(today)) {
                        b.escalate(id, Escalation.REMINDER, "电话提醒单位加快整改进度", deadline.plusDays(3));
                    }
                }
                case RECTIFYING_SEVERE -> {
                    progress(id, measures, received.plusDays(10), false);
                    b.escalate(id, Escalation.SUPERVISION_LETTER, "下发督办函，要求10个工作日内报送整改进展", deadline.plusDays(5));
                    b.escalate(id, Escalation.ADMONITION, "对单位机关党委书记进行告诫", deadline.plusDays(20));
                    b.escalate(id, Escalation.TALK, "工委领导约谈单位党组书记", deadline.plusDays(32));
                }
                case EXTENDED, EXTENDED_SOON -> {
                    progress(id, measures, received.plusDays(7), false);
                    LocalDate later = fate == Fate.EXTENDED_SOON
                            ? today.plusDays(1 + random.nextInt(9))
                            : today.plusDays(15 + random.nextInt(45));
                    b.extend(id, later, pick(EXTEND_REASONS), APPROVER, deadline.minusDays(2));
                }
                case REJECTED -> {
                    LocalDate asked = today.minusDays(20 + random.nextInt(8));
                    finish(id, measures, asked);
                    b.as(VERIFIER, true).reject(id, pick(REJECT_REASONS), asked.plusDays(3 + random.nextInt(3)));
                    b.as(CLERK, false).progress(id, "按核查意见补充整改，正在完善佐证材料", null, List.of(), today.minusDays(10));
                }
                case REWORKED -> {
                    LocalDate asked = today.minusDays(20 + random.nextInt(8));
                    finish(id, measures, asked);
                    b.as(VERIFIER, true)
                            .rework(
                                    id,
                                    random.nextBoolean() ? Verdict.FAIR : Verdict.POOR,
                                    "整改流于形式，问题依然存在，需二次整改",
                                    today.plusDays(20 + random.nextInt(30)),
                                    asked.plusDays(4));
                }
                case CLOSE_REQUESTED -> finish(id, measures, today.minusDays(1 + random.nextInt(15)));
                case CLOSED, CLOSED_FOLLOWED_UP -> {
                    LocalDate asked = earliest(deadline.minusDays(random.nextInt(5)), today.minusDays(12));
                    finish(id, measures, asked);
                    LocalDate closed = asked.plusDays(1 + random.nextInt(5));
                    b.as(VERIFIER, true).close(id, verdict(), pick(CLOSE_OPINIONS), closed);
                    if (fate == Fate.CLOSED_FOLLOWED_UP) {
                        LocalDate back = earliest(closed.plusDays(60 + random.nextInt(60)), today.minusDays(1));
                        b.followUp(id, "回头看：整改成效巩固，未发现反弹", back);
                    }
                }
                case CLOSED_AFTER_REJECT -> {
                    LocalDate asked = deadline.minusDays(12);
                    finish(id, measures, asked);
                    b.as(VERIFIER, true).reject(id, pick(REJECT_REASONS), asked.plusDays(4));
                    b.as(CLERK, false).progress(id, "已按核查意见补充会议记录和签到表", null, List.of(photo()), asked.plusDays(9));
                    b.requestClose(id, "已补充整改，再次申请销号", asked.plusDays(12));
                    b.as(VERIFIER, true).close(id, Verdict.FAIRLY_GOOD, pick(CLOSE_OPINIONS), asked.plusDays(15));
                }
                case CLOSED_AFTER_REWORK -> {
                    LocalDate asked = deadline.minusDays(10);
                    finish(id, measures, asked);
                    b.as(VERIFIER, true)
                            .rework(id, Verdict.FAIR, "整改不够彻底，需二次整改", deadline.plusDays(30), asked.plusDays(5));
                    b.as(CLERK, false).progress(id, "二次整改：重新召开专题会议并完善制度", null, List.of(photo()), asked.plusDays(20));
                    b.requestClose(id, "二次整改完成，申请销号", asked.plusDays(25));
                    b.as(VERIFIER, true).close(id, Verdict.GOOD, pick(CLOSE_OPINIONS), asked.plusDays(29));
                }
                case CLOSED_EXTENDED -> {
                    b.extend(id, deadline.plusDays(45), pick(EXTEND_REASONS), APPROVER, deadline.minusDays(3));
                    LocalDate asked = deadline.plusDays(30);
                    finish(id, measures, asked);
                    b.as(VERIFIER, true).close(id, verdict(), pick(CLOSE_OPINIONS), asked.plusDays(5));
                }
                case LONG_SEVERE -> {
                    progress(id, measures, received.plusDays(30), false);
                    b.escalate(id, Escalation.SUPERVISION_LETTER, "下发督办函，要求限期报送整改进展", deadline.plusDays(10));
                    b.escalate(id, Escalation.WARNING_LETTER, "整改严重超期，发出预警函", deadline.plusDays(60));
                    b.escalate(id, Escalation.TALK, "工委领导约谈单位党组书记", deadline.plusDays(120));
                    if (random.nextInt(3) == 0) {
                        b.escalate(id, Escalation.CIRCULAR, "在市直机关党建工作例会上通报", deadline.plusDays(200));
                    }
                }
                case LONG_TERM_EXTENDED -> {
                    progress(id, measures, received.plusDays(30), false);
                    b.extend(
                            id,
                            today.plusDays(30 + random.nextInt(120)),
                            "长期整改事项，已完成阶段性目标，分阶段推进",
                            APPROVER,
                            deadline.minusDays(5));
                }
                case LONG_CLOSE_REQUESTED -> {
                    progress(id, measures, received.plusDays(30), false);
                    b.extend(
                            id,
                            today.plusDays(10 + random.nextInt(50)),
                            "长期整改事项，分阶段推进",
                            APPROVER,
                            deadline.minusDays(5));
                    finish(id, measures, today.minusDays(3 + random.nextInt(18)));
                }
                default -> throw new IllegalStateException(fate.name());
            }
            b.as(CLERK, false);
        }

        /** A progress report on the first measure (with a photo now and then). */
        private void progress(String id, List<Measure> measures, LocalDate on, boolean withPhoto) {
            LocalDate day = earliest(on, today.minusDays(1));
            b.as(CLERK, false)
                    .progress(
                            id,
                            "正在落实：" + measures.getFirst().text(),
                            measures.getFirst().id(),
                            withPhoto || random.nextInt(3) == 0 ? List.of(photo()) : List.of(),
                            day);
        }

        /** Every measure done, reported with evidence, and 申请销号 on {@code asked}. */
        private void finish(String id, List<Measure> measures, LocalDate asked) {
            b.as(CLERK, false);
            for (Measure m : measures) {
                if (!m.isDone()) {
                    LocalDate done = asked.minusDays(2);
                    b.saveMeasure(m.doneOn(done));
                    b.progress(id, "已完成：" + m.text(), m.id(), List.of(photo()), done);
                }
            }
            b.progress(id, "整改情况报告已经支部委员会审议", null, List.of(report()), asked.minusDays(1));
            b.requestClose(id, "整改措施已全部落实，申请销号", asked);
        }

        private Verdict verdict() {
            return random.nextInt(3) == 0 ? Verdict.FAIRLY_GOOD : Verdict.GOOD;
        }

        private Attachment photo() {
            return files.get(random.nextInt(files.size() - 2));
        }

        private Attachment report() {
            return files.get(files.size() - 2 + random.nextInt(2));
        }

        private String pick(List<String> list) {
            return list.get(random.nextInt(list.size()));
        }

        private String name() {
            return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        }

        private static LocalDate earliest(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static int count(Finding f) {
            String digits = f.description().replaceAll("\\D+", " ").strip();
            return digits.isEmpty() ? 2 : Integer.parseInt(digits.split(" ")[0]);
        }
    }

    private static String fill(String text, Unit unit, Organization branch, int n) {
        String shortName = unit.shortName() == null || unit.shortName().isBlank() ? unit.name() : unit.shortName();
        return text.replace("{u}", shortName)
                .replace("{o}", branch == null ? shortName : branch.name())
                .replace("{n}", Integer.toString(n));
    }

    private static Finding withText(Finding f, String text) {
        return f.toBuilder()
                .description(text)
                .repeatOf(null)
                .mergedInto(null)
                .number(null, null, null)
                .importBatch(null)
                .internalNotes(null)
                .build();
    }

    // ---- evidence: small generated pictures and documents, the same bytes everywhere (ids are their hashes)

    /**
     * Three photos, then two documents, shared by the findings: stored before the batch (attachments write in
     * transactions of their own, about 50 ms each under load, so the sample keeps them few).
     */
    private static List<Attachment> evidence(FindingService service) {
        Path dir;
        try {
            dir = Files.createTempDirectory("taizhang-sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<Attachment> list = new ArrayList<>();
            String[] photos = {"整改后党员活动室", "党务公开栏更新后", "支委会会议现场"};
            for (int i = 0; i < photos.length; i++) {
                list.add(service.storeEvidence(write(dir, photos[i] + ".png", png(64, 48, i))));
            }
            list.add(service.storeEvidence(write(
                    dir,
                    "整改情况报告.txt",
                    ("整改情况报告\n\n按照督查反馈意见，支部委员会专题研究制定整改方案，逐项落实整改措施，" + "现已全部整改到位。\n附：会议记录、签到表、照片。\n")
                            .getBytes(StandardCharsets.UTF_8))));
            list.add(service.storeEvidence(write(
                    dir,
                    "会议记录及签到表.txt",
                    "支部委员会会议记录\n议题：研究督查反馈问题整改工作\n出席：支委5人\n签到：见附件\n".getBytes(StandardCharsets.UTF_8))));
            return list;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small RGB PNG written by hand (no image library: the same bytes on every machine). */
    static byte[] png(int width, int height, int variant) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int[][] palette = {{200, 16, 46}, {240, 240, 235}, {255, 215, 0}, {90, 120, 160}, {110, 150, 90}, {150, 110, 80}
        };
        int[] main = palette[variant % palette.length];
        for (int y = 0; y < height; y++) {
            raw.write(0); // filter: none
            for (int x = 0; x < width; x++) {
                boolean band = (x / 8 + y / 8 + variant) % 3 == 0;
                int shade = 40 * y / height;
                raw.write(band ? 255 - shade : Math.max(0, main[0] - shade));
                raw.write(band ? 250 - shade : Math.max(0, main[1] - shade));
                raw.write(band ? 240 - shade : Math.max(0, main[2] - shade));
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            z.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(out, "IDAT", z.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
