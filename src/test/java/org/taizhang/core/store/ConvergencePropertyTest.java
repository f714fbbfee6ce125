package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.core.store.DeviceActions.FORMS;
import static org.taizhang.core.store.DeviceActions.SHEETS;
import static org.taizhang.core.store.DeviceActions.UNIT_NAMES;
import static org.taizhang.core.store.DeviceActions.pick;

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
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;
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
 * The actions are each feature's generator (a {@link DeviceActions} beside that feature's tests: RegistryActions,
 * ChecklistActions, LedgerActions) and the store's own (packages, late mail, a resolve, the hub, a preparation); a
 * new travelling table or a new way to change data adds its actions there the day it is created. Tries: {@code jqwik.tries.default}
 * (src/test/resources/junit-platform.properties; the bench profile raises it). A failure prints its seed.
 */
class ConvergencePropertyTest {
    /** The hub (device 0) and three field laptops. */
    private static final int DEVICES = 4;

    private static Path template;
    private static Path templateDir;
    /** A version-1 database holding two units with their v1 history, copied for every device of a v1 start. */
    private static Path v1Template;

    @BeforeContainer
    static void makeTemplate() throws Exception {
        // one migrated database, copied for every device: opening a copy gives it a device id of its own
        templateDir = scratch("taizhang-convergence-template");
        template = templateDir.resolve("template.db");
        // with the built-in 六有 template published, as every device would have it from the hub
        try (Store store = Store.openOrCreate(template)) {
            ChecklistService checklists = new ChecklistService(store, new RegistryService(store));
            checklists.saveDraft(BuiltInTemplates.site(2026));
            checklists.publish(BuiltInTemplates.site(2026).id());
        }
        v1Template = V1Database.create(templateDir.resolve("v1.db"));
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

    /** Every feature's actions (not the store's own): the ways a clerk changes data. */
    static List<Kind> featureKinds() {
        return KINDS.stream().filter(k -> k.feature() != Feature.CORE).toList();
    }

    /** A device as the property makes them (a copy of the template), for other tests of what the actions do. */
    static Device deviceIn(Path dir, String name) throws IOException {
        Path db = dir.resolve(name + ".db");
        Files.copy(template, db);
        return new Device(Store.open(db));
    }

    @AfterContainer
    static void removeTemplate() throws IOException {
        SHEETS.clear();
        deleteTree(templateDir);
    }

    /** One step of a script; the numbers pick device, record, field and value (taken modulo what exists). */
    record Step(int kind, int device, int a, int b, int c) {}

    /** The store's own action a step is, or null when it is a feature's. */
    static Core core(Step s) {
        Kind k = KINDS.get(s.kind());
        return k.feature() == Feature.CORE ? Core.values()[k.action()] : null;
    }

    /** What a script step does: one of the store's own (exchanges, the hub) or one of a feature's actions. */
    enum Feature {
        CORE,
        REGISTRY,
        CHECKLIST,
        LEDGER
    }

    /** The store's own actions: packages and mail between devices, a clerk's resolve, the hub, a preparation. */
    enum Core {
        /** A package or a set of records sent to another device (now, twice, or into the drawer). */
        SEND(8),
        /** A package from the drawer or an old set delivered late. */
        LATE(2),
        RESOLVE(3),
        /** The hub designation handed over and taken back. */
        HUB(1),
        /** The hub prepares a field laptop again (taizhang package prepare-field + import). */
        PREPARE(2),
        /** A laptop's database copied into its backups (VACUUM INTO), with its device file as it was then. */
        BACKUP(3),
        /**
         * A laptop restored from its last backup, with or without the device file beside it, after its unsent work was
         * exported for the hub (the rule every path that replaces a laptop's data keeps, issue 17).
         */
        RESTORE(2),
        /**
         * Another operator signs in on the device (a 管理员 adds them the first time): history entries and timeline
         * steps from then on carry their name, and a device restored to a copy with operators signs one in again.
         */
        OPERATOR(1);

        final int weight;

        Core(int weight) {
            this.weight = weight;
        }
    }

    /** One kind of script step: a feature's action, with its weight. */
    record Kind(Feature feature, int action, int weight) {}

    /** Every kind of step, the store's and each feature's generator (its weights) in turn. */
    static final List<Kind> KINDS = kinds();

    private static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        for (Core c : Core.values()) {
            kinds.add(new Kind(Feature.CORE, c.ordinal(), c.weight));
        }
        Map<Feature, List<Integer>> features = new LinkedHashMap<>();
        features.put(Feature.REGISTRY, org.taizhang.organization.RegistryActions.WEIGHTS);
        features.put(Feature.CHECKLIST, org.taizhang.checklist.ChecklistActions.WEIGHTS);
        features.put(Feature.LEDGER, org.taizhang.inspection.LedgerActions.WEIGHTS);
        features.forEach((f, weights) -> {
            for (int i = 0; i < weights.size(); i++) {
                kinds.add(new Kind(f, i, weights.get(i)));
            }
        });
        return List.copyOf(kinds);
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        // edits and exchanges often, so that devices change the same records between exchanges
        @SuppressWarnings("unchecked")
        net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Integer>>[] frequencies = KINDS.stream()
                .map(k -> net.jqwik.api.Tuple.<Integer, Arbitrary<? extends Integer>>of(
                        k.weight(), Arbitraries.just(KINDS.indexOf(k))))
                .toArray(net.jqwik.api.Tuple.Tuple2[]::new);
        Arbitrary<Integer> kind = Arbitraries.frequencyOf(frequencies);
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
    void theSeedThatFoundTheCreateHoleStillConverges(@ForAll("scripts") List<Step> script) throws Exception {
        devicesThatExchangeEverythingHoldTheSameRecordsAndLoseNothing(script, List.of());
    }

    /**
     * How the devices start: copies of one migrated database (empty list), or — one try in four — copies of one
     * version-1 database made before the upgrade (issue 16: their v1 changes share names), each left as it was (0)
     * or given a v1 edit of a unit's short name (1, 2) before it is opened and upgraded.
     */
    @Provide
    Arbitrary<List<Integer>> starts() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(List.<Integer>of())),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.integers().between(0, 2).list().ofSize(DEVICES)));
    }

    @Property
    void devicesThatExchangeEverythingHoldTheSameRecordsAndLoseNothing(
            @ForAll("scripts") List<Step> script, @ForAll("starts") List<Integer> v1Edits) throws Exception {
        Path dir = scratch("taizhang-convergence");
        List<Device> devices = new ArrayList<>();
        FORMS.clear();
        DeviceActions.ASSESSMENT_FORMS.clear();
        boolean v1 = !v1Edits.isEmpty();
        Statistics.label("start").collect(v1 ? "copies of a v1 database" : "copies of one database");
        try {
            for (int i = 0; i < DEVICES; i++) {
                Path db = dir.resolve("device" + i + ".db");
                if (v1) {
                    Files.copy(v1Template, db);
                    if (v1Edits.get(i) > 0) {
                        V1Database.edit(db, v1Edits.get(i) == 1 ? "财政局" : "市财政局", "v1-edit-" + i);
                    }
                } else {
                    Files.copy(template, db);
                }
                devices.add(new Device(Store.open(db)));
            }
            assertThat(devices.stream().map(d -> d.store.deviceId()).distinct()).hasSize(DEVICES);
            for (int i = 0; i < DEVICES; i++) {
                devices.get(i).setUp(i == 0);
                devices.get(i).hubDevice = devices.getFirst();
            }
            if (v1) {
                // the built-in 六有 template, which the laptops get from the hub's package below
                devices.getFirst().checklists.saveDraft(BuiltInTemplates.site(2026));
                devices.getFirst()
                        .checklists
                        .publish(BuiltInTemplates.site(2026).id());
                devices.getFirst().changed();
            }
            Oracle oracle = new Oracle();
            // what the devices start with (the template's records, or each copy's upgraded v1 records) counts as
            // written before the script
            if (v1) {
                // an untouched copy, upgraded: its changes (named after their content, the same on every copy) are
                // what each copy started from, so a copy's v1 edit overwrote the shared revision before it
                Path pristine = dir.resolve("v1-untouched.db");
                Files.copy(v1Template, pristine);
                Map<String, RecordState> shared;
                try (Store untouched = Store.open(pristine)) {
                    shared = new Device(untouched).states();
                }
                oracle.observe(Map.of(), shared);
                for (Device d : devices) {
                    oracle.observe(shared, d.states());
                    oracle.history.addAll(d.historyIds());
                }
            } else {
                oracle.observe(Map.of(), devices.getFirst().states());
            }
            // every device imports the same workbook first: the same records (ids from their names), no exchange
            for (Device d : devices) {
                Map<String, RecordState> before = d.states();
                d.registry.importUnit(UNIT_NAMES[0], null);
                d.registry.importUnit(UNIT_NAMES[1], "审计局");
                d.changed();
                oracle.observe(before, d.states());
                oracle.history.addAll(d.historyIds());
            }
            // (but for the hub's designation, which only the hub holds so far; a v1 start's template is the hub's)
            if (!v1) {
                assertThat(devices.get(1).states().keySet())
                        .isEqualTo(devices.get(0).states().keySet().stream()
                                .filter(k -> !k.startsWith("hub_designation/"))
                                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new)));
            }
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
            // a laptop's last backup (the database and its device file as they were), per device index: the first
            // one the day it was handed the hub's records
            Map<Integer, Path[]> backups = new HashMap<>();
            for (int i = 1; i < DEVICES; i++) {
                devices.get(i).receive(fromHub);
                backups.put(i, devices.get(i).backup(dir, i));
            }
            List<ChangeSet> mail = new ArrayList<>();
            // packages of a laptop's unsent work written before it was restored: they reach the hub, late or at the end
            List<Path> unsent = new ArrayList<>();
            // packages written for a device and not (yet) carried to it: lost, or found in a drawer later
            List<Map.Entry<Path, Device>> drawer = new ArrayList<>();
            for (Step s : script) {
                Device d = devices.get(s.device());
                if (core(s) == Core.SEND && (s.c() % 4 == 1 || s.c() % 4 == 2)) {
                    // a package on a stick, as `taizhang package export|import` carry it: what the receiver has not
                    // acknowledged, encrypted to its key once known; imported now, or left in the drawer
                    Device to = devices.get((s.device() + 1 + s.a() % (DEVICES - 1)) % DEVICES);
                    Path stick = d.packageFor(to, dir);
                    if (s.c() % 4 == 1) {
                        to.receive(stick);
                    } else {
                        drawer.add(Map.entry(stick, to));
                    }
                } else if (core(s) == Core.PREPARE) {
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
                } else if (core(s) == Core.BACKUP) {
                    if (s.device() > 0) {
                        backups.put(s.device(), d.backup(dir, s.device()));
                    }
                } else if (core(s) == Core.RESTORE) {
                    Path[] backup = backups.get(s.device());
                    if (backup != null) {
                        // what the hub has not acknowledged leaves first (the emergency package every path that
                        // replaces a laptop's data writes), then the files go back
                        d.emergencyPackage().ifPresent(unsent::add);
                        String before = d.store.deviceId();
                        // a clerk's copy of the folder (with or without the device file), or the program's own
                        // restore (taizhang backup restore: in place, after a copy of what it replaces)
                        int way = s.b() % 3;
                        Device restored = way == 2 ? d.restoredByProgram(backup) : d.restoredFrom(backup, way == 0);
                        restored.hubDevice = hub;
                        devices.set(s.device(), restored);
                        Statistics.label("restored")
                                .collect(
                                        way == 2
                                                ? "by the program"
                                                : way == 0 ? "with its device file" : "without its device file",
                                        restored.store.deviceId().equals(before) ? "same id" : "new id");
                    }
                } else if (core(s) == Core.LATE && s.a() % 4 == 1 && !unsent.isEmpty()) {
                    hub.receive(unsent.get(s.b() % unsent.size())); // the restored laptop's work reaches the hub
                } else if (core(s) == Core.LATE && s.a() % 2 == 0 && !drawer.isEmpty()) {
                    // a package from the drawer, late, perhaps for the second time
                    var found = drawer.get(s.b() % drawer.size());
                    found.getValue().receive(found.getKey());
                } else if (core(s) == Core.SEND) {
                    Device to = devices.get((s.device() + 1 + s.a() % (DEVICES - 1)) % DEVICES);
                    ChangeSet set = d.someRecords(s.b());
                    mail.add(set);
                    to.apply(set);
                    if (s.c() % 4 == 0) {
                        to.apply(set); // delivered twice
                    }
                } else if (core(s) == Core.LATE) {
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
            // the work a laptop exported before it was restored is carried to the hub (if it was not yet)
            for (Path p : unsent) {
                hub.receive(p);
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
                // taizhang check finds nothing wrong after whatever the script did (issue 22): its rules hold for
                // every way of changing data, restores and exchanges included
                assertThat(new org.taizhang.backup.IntegrityCheck(d.store).run(Progress.NONE))
                        .as(d.store.database().toString())
                        .isEmpty();
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
            Statistics.label("assessment form imported on several devices")
                    .collect(finalStates.values().stream()
                            .anyMatch(r -> r.table().equals("assessment_answer")
                                    && r.creates().stream()
                                                    .map(Dot::site)
                                                    .distinct()
                                                    .count()
                                            > 1));
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
        /**
         * A consistent copy of this database (as 立即备份 writes it) and its device file as it was, in {@code dir}: the
         * files a clerk would copy back over the data folder.
         */
        Path[] backup(Path dir, int index) throws IOException {
            Path copy = store.backup("convergence");
            Path db = Files.move(
                    copy, dir.resolve("backup-" + index + ".db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path deviceFile = store.database().resolveSibling(store.database().getFileName() + ".device");
            Path savedDeviceFile = dir.resolve("backup-" + index + ".db.device");
            Files.copy(deviceFile, savedDeviceFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Path[] {db, savedDeviceFile};
        }

        /**
         * This device closed, its database replaced by the backup (with the backup's device file, or with none) and
         * opened again: the profile's note of the clock or the missing file gives it a new id where it must have one.
         */
        Device restoredFrom(Path[] backup, boolean withDeviceFile) throws IOException {
            Path db = store.database();
            Path deviceFile = db.resolveSibling(db.getFileName() + ".device");
            store.close();
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
            Files.copy(backup[0], db, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (withDeviceFile) {
                Files.copy(backup[1], deviceFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(deviceFile);
            }
            return new Device(Store.open(db));
        }

        /** This device closed and {@code taizhang backup restore}'s way taken: {@link Backups#restore}, in place. */
        Device restoredByProgram(Path[] backup) {
            Path db = store.database();
            store.close();
            Backups.restore(db, backup[0], java.time.Clock.systemUTC());
            return new Device(Store.open(db));
        }

        final Store store;
        final RegistryService service;

        final ChecklistService checklists;
        final FindingService findings;
        final InspectionService inspections;
        final org.taizhang.inspection.files.InspectionFiles files;

        Device(Store store) {
            this.store = store;
            if (!store.actor().chosen()) { // a copy with several operators: one of them works here again
                org.taizhang.operator.OperatorService operators = new org.taizhang.operator.OperatorService(store);
                operators.signIn(operators.operators().getFirst().name(), null);
            }
            this.service = new RegistryService(store);
            this.checklists = new ChecklistService(store, service);
            this.findings = new FindingService(store, service);
            this.inspections = new InspectionService(store);
            this.files = new org.taizhang.inspection.files.InspectionFiles(store, service);
            this.registry = new org.taizhang.organization.RegistryActions(store, service, this::rows);
            this.checklist =
                    new org.taizhang.checklist.ChecklistActions(store, service, checklists, findings, this::rows);
            this.ledger =
                    new org.taizhang.inspection.LedgerActions(store, service, findings, inspections, files, this::rows);
        }

        final org.taizhang.organization.RegistryActions registry;
        final org.taizhang.checklist.ChecklistActions checklist;
        final org.taizhang.inspection.LedgerActions ledger;

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

        /**
         * The emergency package of what the hub has not acknowledged (ExchangeService#emergencyPackage, written to
         * backups/ before a switch or a restore replaces the laptop's data); none when the hub has everything.
         */
        java.util.Optional<Path> emergencyPackage() {
            return new org.taizhang.exchange.ExchangeService(store)
                    .emergencyPackage(Progress.NONE)
                    .map(org.taizhang.exchange.ExchangeService.Exported::file);
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
                            + " 'exchange_log', 'device_key', 'operator') AND name NOT LIKE"
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

        void act(Step s) {
            Kind k = KINDS.get(s.kind());
            DeviceActions.Pick pick = new DeviceActions.Pick(s.a(), s.b(), s.c());
            try {
                switch (k.feature()) {
                    case REGISTRY -> registry.act(k.action(), pick);
                    case CHECKLIST -> checklist.act(k.action(), pick);
                    case LEDGER -> ledger.act(k.action(), pick);
                    case CORE -> {
                        switch (Core.values()[k.action()]) {
                            case RESOLVE -> resolve(s);
                            case OPERATOR -> operator(s);
                            case HUB -> {
                                // only the first device: two devices acting as hub is listed by the check after a
                                // merge (TWO_HUBS, MergeCheckTest); here one hub keeps the numbers unique
                                if (store.hubDeviceId().isEmpty() || store.isHub()) {
                                    if (store.isHub()) {
                                        store.designateField();
                                    } else if (this == hubDevice) {
                                        store.designateHub();
                                    }
                                }
                            }
                            default -> throw new IllegalArgumentException("step " + s); // handled by the script
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (DomainException refused) {
                // the rules said no (a duplicate name, a unit that still has organizations, a deleted record
                // this device has not seen restored …): a clerk would be told, and nothing was written
            }
        }

        private void operator(Step s) {
            org.taizhang.operator.OperatorService operators = new org.taizhang.operator.OperatorService(store);
            String name = "操作员" + (s.a() % 3);
            if (operators.operators().stream().noneMatch(o -> o.name().equals(name))) {
                operators.add(new org.taizhang.operator.model.OperatorDraft(name, Actor.Role.ADMIN, true), null);
            }
            operators.signIn(name, null);
        }

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
