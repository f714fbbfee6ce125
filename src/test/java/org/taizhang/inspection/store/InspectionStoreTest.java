package org.taizhang.inspection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.organization.RegistryService;

/** The bulk reads the ledger uses give the very values the record readers give, field by field. */
class InspectionStoreTest {
    @TempDir
    Path dir;

    @Test
    void bulkReadsEqualTheRecordReaders() {
        LocalDate today = LocalDate.of(2026, 6, 15);
        try (Store store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(today.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()))) {
            RegistryService registry = new RegistryService(store);
            registry.importSample(Progress.NONE);
            SampleFindings.importInto(store, registry);
            var ctx = store.read();

            List<Finding> bulk = InspectionStore.findings(ctx);
            assertThat(bulk).hasSizeGreaterThan(280);
            Map<String, List<Step>> steps = InspectionStore.allSteps(ctx);
            Map<String, List<Measure>> measures = InspectionStore.allMeasures(ctx);
            Comparator<Step> byId = Comparator.comparing(Step::id);
            for (Finding f : bulk) {
                assertThat(f).isEqualTo(InspectionStore.finding(ctx, f.id()).orElseThrow());
                List<Step> one = InspectionStore.steps(ctx, f.id());
                assertThat(one).isNotEmpty();
                assertThat(steps.get(f.id()).stream().sorted(byId).toList())
                        .isEqualTo(one.stream().sorted(byId).toList());
                assertThat(measures.getOrDefault(f.id(), List.of())).isEqualTo(InspectionStore.measures(ctx, f.id()));
            }
            assertThat(bulk)
                    .anyMatch(f -> f.number() != null && f.numberSeq() != null)
                    .anyMatch(f -> f.number() == null && f.numberYear() == null)
                    .anyMatch(f -> f.repeatOf() != null)
                    .anyMatch(f -> f.mergedInto() != null);
            assertThat(steps.values().stream().flatMap(List::stream))
                    .anyMatch(s -> s.verdict() != null)
                    .anyMatch(s -> s.escalation() != null)
                    .anyMatch(s -> s.approver() != null)
                    .anyMatch(s -> s.measureId() != null)
                    .anyMatch(s -> s.otherId() != null)
                    .allMatch(s -> s.order() != null);
            // the read of given findings (each once, however often named) gives the same
            List<String> ids =
                    new java.util.ArrayList<>(bulk.stream().map(Finding::id).toList());
            ids.addAll(ids.subList(0, 10));
            Map<String, List<Step>> given = InspectionStore.steps(ctx, ids);
            assertThat(given.keySet()).isEqualTo(steps.keySet());
            given.forEach((id, list) -> assertThat(list.stream().sorted(byId).toList())
                    .isEqualTo(steps.get(id).stream().sorted(byId).toList()));
        }
    }
}
