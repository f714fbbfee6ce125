package org.taizhang.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/**
 * The invariants of 挂号反馈、整改销号 over random sequences of a clerk's actions on one hub, across a year's end
 * and with the verifier setting switched on and off. After every action, whether the service took it or refused:
 * <ul>
 *   <li>a finding's state moved exactly as {@link Lifecycle#next} says, or not at all when refused;</li>
 *   <li>a closed finding has a verifier and a close date; a finding awaiting verification has evidence;</li>
 *   <li>numbers are unique and gap-free per year, and a number once given never changes;</li>
 *   <li>the history only grows: every step held before is still held, unchanged.</li>
 * </ul>
 */
class FindingInvariantsPropertyTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A clock the script moves forward (a day, or across the new year). */
    static final class MovingClock extends Clock {
        Instant now = LocalDate.of(2026, 12, 27).atTime(9, 0).atZone(ZONE).toInstant();

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Action(int kind, int finding, int arg) {}

    @Provide
    Arbitrary<List<Action>> scripts() {
        Arbitrary<Action> a = Combinators.combine(
                        // 0–2 record, 3 number all, 4–5 time passes, 6 verifier on/off, 7–24 a step on a finding
                        Arbitraries.integers().between(0, 24),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 99))
                .as(Action::new);
        return a.list().ofMinSize(20).ofMaxSize(60);
    }

    private static Path template;

    /** One database with the sample registry, copied for every try (importing it each time is the slow part). */
    @BeforeContainer
    static void makeTemplate() throws IOException {
        template = scratch("taizhang-invariants-template").resolve("template.db");
        try (Store store = Store.openOrCreate(template)) {
            new RegistryService(store).importSample(Progress.NONE);
        }
    }

    @AfterContainer
    static void removeTemplate() throws IOException {
        delete(template.getParent());
    }

    /** In memory where the machine has it: thousands of small transactions need not wait for the disk. */
    private static Path scratch(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, prefix)
                : Files.createTempDirectory(prefix);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 30)
    void theLedgerKeepsItsInvariantsWhateverTheClerkDoes(@ForAll("scripts") List<Action> script) throws IOException {
        Path dir = scratch("taizhang-invariants");
        MovingClock clock = new MovingClock();
        Files.copy(template, dir.resolve("t.db"));
        try (Store store = Store.open(dir.resolve("t.db"), clock)) {
            RegistryService registry = new RegistryService(store);
            FindingService service = new FindingService(store, registry);
            List<Unit> units = registry.load().units().subList(0, 3);
            setVerifier(service, true);
            Map<String, String> numbers = new HashMap<>();
            Map<String, Step> stepsSeen = new HashMap<>();
            int refused = 0;
            for (Action act : script) {
                List<LedgerEntry> before = sorted(service.ledger());
                LedgerEntry target = before.isEmpty() ? null : before.get(act.finding() % before.size());
                StepKind attempted = null;
                boolean took;
                try {
                    attempted = perform(service, store, dir, units, clock, before, target, act);
                    took = true;
                } catch (DomainException e) {
                    took = false;
                    refused++;
                }
                List<LedgerEntry> after = sorted(service.ledger());
                if (target != null && attempted != null) {
                    FindingState was = target.state();
                    FindingState now = after.stream()
                            .filter(e -> e.id().equals(target.id()))
                            .findFirst()
                            .orElseThrow()
                            .state();
                    assertThat(now)
                            .as(attempted + " from " + was + (took ? "" : " (refused)"))
                            .isEqualTo(took ? Lifecycle.next(was, attempted).orElseThrow() : was);
                }
                checkInvariants(service, after, numbers, stepsSeen);
            }
            Statistics.label("refused").collect(refused > 0);
            Statistics.label("closed")
                    .collect(service.ledger().stream().anyMatch(e -> e.state() == FindingState.CLOSED));
            Statistics.label("numbered in two years")
                    .collect(service.ledger().stream()
                                    .map(e -> e.finding().numberYear())
                                    .filter(y -> y != null)
                                    .distinct()
                                    .count()
                            > 1);
        } finally {
            delete(dir);
        }
    }

    private static List<LedgerEntry> sorted(List<LedgerEntry> ledger) {
        return ledger.stream().sorted(Comparator.comparing(LedgerEntry::id)).toList();
    }

    private static void setVerifier(FindingService service, boolean yes) {
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), yes, true, s.numberFormat(), s.warnings()));
    }

    /** Does one action; returns the step kind attempted on {@code target}, or null for other actions. */
    private static StepKind perform(
            FindingService service,
            Store store,
            Path dir,
            List<Unit> units,
            MovingClock clock,
            List<LedgerEntry> ledger,
            LedgerEntry target,
            Action a)
            throws IOException {
        LocalDate today = service.today();
        // few findings, many steps each: a finding must often travel its whole life within one script
        int kind0 = ledger.isEmpty() || a.kind() == 0 || (a.kind() <= 2 && ledger.size() < 2)
                ? 0
                : a.kind() == 3 ? 1 : a.kind() <= 5 ? 2 : a.kind() == 6 ? 3 : 4;
        switch (kind0) {
            case 0 -> {
                service.record(Finding.recorded(
                        Ids.newId(),
                        null,
                        null,
                        units.get(a.arg() % units.size()).id(),
                        null,
                        "三会一课",
                        "问题" + a.arg(),
                        null,
                        null,
                        RectificationType.values()[a.arg() % 3],
                        FindingSource.VISIT,
                        null,
                        today.minusDays(a.arg() % 5),
                        null));
                return null;
            }
            case 1 -> {
                service.registerPending();
                return null;
            }
            case 2 -> {
                // a day passes, or several weeks (across the new year: numbering starts again at 1)
                clock.now = clock.now.plusSeconds(86_400L * (a.arg() % 3 == 0 ? 15 : 1));
                return null;
            }
            case 3 -> {
                setVerifier(service, a.arg() % 4 != 0);
                return null;
            }
            default -> {}
        }
        if (target == null) {
            return null;
        }
        String id = target.id();
        List<StepKind> allowed = Lifecycle.allowed(target.state());
        // mostly the step that moves the finding on, often another allowed one, sometimes any (to be refused)
        StepKind onward = switch (target.state()) {
            case PENDING -> StepKind.REGISTER;
            case REGISTERED -> StepKind.NOTIFY;
            case NOTIFIED, RECTIFYING -> target.evidenceCount() == 0 ? StepKind.PROGRESS : StepKind.REQUEST_CLOSE;
            case CLOSE_REQUESTED -> StepKind.CLOSE;
            default -> StepKind.FOLLOW_UP;
        };
        StepKind kind = switch (a.arg() % 7) {
            case 0 -> StepKind.values()[a.arg() / 7 % StepKind.values().length];
            case 1, 2 -> allowed.get(a.arg() % allowed.size());
            default -> onward;
        };
        switch (kind) {
            case FOUND -> {
                return null; // never offered: a finding is found once, by record
            }
            case REGISTER -> service.register(id);
            case NOTIFY ->
                service.notify(
                        id, new FindingService.Notice(today.plusDays(a.arg() % 40), "李局长", "办公室", "赵敏", null), today);
            case RECEIPT -> service.receipt(id, today);
            case PROGRESS -> {
                Path f = dir.resolve("p" + a.arg() % 3 + ".txt");
                Files.writeString(f, "整改 " + a.arg() % 3);
                service.progress(id, "进展" + a.arg(), null, a.arg() % 4 != 1 ? List.of(f) : List.of(), today);
            }
            case REQUEST_CLOSE -> service.requestClose(id, null, today);
            case CLOSE -> service.close(id, a.arg() % 5 == 0 ? Verdict.POOR : Verdict.GOOD, null, today);
            case REJECT -> service.reject(id, a.arg() % 5 == 0 ? " " : "佐证不足", today);
            case REWORK -> service.rework(id, Verdict.FAIR, null, today.plusDays(a.arg() % 30), today);
            case EXTEND -> service.extend(id, today.plusDays(a.arg()), "客观原因", "书记", today);
            case ESCALATE -> service.escalate(id, Escalation.values()[a.arg() % 7], null, today);
            case FOLLOW_UP -> service.followUp(id, "回头看", today);
            case MERGE -> {
                LedgerEntry other = ledger.get(a.arg() % ledger.size());
                service.merge(id, other.id(), today);
            }
            case NOTE -> service.note(id, "备注", today);
        }
        return kind;
    }

    private static void checkInvariants(
            FindingService service, List<LedgerEntry> ledger, Map<String, String> numbers, Map<String, Step> seen) {
        Map<Integer, List<Integer>> seqsByYear = new HashMap<>();
        Set<String> numberTexts = new HashSet<>();
        for (LedgerEntry e : ledger) {
            Finding f = e.finding();
            Timeline t = e.timeline();
            if (t.state() == FindingState.CLOSED) {
                assertThat(t.verifier()).isNotBlank();
                assertThat(t.closedOn()).isNotNull();
            }
            if (t.state() == FindingState.CLOSE_REQUESTED || t.state() == FindingState.CLOSED) {
                assertThat(e.evidenceCount()).isPositive();
            }
            if (t.state() != FindingState.PENDING && t.state() != FindingState.MERGED) {
                assertThat(f.isNumbered()).as("numbered once registered").isTrue();
            }
            if (f.isNumbered()) {
                seqsByYear
                        .computeIfAbsent(f.numberYear(), y -> new ArrayList<>())
                        .add(f.numberSeq());
                assertThat(numberTexts.add(f.number()))
                        .as("unique " + f.number())
                        .isTrue();
                String earlier = numbers.putIfAbsent(f.id(), f.number());
                assertThat(earlier == null || earlier.equals(f.number()))
                        .as("never renumbered")
                        .isTrue();
            } else {
                assertThat(numbers).doesNotContainKey(f.id());
            }
            for (Timeline.Entry x : t.entries()) {
                Step old = seen.putIfAbsent(x.step().id(), x.step());
                assertThat(old == null || old.equals(x.step()))
                        .as("a step never changes")
                        .isTrue();
            }
        }
        seqsByYear
                .values()
                .forEach(seqs -> assertThat(seqs.stream().sorted().toList())
                        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, seqs.size())
                                .boxed()
                                .toList()));
        Set<String> held = ledger.stream()
                .flatMap(e -> e.timeline().entries().stream().map(x -> x.step().id()))
                .collect(Collectors.toSet());
        assertThat(held).as("history only grows").containsAll(seen.keySet());
    }
}
