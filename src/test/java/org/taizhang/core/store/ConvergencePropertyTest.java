package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Evidence;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.store.ChangeSet;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.FieldVersion;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.Lifecycle;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.model.VisitMethod;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.files.RegistryFile;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * Nothing entered on any device is lost, and every device ends the same (decisions/0006). Simulated devices,
 * each its own SQLite file, make random creates, edits, deletions, restores and imports of units, communities
 * and organizations through the registry's service (its rules refuse some, as they would a clerk), and send
 * each other random subsets of their records in random orders, with repeats and with old sets delivered late.
 * After everyone has exchanged with everyone:
 * <ul>
 *   <li>every device holds identical records, conflicts and history;</li>
 *   <li>every field holds exactly the versions no change overwrote — computed from the changes alone, so the
 *       result cannot depend on who exchanged first (Tangerine #2484), and a value no change overwrote is
 *       never lost without a conflict (Tangerine #2722);</li>
 *   <li>no history entry ever written is missing;</li>
 *   <li>applying a set again changes nothing.</li>
 * </ul>
 * Covers a record deleted and re-created under the same natural key (cr-sqlite #271: import of a deleted
 * unit's name) and changes delivered out of order (cr-sqlite #299, ODK Central #805: late mail).
 * A new travelling table adds its actions here the day it is created. Tries: {@code jqwik.tries.default}
 * (src/test/resources/junit-platform.properties; the bench profile raises it). A failure prints its seed.
 */
class ConvergencePropertyTest {
    /** The hub (device 0) and three field laptops. */
    private static final int DEVICES = 4;

    private static final String[] UNIT_NAMES = {"江海市财政局", "江海市审计局", "江海市统计局", "江海市教育局"};
    private static final String[] COMMUNITY_NAMES = {"经济发展共同体", "社会治理共同体"};
    private static final String[] TEXTS = {"张红玲", "马兵德", "孙晶娟", null};
    private static Path template;
    private static Path templateDir;
    /** Feedback forms a unit filled in, in this try: any device may import any of them (a unit mails them all). */
    private static final List<Path> FORMS = new ArrayList<>();

    /** Two teams' sheets of findings, the same files on every device (ids from the file and row). */
    private static final List<Path> SHEETS = new ArrayList<>();

    @BeforeContainer
    static void makeTemplate() throws IOException {
        // one migrated database, copied for every device: opening a copy gives it a device id of its own
        templateDir = scratch("taizhang-convergence-template");
        template = templateDir.resolve("template.db");
        // with the built-in 六有 template published, as every device would have it from the hub
        try (Store store = Store.openOrCreate(template)) {
            ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
            checklists.saveDraft(BuiltInTemplates.site(2026));
            checklists.publish(BuiltInTemplates.site(2026).id());
        }
        for (int i = 0; i < 2; i++) {
            SHEETS.add(org.taizhang.inspection.files.InspectionFilesFixture.sheet(
                    templateDir.resolve("第" + (i + 1) + "组问题清单.xlsx"),
                    "问题清单",
                    List.of(
                            List.of("序号", "单位", "问题类别", "问题描述", "整改类型", "发现日期"),
                            List.of("1", UNIT_NAMES[0], "三会一课", "支委会未按月召开" + i, "限期整改", "2026-05-2" + i),
                            List.of("2", UNIT_NAMES[1], "党费", "党费收缴台账不全" + i, "立行立改", "2026-05-1" + i))));
        }
    }

    @AfterContainer
    static void removeTemplate() throws IOException {
        SHEETS.clear();
        deleteTree(templateDir);
    }

    /** One step of a script; the numbers pick device, record, field and value (taken modulo what exists). */
    record Step(int kind, int device, int a, int b, int c) {}

    @Provide
    Arbitrary<List<Step>> scripts() {
        // edits and exchanges often, so that devices change the same records between exchanges
        Arbitrary<Integer> kind = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(2)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(3)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(4)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(5)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(6)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(7)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(8)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(9)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(10)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(11)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(12)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(13)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(14)),
                // 标准化建设: templates and assessments
                net.jqwik.api.Tuple.of(2, Arbitraries.just(15)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(16)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(17)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(18)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(19)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(20)),
                // past results and the evidence of answers
                net.jqwik.api.Tuple.of(3, Arbitraries.just(21)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(22)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(23)),
                // 直接定级 and 等级比例
                net.jqwik.api.Tuple.of(3, Arbitraries.just(24)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(25)),
                // 督查检查 and 整改销号: rounds, findings, their steps, measures, evidence, categories
                net.jqwik.api.Tuple.of(2, Arbitraries.just(26)),
                net.jqwik.api.Tuple.of(5, Arbitraries.just(27)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(28)),
                net.jqwik.api.Tuple.of(16, Arbitraries.just(29)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(30)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(31)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(32)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(33)),
                // issue 16: the same team's sheet imported on several devices (the same findings created on each),
                // a clerk's resolve of a conflict, rounds, teams, visits and templates deleted and restored, a
                // visit's photo added and removed
                net.jqwik.api.Tuple.of(10, Arbitraries.just(34)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(35)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(36)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(37)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(38)),
                // the hub designation (V8): the hub hands it over and takes it back
                net.jqwik.api.Tuple.of(1, Arbitraries.just(39)),
                // organizations moved under another organization of their unit, and into another 共同体
                net.jqwik.api.Tuple.of(3, Arbitraries.just(40)),
                // a unit's feedback form filled in and imported on several devices (the same progress reports)
                net.jqwik.api.Tuple.of(5, Arbitraries.just(41)),
                // issue 18: 转为问题, the same item of the same round made a finding on several devices
                net.jqwik.api.Tuple.of(3, Arbitraries.just(42)),
                // issue 17: the hub prepares a field laptop again (taizhang package prepare-field + import)
                net.jqwik.api.Tuple.of(2, Arbitraries.just(43)));
        Arbitrary<Step> step = Combinators.combine(
                        kind,
                        Arbitraries.integers().between(0, DEVICES - 1),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(0, 99))
                .as(Step::new);
        return step.list().ofMinSize(10).ofMaxSize(50);
    }

    /**
     * The seed with which an outside review found the create hole (issue 16: numbers [1, 2, 4] where [1, 2, 3] was
     * expected); the generator has changed since, so it is kept as one more fixed example, beside the hand-written
     * scenario in FindingsAcrossDevicesTest.
     */
    @Property(tries = 1, seed = "1199321788849401610")
    void theSeedThatFoundTheCreateHoleStillConverges(@ForAll("scripts") List<Step> script) throws IOException {
        devicesThatExchangeEverythingHoldTheSameRecordsAndLoseNothing(script);
    }

    @Property
    void devicesThatExchangeEverythingHoldTheSameRecordsAndLoseNothing(@ForAll("scripts") List<Step> script)
            throws IOException {
        Path dir = scratch("taizhang-convergence");
        List<Device> devices = new ArrayList<>();
        FORMS.clear();
        try {
            for (int i = 0; i < DEVICES; i++) {
                Path db = dir.resolve("device" + i + ".db");
                Files.copy(template, db);
                devices.add(new Device(Store.open(db)));
            }
            assertThat(devices.stream().map(d -> d.store.deviceId()).distinct()).hasSize(DEVICES);
            for (int i = 0; i < DEVICES; i++) {
                devices.get(i).setUp(i == 0);
                devices.get(i).hubDevice = devices.getFirst();
            }
            Oracle oracle = new Oracle();
            // what the devices start with (the template's records) counts as written before the script
            oracle.observe(Map.of(), devices.getFirst().states());
            // every device imports the same workbook first: the same records (ids from their names), no exchange
            for (Device d : devices) {
                Map<String, RecordState> before = d.states();
                d.importUnit(UNIT_NAMES[0], null);
                d.importUnit(UNIT_NAMES[1], "审计局");
                d.changed();
                oracle.observe(before, d.states());
                oracle.history.addAll(d.historyIds());
            }
            // (but for the hub's designation, which only the hub holds so far)
            assertThat(devices.get(1).states().keySet())
                    .isEqualTo(devices.get(0).states().keySet().stream()
                            .filter(k -> !k.startsWith("hub_designation/"))
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            // the hub sets up a 机关党委 and a branch and hands them to the laptops before the visits
            Device hub = devices.getFirst();
            Map<String, RecordState> beforeHub = hub.states();
            Unit unit = hub.service.load().unitNamed(UNIT_NAMES[0]).orElseThrow();
            hub.service.save(new Organization(
                    "o-committee",
                    unit.id(),
                    null,
                    "机关党委",
                    OrganizationKind.PARTY_COMMITTEE,
                    null,
                    null,
                    30,
                    true,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0));
            hub.service.save(new Organization(
                    "o-branch",
                    unit.id(),
                    "o-committee",
                    "第一党支部",
                    OrganizationKind.BRANCH,
                    null,
                    null,
                    12,
                    true,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1));
            // and the branch's self-assessment, so that laptops answer it and attach evidence from the start
            hub.checklists.startAssessment(
                    "o-branch", BuiltInTemplates.site(2026).id(), Round.SELF, 2026);
            // and two findings of the summer inspection, numbered and sent to the unit, which laptops then carry on
            for (int i = 0; i < 2; i++) {
                Finding f = hub.findings.record(Finding.recorded(
                        "f-hub-" + i,
                        null,
                        null,
                        unit.id(),
                        "o-branch",
                        "三会一课",
                        "支委会未按月召开" + i,
                        null,
                        Severity.ORDINARY,
                        RectificationType.DEADLINE,
                        FindingSource.VISIT,
                        null,
                        java.time.LocalDate.of(2026, 6, 1),
                        null));
                hub.findings.register(f.id());
                hub.findings.notify(
                        f.id(),
                        new FindingService.Notice(java.time.LocalDate.of(2026, 8, 1), "李局长", "办公室", "赵敏", null),
                        java.time.LocalDate.of(2026, 6, 5));
            }
            hub.changed();
            oracle.observe(beforeHub, hub.states());
            oracle.history.addAll(hub.historyIds());
            // the laptops are handed the hub's records in a package, so that they know the hub and its key
            Path fromHub = dir.resolve("from-hub.tzpkg");
            new org.taizhang.exchange.ExchangeService(hub.store)
                    .export(fromHub, org.taizhang.exchange.files.PackageFile.Protection.none(), Progress.NONE);
            for (Device d : devices.subList(1, DEVICES)) {
                d.receive(fromHub);
            }
            List<ChangeSet> mail = new ArrayList<>();
            // packages written for a device and not (yet) carried to it: lost, or found in a drawer later
            List<Map.Entry<Path, Device>> drawer = new ArrayList<>();
            for (Step s : script) {
                Device d = devices.get(s.device());
                if (s.kind() == 13 && (s.c() % 4 == 1 || s.c() % 4 == 2)) {
                    // a package on a stick, as `taizhang package export|import` carry it: what the receiver has not
                    // acknowledged, encrypted to its key once known; imported now, or left in the drawer
                    Device to = devices.get((s.device() + 1 + s.a() % (DEVICES - 1)) % DEVICES);
                    Path stick = d.packageFor(to, dir);
                    if (s.c() % 4 == 1) {
                        to.receive(stick);
                    } else {
                        drawer.add(Map.entry(stick, to));
                    }
                } else if (s.kind() == 43) {
                    // a preparation: part of the hub's records under a passphrase-free package, imported by a laptop
                    if (hub.store.isHub()) {
                        Device to = devices.get(1 + s.a() % (DEVICES - 1));
                        Path stick = dir.resolve("prepare-" + java.util.UUID.randomUUID() + ".tzpkg");
                        new org.taizhang.exchange.ExchangeService(hub.store)
                                .prepareField(
                                        "笔记本" + s.b(),
                                        stick,
                                        org.taizhang.exchange.files.PackageFile.Protection.none(),
                                        Progress.NONE);
                        to.receive(stick);
                    }
                } else if (s.kind() == 14 && s.a() % 2 == 0 && !drawer.isEmpty()) {
                    // a package from the drawer, late, perhaps for the second time
                    var found = drawer.get(s.b() % drawer.size());
                    found.getValue().receive(found.getKey());
                } else if (s.kind() == 13) {
                    Device to = devices.get((s.device() + 1 + s.a() % (DEVICES - 1)) % DEVICES);
                    ChangeSet set = d.someRecords(s.b());
                    mail.add(set);
                    to.apply(set);
                    if (s.c() % 4 == 0) {
                        to.apply(set); // delivered twice
                    }
                } else if (s.kind() == 14) {
                    if (!mail.isEmpty()) { // an old set arrives late, after newer ones
                        d.apply(mail.get(s.a() % mail.size()));
                    }
                } else {
                    Map<String, RecordState> before = d.states();
                    d.act(s);
                    d.changed();
                    oracle.observe(before, d.states());
                    oracle.history.addAll(d.historyIds());
                }
            }
            // then every laptop sends the hub a package and the hub answers each (issue 17): packages carry only what
            // the receiver has not acknowledged, so this proves that acknowledgements lose nothing — one round
            // brings every device to the same records
            for (Device d : devices.subList(1, DEVICES)) {
                hub.receive(d.packageFor(hub, dir));
            }
            for (Device d : devices.subList(1, DEVICES)) {
                d.receive(hub.packageFor(d, dir));
            }

            // the rules across records: every device lists the same breaches, and numbers are never among them
            // (one hub gives them); a breach is listed, the merge never refused
            for (Device d : devices) {
                assertThat(d.store.checkRecords())
                        .isEqualTo(devices.getFirst().store.checkRecords());
                d.changed();
            }
            assertThat(devices.getFirst().store.breaches())
                    .noneMatch(b -> b.kind().equals("DUPLICATE_NUMBER")
                            || b.kind().equals("TWO_HUBS")
                            || b.kind().equals("REGISTERED_OFF_HUB"));
            String first = devices.getFirst().dump();
            for (Device d : devices) {
                assertThat(d.dump()).isEqualTo(first);
                assertThat(d.historyIds()).containsAll(oracle.history);
            }
            Map<String, RecordState> finalStates = devices.getFirst().states();
            oracle.assertSurvivors(finalStates);
            // numbers come from the hub alone: after every exchange they are still unique and gap-free per year
            List<Integer> seqs = devices.getFirst().findings.ledger().stream()
                    .filter(e -> e.finding().isNumbered())
                    .map(e -> e.finding().numberSeq())
                    .sorted()
                    .toList();
            assertThat(seqs)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, seqs.size())
                            .boxed()
                            .toList());
            // what the scripts reached (jqwik prints it): conflicts and tombstones must be common, not rare
            Statistics.label("conflicts").collect(finalStates.values().stream().anyMatch(RecordState::hasConflicts));
            Statistics.label("deleted records")
                    .collect(finalStates.values().stream().anyMatch(RecordState::deleted));
            Statistics.label("records").collect(finalStates.size() / 50 * 50);
            Statistics.label("past results")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("assessment_result")));
            Statistics.label("evidence")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("answer_evidence")));
            Statistics.label("evidence removed")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("answer_evidence") && r.deleted()));
            Statistics.label("direct ratings")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("direct_rating")));
            Statistics.label("direct ratings taken back")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("direct_rating") && r.deleted()));
            Statistics.label("rating quotas")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("rating_quota")));
            Statistics.label("findings closed")
                    .collect(devices.getFirst().findings.ledger().stream()
                            .anyMatch(e -> e.state() == FindingState.CLOSED));
            Statistics.label("finding steps that came too late")
                    .collect(devices.getFirst().findings.ledger().stream()
                            .anyMatch(e -> e.timeline().entries().stream().anyMatch(x -> !x.applied())));
            Statistics.label("findings from assessment items")
                    .collect(devices.getFirst().findings.ledger().stream()
                            .anyMatch(e ->
                                    e.finding().source() == org.taizhang.inspection.model.FindingSource.ASSESSMENT));
            Statistics.label("findings numbered")
                    .collect(devices.getFirst().findings.ledger().stream()
                            .anyMatch(e -> e.finding().isNumbered()));
            Statistics.label("measures")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("rectification_measure")));
            Statistics.label("finding evidence removed")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("inspection_evidence") && r.deleted()));
            Statistics.label("records created on several devices")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.creates().stream()
                                            .map(Dot::site)
                                            .distinct()
                                            .count()
                                    > 1));
            Statistics.label("findings from a sheet imported on several devices")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("finding")
                                    && r.value("import_batch") != null
                                    && r.creates().stream()
                                                    .map(Dot::site)
                                                    .distinct()
                                                    .count()
                                            > 1));
            Statistics.label("progress from a feedback form")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("finding_step")
                                    && "PROGRESS".equals(r.value("kind"))
                                    && r.creates().stream()
                                                    .map(Dot::site)
                                                    .distinct()
                                                    .count()
                                            > 1));
            Statistics.label("rules across records broken")
                    .collect(!devices.getFirst().store.breaches().isEmpty());
            Statistics.label("assessments answered")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("assessment_answer")));

            ChangeSet again = devices.get(1).store.exportChanges(r -> true);
            Store.ApplyResult repeat = devices.getFirst().apply(again);
            assertThat(repeat.created() + repeat.updated() + repeat.historyAdded())
                    .isZero();
            assertThat(devices.getFirst().dump()).isEqualTo(first);
        } finally {
            devices.forEach(d -> d.store.close());
            deleteTree(dir);
        }
    }

    /**
     * What the changes alone say must survive: every dot a local change wrote into a field, minus the dots that
     * change found there and overwrote. Each field must end with exactly these dots, each with the value its
     * change wrote.
     */
    static final class Oracle {
        final Map<String, Map<Dot, Object>> written = new HashMap<>();
        final Map<String, Set<Dot>> overwritten = new HashMap<>();
        final Set<String> history = new HashSet<>();
        /** The changes that created a record, per record: a create outranks no edit (decisions/0006). */
        final Map<String, Set<Dot>> creates = new HashMap<>();

        void observe(Map<String, RecordState> before, Map<String, RecordState> after) {
            after.forEach((key, state) -> {
                creates.computeIfAbsent(key, k -> new HashSet<>()).addAll(state.creates());
                RecordState old = before.get(key);
                state.fields().forEach((field, versions) -> {
                    Map<Dot, Object> now = dots(versions);
                    Map<Dot, Object> then =
                            old == null ? Map.of() : dots(old.fields().getOrDefault(field, List.of()));
                    String f = key + "#" + field;
                    boolean changed = false;
                    for (Map.Entry<Dot, Object> e : now.entrySet()) {
                        if (!then.containsKey(e.getKey())) {
                            written.computeIfAbsent(f, k -> new HashMap<>()).put(e.getKey(), e.getValue());
                            changed = true;
                        }
                    }
                    if (changed) {
                        for (Dot d : then.keySet()) {
                            if (!now.containsKey(d)) {
                                overwritten
                                        .computeIfAbsent(f, k -> new HashSet<>())
                                        .add(d);
                            }
                        }
                    }
                });
            });
        }

        void assertSurvivors(Map<String, RecordState> finalStates) {
            written.forEach((f, dots) -> {
                String key = f.substring(0, f.indexOf('#'));
                String field = f.substring(f.indexOf('#') + 1);
                RecordState state = finalStates.get(key);
                assertThat(state).as(key).isNotNull();
                Map<Dot, Object> expected = new TreeMap<>(dots);
                overwritten.getOrDefault(f, Set.of()).forEach(expected::remove);
                outranked(expected, creates.getOrDefault(key, Set.of()));
                Map<Dot, Object> actual = new TreeMap<>(dots(state.fields().get(field)));
                assertThat(actual.keySet()).as(f).isEqualTo(expected.keySet());
                actual.forEach((d, v) ->
                        assertThat(String.valueOf(v)).as(f + " " + d).isEqualTo(String.valueOf(expected.get(d))));
                Dot newest =
                        actual.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
                assertThat(String.valueOf(state.value(field)))
                        .as(f + " shows the newest")
                        .isEqualTo(String.valueOf(actual.get(newest)));
            });
        }

        /**
         * Among the surviving changes of a field, an edit outranks every create, and a create's value a create's
         * empty field: records two devices both create must not let the busier one's create win.
         */
        private static void outranked(Map<Dot, Object> expected, Set<Dot> creates) {
            java.util.function.Function<Map.Entry<Dot, Object>, Integer> rank =
                    e -> !creates.contains(e.getKey()) ? 2 : e.getValue() == null ? 0 : 1;
            int best = expected.entrySet().stream().mapToInt(rank::apply).max().orElse(0);
            expected.entrySet().removeIf(e -> rank.apply(e) < best);
        }

        private static Map<Dot, Object> dots(List<FieldVersion> versions) {
            Map<Dot, Object> map = new HashMap<>();
            for (FieldVersion v : versions) {
                v.dots().forEach(d -> map.put(d, v.value()));
            }
            return map;
        }
    }

    /** One simulated device: its own database, its registry service. */
    static final class Device {
        final Store store;
        final RegistryService service;

        final ChecklistService checklists;
        final FindingService findings;
        final InspectionService inspections;
        final org.taizhang.inspection.files.InspectionFiles files;

        Device(Store store) {
            this.store = store;
            this.service = new RegistryService(store);
            this.checklists = new ChecklistService(store, service);
            this.findings = new FindingService(store, service);
            this.inspections = new InspectionService(store);
            this.files = new org.taizhang.inspection.files.InspectionFiles(store, service);
        }

        /** The device that was made the hub at the start (the only one that may take the designation back). */
        Device hubDevice;

        /** The hub numbers findings; the laptops record them unnumbered. Everyone here may verify. */
        void setUp(boolean hub) {
            InspectionSettings s = findings.settings();
            findings.saveSettings(new InspectionSettings(
                    store.deviceId().substring(0, 4), true, hub, s.numberFormat(), s.warnings()));
        }

        private Map<String, RecordState> states;
        private List<String> history;

        /** This device's records, read once per change of the device (an export is the costly part of a try). */
        Map<String, RecordState> states() {
            if (states == null) {
                ChangeSet all = store.exportChanges(r -> true);
                Map<String, RecordState> map = new LinkedHashMap<>();
                for (RecordState s : all.records()) {
                    map.put(s.table() + "/" + s.id(), s);
                }
                states = map;
                history = all.history().stream().map(ChangeSet.HistoryItem::id).toList();
            }
            return states;
        }

        void changed() {
            states = null;
            history = null;
        }

        Store.ApplyResult apply(ChangeSet set) {
            changed();
            return store.applyChanges(set);
        }

        /**
         * A package for {@code to} written to a file: what {@code to} has not acknowledged, encrypted to its key
         * (ExchangeService's defaults) once {@code to} is known here; before that, everything, unencrypted.
         */
        Path packageFor(Device to, Path dir) {
            var exchange = new org.taizhang.exchange.ExchangeService(store);
            boolean known =
                    exchange.devices().stream().anyMatch(x -> x.deviceId().equals(to.store.deviceId()) && x.keyKnown());
            Path stick = dir.resolve("package-" + java.util.UUID.randomUUID() + ".tzpkg");
            exchange.export(
                    stick,
                    known
                            ? new org.taizhang.exchange.ExchangeService.ExportRequest(to.store.deviceId(), false, null)
                            : org.taizhang.exchange.ExchangeService.ExportRequest.everything(
                                    org.taizhang.exchange.files.PackageFile.Protection.none()),
                    Progress.NONE);
            return stick;
        }

        /** Imports a package through the path of `taizhang package import`. */
        void receive(Path stick) {
            changed();
            new org.taizhang.exchange.ExchangeService(store).importPackage(stick, null, Progress.NONE);
        }

        List<String> historyIds() {
            states();
            return history;
        }

        ChangeSet someRecords(int seed) {
            return store.exportChanges(r -> Math.floorMod((r.id() + seed).hashCode(), 3) != 0);
        }

        /** Records and history as text, for comparing devices. */
        String dump() {
            StringBuilder sb = new StringBuilder();
            // every table but the local ones: a new travelling table is compared the day it is created
            List<String> tables = store.read()
                    .resultQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('device',"
                            + " 'local_setting', 'flyway_schema_history', 'merge_breach', 'knowledge', 'exchange_peer',"
                            + " 'exchange_log', 'device_key') AND name NOT LIKE"
                            + " 'sqlite_%' ORDER BY name")
                    .fetch(0, String.class);
            for (String table : tables) {
                store.read()
                        .resultQuery("SELECT * FROM " + table + " ORDER BY 1, 2, 3")
                        .fetch()
                        .forEach(r -> sb.append(table)
                                .append(' ')
                                .append(r.intoList())
                                .append('\n'));
            }
            return sb.toString();
        }

        private List<RecordState> rows(String table, boolean deleted) {
            return states().values().stream()
                    .filter(s -> s.table().equals(table) && s.deleted() == deleted)
                    .sorted(Comparator.comparing(RecordState::id))
                    .toList();
        }

        private static <T> T pick(List<T> list, int n) {
            return list.isEmpty() ? null : list.get(n % list.size());
        }

        void act(Step s) {
            try {
                Registry r = service.load();
                switch (s.kind()) {
                    case 0 ->
                        service.save(new Unit(
                                java.util.UUID.randomUUID().toString(),
                                UNIT_NAMES[s.a() % UNIT_NAMES.length],
                                null,
                                null,
                                null,
                                null,
                                s.b()));
                    case 1 -> {
                        Unit u = pick(r.units(), s.a());
                        if (u != null) {
                            String v = TEXTS[s.c() % TEXTS.length];
                            service.save(
                                    switch (s.b() % 3) {
                                        case 0 ->
                                            new Unit(
                                                    u.id(),
                                                    u.name(),
                                                    v,
                                                    u.contactPerson(),
                                                    u.contactPhone(),
                                                    u.remark(),
                                                    u.sortOrder());
                                        case 1 ->
                                            new Unit(
                                                    u.id(),
                                                    u.name(),
                                                    u.shortName(),
                                                    v,
                                                    u.contactPhone(),
                                                    u.remark(),
                                                    u.sortOrder());
                                        default ->
                                            new Unit(
                                                    u.id(),
                                                    u.name(),
                                                    u.shortName(),
                                                    u.contactPerson(),
                                                    u.contactPhone(),
                                                    v,
                                                    u.sortOrder());
                                    });
                        }
                    }
                    case 2 -> {
                        Unit u = pick(r.units(), s.a());
                        if (u != null) {
                            service.deleteUnit(u.id());
                        }
                    }
                    case 3 -> restore(rows("unit", true), s.a(), service::restoreUnit);
                    case 4 -> importUnit(UNIT_NAMES[s.a() % UNIT_NAMES.length], TEXTS[s.b() % TEXTS.length]);
                    case 5 ->
                        service.save(new Community(
                                java.util.UUID.randomUUID().toString(),
                                COMMUNITY_NAMES[s.a() % COMMUNITY_NAMES.length],
                                null,
                                null,
                                null));
                    case 6 -> {
                        Community c = pick(r.communities(), s.a());
                        if (c != null) {
                            Unit lead = s.b() % 2 == 0 ? pick(r.units(), s.c()) : null;
                            service.save(new Community(
                                    c.id(),
                                    c.name(),
                                    lead == null ? c.leadUnitId() : lead.id(),
                                    TEXTS[s.c() % TEXTS.length],
                                    c.remark()));
                        }
                    }
                    case 7 -> {
                        Community c = pick(r.communities(), s.a());
                        if (c != null) {
                            service.deleteCommunity(c.id());
                        }
                    }
                    case 8 -> restore(rows("community", true), s.a(), service::restoreCommunity);
                    case 9 -> createOrganization(r, s);
                    case 10 -> {
                        Organization o = pick(
                                r.organizations().stream()
                                        .sorted(Comparator.comparing(Organization::id))
                                        .toList(),
                                s.a());
                        if (o != null) {
                            String v = TEXTS[s.c() % TEXTS.length];
                            service.save(
                                    switch (s.b() % 3) {
                                        case 0 -> copy(o, v, o.memberCount(), o.remark());
                                        case 1 -> copy(o, o.secretary(), 3 + s.c() % 40, o.remark());
                                        default -> copy(o, o.secretary(), o.memberCount(), v);
                                    });
                        }
                    }
                    case 11 -> {
                        Organization o = pick(
                                r.organizations().stream()
                                        .sorted(Comparator.comparing(Organization::id))
                                        .toList(),
                                s.a());
                        if (o != null) {
                            service.deleteOrganization(o.id());
                        }
                    }
                    case 12 -> restore(rows("organization", true), s.a(), service::restoreOrganization);
                    case 15 -> checklists.newVersion(BuiltInTemplates.site(2026).id(), 2027);
                    case 16 -> editDraft(s);
                    case 17 -> {
                        ChecklistTemplate t = pick(checklists.templates(), s.a());
                        if (t != null) {
                            checklists.publish(t.id());
                        }
                    }
                    case 18 -> {
                        Organization o = pick(
                                r.organizations().stream()
                                        .sorted(Comparator.comparing(Organization::id))
                                        .toList(),
                                s.a());
                        ChecklistTemplate t = pick(
                                checklists.templates().stream()
                                        .filter(ChecklistTemplate::isPublished)
                                        .toList(),
                                s.b());
                        if (o != null && t != null) {
                            checklists.startAssessment(o.id(), t.id(), Round.values()[s.c() % 3], 2026);
                        }
                    }
                    case 19 -> answer(s);
                    case 20 -> {
                        Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
                        if (a != null) {
                            if (a.isReadOnly()) {
                                checklists.reopen(a.id(), TEXTS[s.b() % 3]);
                            } else if (a.status() == Assessment.Status.PUBLICITY) {
                                checklists.closePublicity(a.id());
                            } else {
                                checklists.finish(a.id());
                            }
                        }
                    }
                    case 21 -> importResult(r, s);
                    case 22 -> {
                        Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
                        if (a != null) {
                            ChecklistTemplate t =
                                    checklists.template(a.templateId()).orElseThrow();
                            // three possible files: two devices often attach the same one (one attachment record)
                            Path photo = store.dataFolder().resolve("evidence-" + s.c() % 3 + ".txt");
                            Files.writeString(photo, "活动记录照片 " + s.c() % 3);
                            checklists.attachEvidence(
                                    a.id(), pick(t.items(), s.b()).key(), photo);
                        }
                    }
                    case 23 -> {
                        Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
                        if (a != null) {
                            List<Evidence> all = checklists.evidence(a.id()).values().stream()
                                    .flatMap(List::stream)
                                    .toList();
                            Evidence e = pick(all, s.b());
                            if (e != null) {
                                checklists.removeEvidence(e.id());
                            }
                        }
                    }
                    case 24 -> {
                        // half the time a branch rated directly already (so ratings are changed and taken back)
                        List<String> rated = checklists.directRatings(2026, 2026).stream()
                                .map(d -> d.organizationId())
                                .sorted()
                                .toList();
                        Organization o = !rated.isEmpty() && s.c() % 2 == 0
                                ? r.organization(pick(rated, s.a())).orElse(null)
                                : pick(
                                        r.organizations().stream()
                                                .filter(x -> x.kind().isBranch())
                                                .sorted(Comparator.comparing(Organization::id))
                                                .toList(),
                                        s.a());
                        List<String> ratings = checklists.ratingNames();
                        if (o != null && rated.contains(o.id()) && s.b() % 2 == 0) {
                            checklists.clearDirectRating(o.id(), 2026);
                        } else if (o != null && !ratings.isEmpty()) {
                            checklists.setDirectRating(o.id(), 2026, pick(ratings, s.b()), "区级以上先进" + s.c() % 3);
                        }
                    }
                    case 25 -> {
                        List<String> ratings = checklists.ratingNames();
                        Map<String, java.math.BigDecimal> quotas = new LinkedHashMap<>();
                        for (int i = 0; i < ratings.size() && i < s.a() % 3; i++) {
                            quotas.put(ratings.get(i), java.math.BigDecimal.valueOf(10 + s.b() % 4 * 10));
                        }
                        checklists.setQuotas(2026, quotas);
                    }
                    case 26 -> round(s);
                    case 27 -> recordFinding(r, s);
                    case 28 -> findings.registerPending();
                    case 29 -> findingStep(s);
                    case 30 -> measure(s);
                    case 31 -> findingEvidence(s);
                    case 32 -> {
                        List<String> names = new ArrayList<>(FindingService.COMMON_CATEGORIES);
                        names.remove(s.a() % names.size()); // one dropped, and named again another time
                        if (s.b() % 2 == 0) {
                            java.util.Collections.reverse(names);
                        }
                        findings.saveCategories(names);
                    }
                    case 33 -> {
                        LedgerEntry e = pick(ledger(), s.a());
                        if (e != null) {
                            Finding f = e.finding();
                            findings.edit(new Finding(
                                    f.id(),
                                    f.inspectionId(),
                                    f.visitId(),
                                    f.unitId(),
                                    f.organizationId(),
                                    s.b() % 2 == 0 ? pick(FindingService.COMMON_CATEGORIES, s.c()) : f.category(),
                                    s.b() % 2 == 1 ? f.description() + TEXTS[s.c() % 3] : f.description(),
                                    f.basis(),
                                    f.severity(),
                                    f.type(),
                                    f.source(),
                                    f.sourceRef(),
                                    f.foundOn(),
                                    f.foundBy(),
                                    f.repeatOf(),
                                    f.mergedInto(),
                                    f.number(),
                                    f.numberYear(),
                                    f.numberSeq(),
                                    f.importBatch(),
                                    f.internalNotes()));
                        }
                    }
                    case 34 -> files.importFindings(pick(SHEETS, s.a()), Progress.NONE);
                    case 35 -> resolve(s);
                    case 36 -> {
                        List<Inspection> rounds = inspections.inspections();
                        if (s.b() % 2 == 0 && !rounds.isEmpty()) {
                            inspections.delete(pick(rounds, s.a()).id());
                        } else {
                            restore(rows("inspection", true), s.a(), inspections::restore);
                        }
                    }
                    case 37 -> {
                        Inspection round = pick(inspections.inspections(), s.a());
                        if (round != null) {
                            if (s.c() % 2 == 0) {
                                InspectionTeam team = pick(inspections.teams(round.id()), s.b());
                                if (team != null) {
                                    inspections.deleteTeam(team.id());
                                }
                            } else {
                                Visit visit = pick(inspections.visits(round.id()), s.b());
                                if (visit != null) {
                                    inspections.deleteVisit(visit.id());
                                }
                            }
                        }
                    }
                    case 38 -> visitPhotoOrTemplate(s);
                    case 40 -> moveOrganization(r, s);
                    case 41 -> feedbackForm(r, s);
                    case 39 -> {
                        // only the first device: two devices acting as hub is listed by the check after a merge
                        // (TWO_HUBS, MergeCheckTest); here one hub keeps the numbers unique
                        if (store.hubDeviceId().isEmpty() || store.isHub()) {
                            if (store.isHub()) {
                                store.designateField();
                            } else if (this == hubDevice) {
                                store.designateHub();
                            }
                        }
                    }
                    case 42 -> itemToFinding(s);
                    default -> throw new IllegalArgumentException("step " + s);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (DomainException refused) {
                // the rules said no (a duplicate name, a unit that still has organizations, a deleted record
                // this device has not seen restored …): a clerk would be told, and nothing was written
            }
        }

        /**
         * An organization moved under another organization of its unit (or to the top), or into another 共同体:
         * two devices moving two organizations under each other make a cycle the check after the merge lists.
         */
        private void moveOrganization(Registry r, Step s) {
            List<Organization> all = r.organizations().stream()
                    .sorted(Comparator.comparing(Organization::id))
                    .toList();
            Organization o = pick(all, s.a());
            if (o == null) {
                return;
            }
            if (s.c() % 2 == 0) {
                Community c = pick(r.communities(), s.b());
                service.save(new Organization(
                        o.id(),
                        o.unitId(),
                        o.parentId(),
                        o.name(),
                        o.kind(),
                        o.secretary(),
                        o.fullTimeDeputy(),
                        o.memberCount(),
                        o.hasCommittee(),
                        o.termStart(),
                        o.termEnd(),
                        c == null || s.b() % 3 == 0 ? null : c.id(),
                        o.contactPerson(),
                        o.contactPhone(),
                        o.remark(),
                        o.sortOrder()));
                return;
            }
            Organization parent = pick(
                    all.stream()
                            .filter(p -> p.unitId().equals(o.unitId())
                                    && !p.id().equals(o.id())
                                    && !p.kind().isBranch())
                            .toList(),
                    s.b());
            service.save(new Organization(
                    o.id(),
                    o.unitId(),
                    parent == null ? null : parent.id(),
                    o.name(),
                    o.kind(),
                    o.secretary(),
                    o.fullTimeDeputy(),
                    o.memberCount(),
                    o.hasCommittee(),
                    o.termStart(),
                    o.termEnd(),
                    o.communityId(),
                    o.contactPerson(),
                    o.contactPhone(),
                    o.remark(),
                    o.sortOrder()));
        }

        /** A unit's form sent from here, filled in by the unit; or a filled form imported here. */
        private void feedbackForm(Registry r, Step s) throws IOException {
            if (FORMS.isEmpty() || s.b() % 2 == 0) {
                Unit u = pick(r.units(), s.a());
                if (u == null || files.feedbackFindings(u.id()).isEmpty()) {
                    return;
                }
                Path form = store.dataFolder().resolve("反馈表-" + FORMS.size() + ".xlsx");
                files.exportFeedback(
                        u.id(),
                        form,
                        org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE),
                        Progress.NONE);
                List<List<String>> cells = org.taizhang.inspection.files.InspectionFilesFixture.cells(form);
                String number = cells.get(4 + s.c() % (cells.size() - 4)).getFirst();
                org.taizhang.inspection.files.InspectionFilesFixture.fill(form, number, "整改进展情况", "已整改" + s.c() % 3);
                org.taizhang.inspection.files.InspectionFilesFixture.fill(
                        form, number, "报告日期", "2026-07-1" + s.c() % 10);
                FORMS.add(form);
            } else {
                files.importFeedback(pick(FORMS, s.c()), null, Progress.NONE);
            }
        }

        /** A clerk settles one conflict: the shown value, or one that lost (what the conflicts list will offer). */
        private void resolve(Step s) {
            List<RecordState> conflicted = states().values().stream()
                    .filter(RecordState::hasConflicts)
                    .sorted(Comparator.comparing(RecordState::id))
                    .toList();
            RecordState r = pick(conflicted, s.a());
            if (r == null) {
                return;
            }
            String field = pick(
                    r.fields().keySet().stream()
                            .filter(f -> !r.conflicts(f).isEmpty())
                            .toList(),
                    s.b());
            Object value = pick(r.fields().get(field), s.c()).value();
            store.resolve(r.table(), r.id(), field, value); // the path `taizhang conflicts resolve` takes
        }

        /** A visit's photo added or removed; or a template deleted or restored. */
        private void visitPhotoOrTemplate(Step s) throws IOException {
            if (s.c() % 2 == 0) {
                List<Visit> visits = inspections.inspections().stream()
                        .flatMap(i -> inspections.visits(i.id()).stream())
                        .sorted(Comparator.comparing(Visit::id))
                        .toList();
                Visit visit = pick(visits, s.a());
                if (visit == null) {
                    return;
                }
                List<FindingService.Evidence> photos = inspections.photos(visit.id());
                if (!photos.isEmpty() && s.b() % 2 == 0) {
                    inspections.removePhoto(pick(photos, s.b()).id());
                } else {
                    Path photo = store.dataFolder().resolve("visit-" + s.b() % 3 + ".txt");
                    Files.writeString(photo, "走访照片 " + s.b() % 3);
                    inspections.attachToVisit(visit.id(), photo);
                }
            } else {
                ChecklistTemplate t = pick(checklists.templates(), s.a());
                if (t != null && s.b() % 2 == 0) {
                    checklists.deleteTemplate(t.id());
                } else {
                    restore(rows("checklist_template", true), s.a(), checklists::restoreTemplate);
                }
            }
        }

        private List<LedgerEntry> ledger() {
            return findings.ledger().stream()
                    .sorted(Comparator.comparing(LedgerEntry::id))
                    .toList();
        }

        /** Two rounds everyone may touch (ids from their titles), a team, a unit in scope, a visit. */
        private void round(Step s) {
            String title = "2026年年中大督查" + (s.a() % 2 == 0 ? "" : "（二）");
            String id = org.taizhang.core.Ids.forKey("inspection", title);
            inspections.save(new Inspection(
                    id,
                    title,
                    pick(Inspection.COMMON_KINDS, s.b()),
                    2026,
                    java.time.LocalDate.of(2026, 6, 1),
                    java.time.LocalDate.of(2026, 6, 1 + s.c() % 20),
                    TEXTS[s.c() % TEXTS.length]));
            String teamId = org.taizhang.core.Ids.forKey("team", id, "第一组");
            inspections.save(new InspectionTeam(teamId, id, "第一检查组", TEXTS[s.b() % 3], "张三、李四"));
            Unit u = pick(service.load().units(), s.c());
            if (u != null) {
                if (s.b() % 3 == 0) {
                    inspections.removeFromScope(id, u.id());
                } else {
                    inspections.putInScope(id, u.id(), teamId);
                }
                inspections.save(new Visit(
                        org.taizhang.core.Ids.forKey("visit", id, u.id()),
                        id,
                        teamId,
                        u.id(),
                        java.time.LocalDate.of(2026, 6, 2 + s.a() % 10),
                        java.util.EnumSet.of(VisitMethod.values()[s.b() % 3]),
                        TEXTS[s.a() % TEXTS.length]));
            }
        }

        private void recordFinding(Registry r, Step s) {
            Unit u = pick(r.units(), s.a());
            if (u == null) {
                return;
            }
            List<Inspection> rounds = inspections.inspections();
            Finding f = findings.record(Finding.recorded(
                    java.util.UUID.randomUUID().toString(),
                    rounds.isEmpty() || s.c() % 2 == 0
                            ? null
                            : pick(rounds, s.c()).id(),
                    null,
                    u.id(),
                    null,
                    pick(FindingService.COMMON_CATEGORIES, s.b()),
                    "支部会议记录不全" + s.c() % 4,
                    null,
                    Severity.values()[s.b() % 3],
                    RectificationType.values()[s.c() % 3],
                    FindingSource.VISIT,
                    null,
                    java.time.LocalDate.of(2026, 6, 1 + s.b() % 28),
                    null));
            // sometimes a repeat of an earlier closed finding of the unit
            ledger().stream()
                    .filter(e -> e.state() == FindingState.CLOSED
                            && e.finding().unitId().equals(u.id()))
                    .findFirst()
                    .filter(e -> s.c() % 3 == 0)
                    .ifPresent(e -> findings.markRepeat(f.id(), e.id()));
        }

        /**
         * One step of a finding's life, chosen among those its state allows here: devices often act on the same
         * finding without having seen each other's steps (a laptop reports progress while the hub closes).
         */
        private void findingStep(Step s) throws IOException {
            LedgerEntry e = pick(ledger(), s.a());
            if (e == null) {
                return;
            }
            // one to four steps in a row, mostly the one that moves the finding on, so that findings reach every
            // state and devices often take different steps on the same finding before they exchange
            for (int n = 0; n <= s.c() % 4; n++) {
                FindingState state = findings.timeline(e.id()).state();
                List<StepKind> allowed = Lifecycle.allowed(state);
                if (allowed.isEmpty()) {
                    return;
                }
                StepKind onward = switch (state) {
                    case PENDING -> StepKind.REGISTER;
                    case REGISTERED -> StepKind.NOTIFY;
                    case NOTIFIED, RECTIFYING ->
                        findings.evidence(e.id()).isEmpty() ? StepKind.PROGRESS : StepKind.REQUEST_CLOSE;
                    case CLOSE_REQUESTED -> (s.b() + n) % 3 == 0 ? StepKind.REJECT : StepKind.CLOSE;
                    default -> pick(allowed, s.b() + n);
                };
                try {
                    oneStep(e, (s.b() + n) % 5 < 3 ? onward : pick(allowed, s.b() + n), s, n);
                } catch (DomainException refused) {
                    // a laptop may not number; evidence or measures missing: the clerk is told, nothing written
                }
            }
        }

        private void oneStep(LedgerEntry e, StepKind kind, Step s, int n) throws IOException {
            java.time.LocalDate day = java.time.LocalDate.of(2026, 7, 1 + (s.c() + n) % 28);
            String id = e.id();
            switch (kind) {
                case REGISTER -> findings.register(id);
                case NOTIFY ->
                    findings.notify(
                            id,
                            new FindingService.Notice(
                                    day.plusDays(30 + s.c()), TEXTS[s.c() % 3], "办公室", TEXTS[s.b() % 3], null),
                            day);
                case RECEIPT -> findings.receipt(id, day);
                case PROGRESS -> {
                    Path file = store.dataFolder().resolve("progress-" + s.c() % 3 + ".txt");
                    Files.writeString(file, "整改照片 " + s.c() % 3);
                    findings.progress(id, "已整改" + s.c(), null, s.c() % 3 != 0 ? List.of(file) : List.of(), day);
                }
                case REQUEST_CLOSE -> findings.requestClose(id, null, day);
                case CLOSE -> findings.close(id, s.c() % 2 == 0 ? Verdict.GOOD : Verdict.FAIRLY_GOOD, null, day);
                case REJECT -> findings.reject(id, "佐证不足" + s.c() % 2, day);
                case REWORK -> findings.rework(id, Verdict.FAIR, null, day.plusDays(20), day);
                case EXTEND -> findings.extend(id, day.plusDays(200 + s.c()), "客观原因", "书记", day);
                case ESCALATE -> findings.escalate(id, Escalation.values()[s.c() % 7], null, day);
                case FOLLOW_UP -> findings.followUp(id, "回头看未反弹", day);
                case MERGE -> {
                    LedgerEntry other = pick(ledger(), s.c());
                    if (other != null) {
                        findings.merge(id, other.id(), day);
                    }
                }
                case NOTE -> findings.note(id, TEXTS[s.c() % 3] + "备注", day);
                default -> {}
            }
        }

        private void measure(Step s) {
            LedgerEntry e = pick(ledger(), s.a());
            if (e == null) {
                return;
            }
            Measure m = pick(e.measures(), s.b());
            if (m == null || s.c() % 4 == 0) {
                findings.saveMeasure(new Measure(
                        java.util.UUID.randomUUID().toString(),
                        e.id(),
                        "建立制度" + s.c() % 3,
                        TEXTS[s.b() % 3],
                        java.time.LocalDate.of(2026, 8, 1),
                        null,
                        s.b()));
            } else if (s.c() % 4 == 1) {
                findings.deleteMeasure(m.id());
            } else {
                findings.saveMeasure(
                        s.c() % 4 == 2
                                ? m.doneOn(java.time.LocalDate.of(2026, 7, 1 + s.b() % 28))
                                : new Measure(
                                        m.id(),
                                        m.findingId(),
                                        m.text() + "并落实",
                                        m.owner(),
                                        m.deadline(),
                                        m.doneOn(),
                                        m.sortOrder()));
            }
        }

        private void findingEvidence(Step s) throws IOException {
            LedgerEntry e = pick(ledger(), s.a());
            if (e == null) {
                return;
            }
            List<FindingService.Evidence> held = findings.evidence(e.id());
            if (!held.isEmpty() && s.c() % 3 == 0) {
                findings.removeEvidence(pick(held, s.b()).id());
            } else {
                Path file = store.dataFolder().resolve("finding-" + s.c() % 3 + ".txt");
                Files.writeString(file, "现场照片 " + s.c() % 3);
                findings.attach(e.id(), null, file);
            }
        }

        /** A clerk rewords an item of a draft, or changes its points (the category then no longer adds up). */
        private void editDraft(Step s) {
            ChecklistTemplate t = pick(
                    checklists.templates().stream()
                            .filter(x -> !x.isPublished())
                            .toList(),
                    s.a());
            if (t == null) {
                return;
            }
            List<ChecklistCategory> categories = new ArrayList<>();
            ChecklistItem target = pick(t.items(), s.b());
            for (ChecklistCategory c : t.categories()) {
                List<ChecklistItem> items = new ArrayList<>();
                for (ChecklistItem i : c.items()) {
                    if (i.key().equals(target.key())) {
                        i = s.c() % 2 == 0
                                ? new ChecklistItem(
                                        i.key(),
                                        i.number(),
                                        i.text() + TEXTS[s.c() % 3],
                                        i.maxPoints(),
                                        i.mode(),
                                        i.deduction(),
                                        i.floor(),
                                        i.evidenceRequired(),
                                        i.methods(),
                                        i.veto(),
                                        i.bonus(),
                                        i.appliesTo(),
                                        i.replaces())
                                : new ChecklistItem(
                                        i.key(),
                                        i.number(),
                                        i.text(),
                                        i.maxPoints().add(java.math.BigDecimal.ONE),
                                        i.mode(),
                                        i.deduction(),
                                        i.floor(),
                                        i.evidenceRequired(),
                                        i.methods(),
                                        i.veto(),
                                        i.bonus(),
                                        i.appliesTo(),
                                        i.replaces());
                    }
                    items.add(i);
                }
                categories.add(new ChecklistCategory(c.key(), c.code(), c.name(), c.points(), items));
            }
            checklists.saveDraft(new ChecklistTemplate(
                    t.id(),
                    t.name(),
                    t.version(),
                    t.year(),
                    t.status(),
                    categories,
                    t.passScore(),
                    t.bands(),
                    t.bonusCap(),
                    t.notApplicable()));
        }

        /** 转为问题: an item of an assessment that lost points becomes the branch's finding (once per item and round). */
        private void itemToFinding(Step s) {
            Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
            if (a == null) {
                return;
            }
            ChecklistTemplate t = checklists.template(a.templateId()).orElseThrow();
            List<String> answered = t.items().stream()
                    .map(ChecklistItem::key)
                    .filter(a.answers()::containsKey)
                    .toList();
            String key = pick(answered, s.b());
            if (key != null) {
                new org.taizhang.checklist.ItemFindings(
                                checklists,
                                findings,
                                org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE))
                        .toFinding(a.id(), key);
            }
        }

        /** An inspector scores one item: met or not, a grade, a count. */
        private void answer(Step s) {
            Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
            if (a == null) {
                return;
            }
            ChecklistTemplate t = checklists.template(a.templateId()).orElseThrow();
            ChecklistItem i = pick(t.items(), s.b());
            checklists.answer(
                    a.id(),
                    switch (i.mode()) {
                        case YES_NO -> ItemAnswer.met(i.key(), s.c() % 2 == 0);
                        case GRADED ->
                            ItemAnswer.scored(
                                    i.key(),
                                    Integer.toString(s.c() % (i.maxPoints().intValue() + 1)));
                        case DEDUCTION -> ItemAnswer.occurrences(i.key(), s.c() % 4);
                    });
        }

        private static void restore(List<RecordState> deleted, int n, java.util.function.Consumer<String> restore) {
            RecordState s = pick(deleted, n);
            if (s != null) {
                restore.accept(s.id());
            }
        }

        private void createOrganization(Registry r, Step s) {
            Unit unit = pick(r.units(), s.a());
            if (unit == null) {
                return;
            }
            Organization top = r.organizations().stream()
                    .filter(o -> o.unitId().equals(unit.id()) && o.isTopLevel())
                    .findFirst()
                    .orElse(null);
            String id = java.util.UUID.randomUUID().toString();
            if (top == null) {
                service.save(new Organization(
                        id,
                        unit.id(),
                        null,
                        "机关党委",
                        OrganizationKind.PARTY_COMMITTEE,
                        null,
                        null,
                        30,
                        true,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0));
            } else {
                service.save(new Organization(
                        id,
                        unit.id(),
                        top.id(),
                        "第" + (1 + s.b() % 3) + "党支部",
                        OrganizationKind.BRANCH,
                        TEXTS[s.c() % TEXTS.length],
                        null,
                        5 + s.c() % 20,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        s.b()));
            }
        }

        private static Organization copy(Organization o, String secretary, Integer members, String remark) {
            return new Organization(
                    o.id(),
                    o.unitId(),
                    o.parentId(),
                    o.name(),
                    o.kind(),
                    secretary,
                    o.fullTimeDeputy(),
                    members,
                    o.hasCommittee(),
                    o.termStart(),
                    o.termEnd(),
                    o.communityId(),
                    o.contactPerson(),
                    o.contactPhone(),
                    remark,
                    o.sortOrder());
        }

        /**
         * A one-row sheet of past results: the same branch, year and round give the same record on every device;
         * a name two branches share is a row error (nothing written), as it would be for a clerk.
         */
        private void importResult(Registry r, Step s) {
            Organization o = pick(
                    r.organizations().stream()
                            .filter(x -> x.kind().isBranch())
                            .sorted(Comparator.comparing(Organization::id))
                            .toList(),
                    s.a());
            if (o == null) {
                return;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("单位", r.unit(o.unitId()).map(Unit::name).orElse(""));
            cells.put("组织名称", o.name());
            cells.put("年度", Integer.toString(2024 + s.b() % 2));
            cells.put("轮次", s.b() % 3 == 0 ? "自评" : "达标验收");
            cells.put("总分", Integer.toString(50 + s.c() % 50));
            cells.put("等级", s.c() % 2 == 0 ? "达标" : "");
            cells.put("结论", s.c() % 50 >= 10 ? "达标" : "未达标");
            checklists.importResults(
                    new SheetData("往年结果", cells.keySet(), List.of(new SheetData.Row(2, cells))),
                    "往年结果.xlsx",
                    Progress.NONE);
        }

        /** A one-row workbook: the unit gets the id of its name, and a deleted unit of that name comes back. */
        private void importUnit(String name, String shortName) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put(RegistryColumns.UNIT_NAME, name);
            cells.put(RegistryColumns.UNIT_SHORT_NAME, shortName == null ? "" : shortName);
            RegistryFile file = new RegistryFile(
                    new SheetData(RegistryColumns.UNITS_SHEET, cells.keySet(), List.of(new SheetData.Row(2, cells))),
                    SheetData.absent(RegistryColumns.COMMUNITIES_SHEET),
                    SheetData.absent(RegistryColumns.ORGANIZATIONS_SHEET));
            service.importFile(file, Progress.NONE);
        }
    }

    /**
     * A folder in memory where the machine has one (/dev/shm): the test is about what the devices hold, not about
     * fsync, and thousands of small commits cost most of its time on a disk.
     */
    private static Path scratch(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, prefix)
                : Files.createTempDirectory(prefix);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
