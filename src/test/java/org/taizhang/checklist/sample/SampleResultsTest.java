package org.taizhang.checklist.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.checklist.AcceptanceBoard;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.AcceptanceStatus;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;

/** The sample's two earlier years: the three-year plan on the board from the first start, and the same file in sample-data/. */
public class SampleResultsTest {
    private static final List<String> RATINGS = List.of("一星", "二星", "三星", "四星", "五星");

    @TempDir
    Path dir;

    @Test
    void theSampleShowsTheRateRisingOverThreeYearsWithRatingsMovingBothWays() {
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            ChecklistService checklists = new ChecklistService(store, registry);
            checklists.importSample(2026);

            List<AcceptanceBoard> plan = checklists.boards(2024, 2026);

            List<Double> rates =
                    plan.stream().map(b -> b.total().rate().doubleValue()).toList();
            assertThat(rates.get(0)).isBetween(30.0, 40.0);
            assertThat(rates.get(1)).isBetween(40.0, 50.0);
            assertThat(rates.get(2)).isGreaterThan(rates.get(1));
            assertThat(plan.get(0).standingByBranch().values())
                    .filteredOn(s -> s.status() == AcceptanceStatus.PASSED)
                    .allMatch(s -> s.imported()
                            && s.score().doubleValue() >= 60
                            && !s.rating().equals("一星"));
            // a branch rated in both earlier years: some went up, some went down
            Map<String, String> before = new HashMap<>();
            checklists.results(2024, 2024).forEach(r -> before.put(r.organizationId(), r.rating()));
            List<Integer> moves = checklists.results(2025, 2025).stream()
                    .filter(r -> before.containsKey(r.organizationId()))
                    .map(r -> Integer.compare(
                            RATINGS.indexOf(r.rating()), RATINGS.indexOf(before.get(r.organizationId()))))
                    .toList();
            assertThat(moves).contains(-1, 1);
        }
    }

    @Test
    void theWorkbookInSampleDataImportsToTheSameResultsWithTheSameIds() {
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            ChecklistService checklists = new ChecklistService(store, registry);
            checklists.installBuiltInTemplates(); // the ratings the file uses

            ImportReport report = new ChecklistFiles(checklists)
                    .importResults(Path.of("sample-data", SampleResults.SOURCE_FILE), Progress.NONE);

            assertThat(report.errors()).isEmpty();
            List<PastResult> imported = checklists.results(2000, 2100);
            int lastYear = imported.stream().mapToInt(PastResult::year).max().orElseThrow();
            Comparator<PastResult> byId = Comparator.comparing(PastResult::id);
            List<PastResult> expected = SampleResults.of(registry.load(), lastYear + 1).stream()
                    .sorted(byId)
                    .toList();
            assertThat(imported).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                PastResult e = expected.get(i);
                PastResult a = imported.get(i);
                assertThat(List.of(a.id(), a.year(), a.round(), a.rating(), a.passed(), a.sourceFile()))
                        .isEqualTo(List.of(e.id(), e.year(), e.round(), e.rating(), e.passed(), e.sourceFile()));
                assertThat(a.totalScore()).isEqualByComparingTo(e.totalScore());
            }
        }
    }
}
