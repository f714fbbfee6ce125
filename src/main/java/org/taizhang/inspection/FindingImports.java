package org.taizhang.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.store.InspectionStore;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;

/**
 * What the ledger's files write, in bulk: an inspection team's spreadsheet of findings (all or none), and the
 * progress reports of a unit's feedback form. Checked by the same rules as {@link FindingService}'s single actions
 * ({@link FindingRules}, {@link StepRules}); read and written for {@code files.InspectionFiles}.
 */
public final class FindingImports {
    private final Store store;

    /** A copy of the database before an import writes (issue 22). */
    public void backupBeforeImport() {
        store.backupBeforeImport();
    }

    private final RegistryService registry;

    public FindingImports(Store store, RegistryService registry) {
        this.store = store;
        this.registry = registry;
    }

    /** When the spreadsheet with this SHA-256 was first imported, if ever (the time of its first finding). */
    public Optional<Instant> importedAt(String batch) {
        return InspectionStore.importedAt(store.read(), batch).map(Instant::parse);
    }

    /**
     * Records findings imported from one spreadsheet (each 待挂号, with its 发现 step) in one transaction: all
     * or none. Each must already carry its {@code importBatch}; a batch imported before is refused (the same
     * file twice adds nothing), and so is a finding that breaks a rule (the caller checked them row by row).
     */
    public int recordAll(List<Finding> findings) {
        Registry reg = registry.load();
        for (Finding f : findings) {
            if (f.importBatch() == null) {
                throw new IllegalArgumentException("an imported finding names its batch");
            }
            List<Issue> errors = FindingRules.check(f, reg, registry.today()).stream()
                    .filter(Issue::isError)
                    .toList();
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
        String operator = store.operator();
        return store.write(ctx -> {
            for (String batch :
                    findings.stream().map(Finding::importBatch).distinct().toList()) {
                Optional<String> at = InspectionStore.importedAt(ctx, batch);
                if (at.isPresent()) {
                    throw new DomainException(
                            "findingImport.error.alreadyImported", localTime(Instant.parse(at.get())));
                }
            }
            List<Finding> clean =
                    findings.stream().map(f -> StepRules.recorded(f, operator)).toList();
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.saveAll(w, clean);
            InspectionStore.addAll(
                    w,
                    clean.stream()
                            .map(f -> Step.of(
                                    Ids.forKey("finding-found", f.id()),
                                    f.id(),
                                    StepKind.FOUND,
                                    f.foundOn(),
                                    operator,
                                    null))
                            .toList());
            return clean.size();
        });
    }

    /** An instant as a clerk reads it, on this computer's clock: 2026-06-15 10:00. */
    public static String localTime(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault())
                .format(at);
    }

    /** Which of these step ids are held (a feedback form read again makes the same ids). */
    public Set<String> heldSteps(Collection<String> stepIds) {
        var ctx = store.read();
        return stepIds.stream().filter(id -> InspectionStore.hasStep(ctx, id)).collect(Collectors.toSet());
    }

    /**
     * Adds progress reports read from a unit's feedback form, in one transaction: a step whose id is already held
     * is skipped (the same form twice adds nothing); any other whose finding no longer allows progress refuses
     * the whole set. The operator is the clerk who imports the form. Returns how many were added.
     */
    public int addProgress(List<Step> reports) {
        String operator = store.operator();
        return store.write(ctx -> {
            List<Step> added = new ArrayList<>();
            for (Step s : reports) {
                if (s.kind() != StepKind.PROGRESS) {
                    throw new IllegalArgumentException("progress reports only");
                }
                if (InspectionStore.hasStep(ctx, s.id())) {
                    continue;
                }
                InspectionStore.finding(ctx, s.findingId())
                        .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
                StepRules.allowed(Lifecycle.fold(InspectionStore.steps(ctx, s.findingId())), StepKind.PROGRESS);
                added.add(Step.builder(s.id(), s.findingId(), StepKind.PROGRESS, s.occurredOn())
                        .operator(operator)
                        .text(s.text())
                        .measureId(s.measureId())
                        .build());
            }
            InspectionStore.addAll(store.tracked(ctx), added);
            return added.size();
        });
    }
}
