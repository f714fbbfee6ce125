package org.taizhang.checklist.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.BuiltInTemplates;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;

/** The sample year of assessments: realistic on the board, the same on every device, loaded once. */
class SampleAssessmentsTest {
    @TempDir
    Path dir;

    @Test
    void theSampleYearShowsEveryStatusARealisticRateAndTheSameIdsOnTwoDevices() {
        try (Store a = Store.openOrCreate(dir.resolve("a.db"));
                Store b = Store.openOrCreate(dir.resolve("b.db"))) {
            RegistryService registryA = new RegistryService(a);
            registryA.importSample(Progress.NONE);
            ChecklistService checklistsA = new ChecklistService(a, registryA);
            int made = checklistsA.importSample(2026);
            assertThat(checklistsA.importSample(2026)).isZero();

            ChecklistTemplate standard =
                    checklistsA.template(BuiltInTemplates.standard(2026).id()).orElseThrow();
            AcceptanceBoard board = AcceptanceBoard.of(
                    2026,
                    registryA.load(),
                    checklistsA.assessmentsOfYear(2026),
                    x -> x.score(
                                    standard,
                                    registryA
                                            .load()
                                            .organization(x.organizationId())
                                            .orElseThrow()
                                            .kind())
                            .result());
            Set<AcceptanceStatus> seen = EnumSet.noneOf(AcceptanceStatus.class);
            seen.addAll(board.statusByBranch().values());
            assertThat(seen).containsExactlyInAnyOrder(AcceptanceStatus.values());
            assertThat(board.total().rate().doubleValue()).isBetween(40.0, 75.0);
            assertThat(made).isEqualTo(checklistsA.assessmentsOfYear(2026).size());

            RegistryService registryB = new RegistryService(b);
            registryB.importSample(Progress.NONE);
            ChecklistService checklistsB = new ChecklistService(b, registryB);
            checklistsB.importSample(2026);
            assertThat(checklistsB.assessmentsOfYear(2026))
                    .extracting(Assessment::id)
                    .containsExactlyElementsOf(checklistsA.assessmentsOfYear(2026).stream()
                            .map(Assessment::id)
                            .toList());
        }
    }
}
