package org.taizhang.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.OrganizationKind;

/**
 * Issue 18: a branch assessed in one round against two templates of the same year and version — which one counts on
 * the board and which one the page opens is the one handed in last (as the history says), not the larger id.
 */
class AssessmentOrderTest {
    @TempDir
    Path dir;

    private Store store;

    /** A clock the test moves: the history's times are the only thing telling the two apart. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
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

    @AfterEach
    void close() {
        store.close();
    }

    private static void answerAll(ChecklistService service, String id, ChecklistTemplate t, boolean full) {
        for (ChecklistItem i : t.items()) {
            if (!i.appliesTo(OrganizationKind.BRANCH) || i.bonus()) {
                continue;
            }
            service.answer(
                    id,
                    switch (i.mode()) {
                        case YES_NO -> ItemAnswer.met(i.key(), full);
                        case GRADED ->
                            ItemAnswer.scored(i.key(), full ? i.maxPoints().toPlainString() : "0");
                        case DEDUCTION -> ItemAnswer.occurrences(i.key(), full ? 0 : 99);
                    });
        }
    }

    @Test
    void theAssessmentHandedInLastCountsOnTheBoardAndOpensFirstWhateverItsId() {
        MovingClock clock = new MovingClock();
        store = Store.openOrCreate(dir.resolve("t.db"), clock);
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        ChecklistService service = new ChecklistService(store, registry);
        int year = service.today().getYear();
        service.installBuiltInTemplates();
        List<ChecklistTemplate> two = new ArrayList<>();
        for (ChecklistTemplate t : BuiltInTemplates.all(year)) {
            two.add(service.publish(t.id()));
        }
        assertThat(two).hasSize(2);
        assertThat(ChecklistService.templateRank(two.get(0))).isEqualTo(ChecklistService.templateRank(two.get(1)));
        Organization branch = registry.load().organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.BRANCH)
                .findFirst()
                .orElseThrow();

        // both acceptances handed in: the one passing first, the one failing an hour later
        Assessment passing = service.startAssessment(branch.id(), two.get(0).id(), Round.ACCEPTANCE, year);
        Assessment failing = service.startAssessment(branch.id(), two.get(1).id(), Round.ACCEPTANCE, year);
        answerAll(service, passing.id(), two.get(0), true);
        answerAll(service, failing.id(), two.get(1), false);
        service.closePublicity(service.finish(passing.id()).id());
        clock.now = clock.now.plus(Duration.ofHours(1));
        service.closePublicity(service.finish(failing.id()).id());
        assertThat(service.board(year).statusByBranch().get(branch.id())).isEqualTo(AcceptanceStatus.FAILED);
        assertThat(first(service, year, branch)).isEqualTo(failing.id());

        // the passing one reopened and handed in again, later still: now it counts, and opens first
        clock.now = clock.now.plus(Duration.ofHours(1));
        service.reopen(passing.id(), "补充佐证后重新验收");
        clock.now = clock.now.plus(Duration.ofHours(1));
        service.closePublicity(service.finish(passing.id()).id());
        assertThat(service.board(year).statusByBranch().get(branch.id())).isEqualTo(AcceptanceStatus.PASSED);
        assertThat(first(service, year, branch)).isEqualTo(passing.id());
    }

    /** The assessment the scoring page opens for the branch: the first in the order it shows them in. */
    private static String first(ChecklistService service, int year, Organization branch) {
        return service.assessmentsOfYear(year).stream()
                .filter(a -> a.organizationId().equals(branch.id()) && a.round() == Round.ACCEPTANCE)
                .sorted(service.assessmentOrder(year, year).reversed())
                .findFirst()
                .orElseThrow()
                .id();
    }
}
