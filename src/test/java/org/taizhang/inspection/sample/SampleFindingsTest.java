package org.taizhang.inspection.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.Duplicates;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.LedgerStats;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Warning;
import org.taizhang.organization.RegistryService;

/** The ledger's sample: two rounds over every state, overdue stays overdue, repeats and a duplicate, the same everywhere. */
class SampleFindingsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @TempDir
    Path dir;

    private Store store;
    private FindingService service;
    private List<LedgerEntry> ledger;

    @BeforeEach
    void load() {
        store = open(dir.resolve("a.db"), TODAY);
        service = new FindingService(store, new RegistryService(store));
        assertThat(SampleFindings.importInto(store, new RegistryService(store))).isBetween(280, 330);
        ledger = service.ledger();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Store open(Path db, LocalDate today) {
        Store s = Store.openOrCreate(
                db,
                Clock.fixed(today.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        new RegistryService(s).importSample(Progress.NONE);
        return s;
    }

    private Map<FindingState, Long> byState(List<LedgerEntry> entries) {
        Map<FindingState, Long> counts = new EnumMap<>(FindingState.class);
        entries.forEach(e -> counts.merge(e.state(), 1L, Long::sum));
        return counts;
    }

    @Test
    void twoRoundsWithTheirTeamsScopeAndVisits() {
        InspectionService inspections = new InspectionService(store);
        List<Inspection> rounds = inspections.inspections();
        assertThat(rounds).extracting(Inspection::title).containsExactly("2026年年中大督查", "2025年党建体检");
        for (Inspection r : rounds) {
            assertThat(inspections.teams(r.id()))
                    .hasSizeBetween(2, 3)
                    .allMatch(t -> !t.members().isBlank());
            assertThat(inspections.scope(r.id())).hasSize(15);
            assertThat(inspections.visits(r.id()))
                    .hasSize(15)
                    .allMatch(v -> !v.methods().isEmpty());
        }
    }

    @Test
    void everyStateIsThereTheOlderRoundMostlyClosed() {
        Map<FindingState, Long> all = byState(ledger);
        assertThat(all.keySet()).containsExactlyInAnyOrder(FindingState.values());
        assertThat(all.get(FindingState.PENDING)).isBetween(3L, 8L);
        assertThat(all.get(FindingState.MERGED)).isGreaterThanOrEqualTo(2L);
        String older = ledger.stream()
                .filter(e -> e.inspectionTitle().startsWith("2025"))
                .findFirst()
                .orElseThrow()
                .finding()
                .inspectionId();
        Map<FindingState, Long> old = byState(ledger.stream()
                .filter(e -> older.equals(e.finding().inspectionId()))
                .toList());
        assertThat(old.get(FindingState.CLOSED)).isGreaterThan(100L);
        assertThat(old).doesNotContainKey(FindingState.PENDING);
    }

    @Test
    void someOverdueSomeSoonSomeExtendedRejectedReworkedEscalated() {
        List<LedgerEntry> overdue =
                ledger.stream().filter(e -> e.warning().isOverdue()).toList();
        assertThat(overdue).hasSizeBetween(15, 60);
        assertThat(overdue).allMatch(e -> e.timeline().deadline().isBefore(TODAY));
        assertThat(ledger).anyMatch(e -> e.warning() == Warning.SOON);
        assertThat(ledger)
                .anyMatch(e -> e.warning() == Warning.SEVERE
                        && !e.timeline().escalations().isEmpty());
        assertThat(ledger).filteredOn(e -> e.timeline().extensions() > 0).hasSizeGreaterThan(10);
        assertThat(ledger).anyMatch(e -> e.timeline().rejections() > 0 && e.state() == FindingState.RECTIFYING);
        assertThat(ledger).anyMatch(e -> e.timeline().reworks() > 0 && e.state() == FindingState.RECTIFYING);
        assertThat(ledger)
                .anyMatch(e ->
                        e.timeline().entries().stream().anyMatch(x -> x.step().kind() == StepKind.FOLLOW_UP));
        // every step happened on or before today, and each took effect
        assertThat(ledger)
                .allMatch(e -> e.timeline().entries().stream()
                        .allMatch(x -> x.applied() && !x.step().occurredOn().isAfter(TODAY)));
    }

    @Test
    void whatAskedToCloseHasEvidenceAndDoneMeasures() {
        List<LedgerEntry> asked = ledger.stream()
                .filter(e ->
                        e.timeline().entries().stream().anyMatch(x -> x.step().kind() == StepKind.REQUEST_CLOSE))
                .toList();
        assertThat(asked).hasSizeGreaterThan(150);
        assertThat(asked).allMatch(e -> e.evidenceCount() > 0);
        assertThat(ledger)
                .filteredOn(e -> e.state() == FindingState.CLOSED || e.state() == FindingState.CLOSE_REQUESTED)
                .allMatch(LedgerEntry::measuresDone)
                .allMatch(e -> !e.measures().isEmpty());
        assertThat(ledger)
                .filteredOn(e -> e.state() == FindingState.CLOSED)
                .allMatch(e -> e.timeline().verifier() != null && e.timeline().closedOn() != null);
        LedgerEntry one = asked.getFirst();
        assertThat(service.evidence(one.id()))
                .isNotEmpty()
                .allMatch(ev -> java.nio.file.Files.isRegularFile(service.evidenceFile(ev)));
    }

    @Test
    void repeatsPointToClosedFindingsOfTheOlderRoundOfTheSameUnitAndCategory() {
        Map<String, LedgerEntry> byId = ledger.stream().collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
        List<LedgerEntry> repeats =
                ledger.stream().filter(e -> e.finding().repeatOf() != null).toList();
        assertThat(repeats).hasSizeBetween(3, 10);
        for (LedgerEntry r : repeats) {
            LedgerEntry earlier = byId.get(r.finding().repeatOf());
            assertThat(earlier.state()).isEqualTo(FindingState.CLOSED);
            assertThat(earlier.finding().unitId()).isEqualTo(r.finding().unitId());
            assertThat(earlier.finding().category()).isEqualTo(r.finding().category());
            assertThat(earlier.finding().foundOn()).isBefore(r.finding().foundOn());
        }
        assertThat(LedgerStats.of(ledger).total().repeats()).isEqualTo(repeats.size());
    }

    @Test
    void numbersAreGaplessPerYearAndMergedOnesStayUnderTheirTarget() {
        Map<Integer, List<Integer>> seqs = new TreeMap<>();
        ledger.stream()
                .filter(e -> e.finding().isNumbered())
                .forEach(e -> seqs.computeIfAbsent(e.finding().numberYear(), y -> new java.util.ArrayList<>())
                        .add(e.finding().numberSeq()));
        assertThat(seqs.keySet()).containsExactly(2025, 2026);
        seqs.values().forEach(list -> {
            list.sort(null);
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i)).isEqualTo(i + 1);
            }
        });
        assertThat(ledger.stream().filter(e -> e.state() == FindingState.MERGED))
                .allMatch(e -> e.finding().mergedInto() != null && !e.finding().isNumbered());
    }

    @Test
    void aPairOfLikelyDuplicatesIsLeftForTheClerkAndNothingElseLooksAlike() {
        List<Duplicates.Pair> pairs = Duplicates.pairs(ledger);
        assertThat(pairs).hasSize(1);
        Duplicates.Pair p = pairs.getFirst();
        assertThat(p.first().finding().unitId()).isEqualTo(p.second().finding().unitId());
        assertThat(p.first().finding().foundBy())
                .isNotEqualTo(p.second().finding().foundBy());
        // the margin the threshold stands in: every other candidate pair (same unit, category, round, open)
        double highestOther = 0;
        List<LedgerEntry> open = ledger.stream().filter(e -> e.state().isOpen()).toList();
        for (int i = 0; i < open.size(); i++) {
            for (int j = i + 1; j < open.size(); j++) {
                Finding a = open.get(i).finding();
                Finding b = open.get(j).finding();
                boolean candidate = a.unitId().equals(b.unitId())
                        && a.category().equals(b.category())
                        && a.inspectionId().equals(b.inspectionId());
                boolean thePair = (open.get(i) == p.first() && open.get(j) == p.second());
                if (candidate && !thePair) {
                    highestOther = Math.max(highestOther, Duplicates.similarity(open.get(i), open.get(j)));
                }
            }
        }
        assertThat(highestOther).isLessThan(Duplicates.THRESHOLD - 0.03);
        assertThat(p.similarity()).isGreaterThan(Duplicates.THRESHOLD + 0.03);
    }

    @Test
    void theSameOnEveryDeviceAndOnlyOnce() {
        try (Store other = open(dir.resolve("b.db"), TODAY)) {
            FindingService second = new FindingService(other, new RegistryService(other));
            SampleFindings.importInto(other, new RegistryService(other));
            assertThat(fingerprint(second.ledger())).isEqualTo(fingerprint(ledger));
            assertThat(other.deviceId()).isNotEqualTo(store.deviceId());
        }
        assertThat(SampleFindings.importInto(store, new RegistryService(store))).isZero();
        assertThat(service.ledger()).hasSameSizeAs(ledger);
    }

    @Test
    void onAnyDayEveryStateIsThereAndNothingLiesInTheFuture() {
        LocalDate winter = LocalDate.of(2027, 2, 10); // the rounds then start in two calendar years' autumns
        try (Store other = open(dir.resolve("c.db"), winter)) {
            FindingService s = new FindingService(other, new RegistryService(other));
            SampleFindings.importInto(other, new RegistryService(other));
            List<LedgerEntry> entries = s.ledger();
            assertThat(byState(entries).keySet()).containsExactlyInAnyOrder(FindingState.values());
            assertThat(entries).anyMatch(e -> e.warning().isOverdue()).anyMatch(e -> e.warning() == Warning.SOON);
            assertThat(entries)
                    .allMatch(e -> e.timeline().entries().stream()
                            .allMatch(x -> x.applied() && !x.step().occurredOn().isAfter(winter)));
        }
    }

    /** What must match between devices: ids of findings, steps, measures; numbers, states, evidence. */
    private static Map<String, String> fingerprint(List<LedgerEntry> entries) {
        Map<String, String> m = new HashMap<>();
        for (LedgerEntry e : entries) {
            m.put(
                    e.id(),
                    e.finding().number() + "|" + e.state() + "|" + e.finding().description() + "|" + e.evidenceCount()
                            + "|" + e.timeline().steps().stream().map(Step::id).toList()
                            + "|" + e.measures().stream().map(Measure::id).toList());
        }
        return m;
    }
}
