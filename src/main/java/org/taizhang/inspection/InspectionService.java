package org.taizhang.inspection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taizhang.core.DomainException;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.store.InspectionStore;

/**
 * 督查: rounds, their teams and units in scope, and the visits of the teams (with photos). Every write is one
 * transaction through the tracked writer, so every row merges between devices.
 */
public final class InspectionService {
    private final Store store;
    private final AttachmentStore attachments;

    public InspectionService(Store store) {
        this.store = store;
        this.attachments = new AttachmentStore(store);
    }

    public List<Inspection> inspections() {
        return InspectionStore.inspections(store.read());
    }

    /** Saves a round when the rules find no error; returns the warnings that remain. */
    public List<Issue> save(Inspection i) {
        List<Issue> issues = InspectionRules.check(i);
        List<Issue> errors = issues.stream().filter(Issue::isError).toList();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Inspection clean = new Inspection(
                i.id(), i.title().strip(), i.kind().strip(), i.year(), i.startsOn(), i.endsOn(), i.notes());
        store.write(ctx -> {
            InspectionStore.save(store.tracked(ctx), clean);
            return null;
        });
        return issues.stream().filter(x -> !x.isError()).toList();
    }

    /** Why a round cannot be deleted now (its findings refer to it), or nothing. */
    public List<Issue> checkDelete(Inspection i) {
        return InspectionRules.checkDelete(i, InspectionStore.findingsOfRound(store.read(), i.id()));
    }

    /** Deletes a round (a tombstone, kept in history); refused while findings refer to it. */
    public void delete(String id) {
        store.write(ctx -> {
            List<Issue> refusal = InspectionRules.checkDelete(null, InspectionStore.findingsOfRound(ctx, id));
            if (!refusal.isEmpty()) {
                throw new ValidationException(refusal);
            }
            InspectionStore.deleteInspection(store.tracked(ctx), id);
            return null;
        });
    }

    public void restore(String id) {
        store.write(ctx -> InspectionStore.restoreInspection(store.tracked(ctx), id));
    }

    /**
     * The fields of a round that hold another device's value beside the one shown: column, value shown, other value
     * (one per other value); the form names them, 数据交换 → 待处理 decides.
     */
    public List<HistoryEntry.FieldChange> conflicts(String id) {
        List<HistoryEntry.FieldChange> list = new java.util.ArrayList<>();
        store.conflicts("inspection", id).forEach(c -> list.addAll(c.asChanges()));
        return list;
    }

    public List<HistoryEntry> history(String id) {
        return InspectionStore.history(store.read(), "inspection", id);
    }

    public void deleteTeam(String teamId) {
        store.write(ctx -> InspectionStore.deleteTeam(store.tracked(ctx), teamId));
    }

    public void deleteVisit(String visitId) {
        store.write(ctx -> InspectionStore.deleteVisit(store.tracked(ctx), visitId));
    }

    public List<InspectionTeam> teams(String inspectionId) {
        // 第一、第二、第三检查组 by their number (the store's order put 第三 before 第二)
        return InspectionStore.teams(store.read()).stream()
                .filter(t -> t.inspectionId().equals(inspectionId))
                .sorted(java.util.Comparator.comparing(
                        InspectionTeam::name, org.taizhang.core.text.NumberedOrder.INSTANCE))
                .toList();
    }

    public void save(InspectionTeam t) {
        if (t.name() == null || t.name().isBlank()) {
            throw new DomainException("inspection.error.teamNameRequired");
        }
        store.write(ctx -> {
            InspectionStore.save(store.tracked(ctx), t);
            return null;
        });
    }

    /** The units in a round's scope, each with the team that visits it (or null). */
    public Map<String, String> scope(String inspectionId) {
        return InspectionStore.scopes(store.read()).getOrDefault(inspectionId, Map.of());
    }

    public void putInScope(String inspectionId, String unitId, String teamId) {
        store.write(ctx -> {
            InspectionStore.putInScope(store.tracked(ctx), ctx, inspectionId, unitId, teamId);
            return null;
        });
    }

    public void removeFromScope(String inspectionId, String unitId) {
        store.write(ctx -> InspectionStore.removeFromScope(store.tracked(ctx), inspectionId, unitId));
    }

    public List<Visit> visits(String inspectionId) {
        return InspectionStore.visits(store.read()).stream()
                .filter(v -> v.inspectionId().equals(inspectionId))
                .toList();
    }

    public void save(Visit v) {
        if (v.unitId() == null || v.visitedOn() == null) {
            throw new DomainException("inspection.error.visitIncomplete");
        }
        store.write(ctx -> {
            InspectionStore.save(store.tracked(ctx), v);
            return null;
        });
    }

    /** Adds a photo or document to a visit; the same file twice is one piece. */
    public FindingService.Evidence attachToVisit(String visitId, Path file) {
        Attachment a = attachments.add(file);
        String id = InspectionStore.evidenceId(visitId, a.id());
        store.write(ctx -> {
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.link(w, ctx, new InspectionStore.EvidenceLink(id, visitId, null, null, a.id()));
            return null;
        });
        return new FindingService.Evidence(id, null, a);
    }

    public List<FindingService.Evidence> photos(String visitId) {
        List<FindingService.Evidence> list = new ArrayList<>();
        for (InspectionStore.EvidenceLink l : InspectionStore.evidenceOfVisit(store.read(), visitId)) {
            attachments.find(l.attachmentId()).ifPresent(a -> list.add(new FindingService.Evidence(l.id(), null, a)));
        }
        return list;
    }

    public void removePhoto(String evidenceId) {
        store.write(ctx -> InspectionStore.unlink(store.tracked(ctx), evidenceId));
    }

    /**
     * A round with its teams, the units in scope (unit id → team id or null) and visits, in one transaction, by
     * the same checks as saving each (the sample data: a few dozen rows in one write instead of one write each).
     */
    public void saveRound(Inspection round, List<InspectionTeam> teams, Map<String, String> scope, List<Visit> visits) {
        if (round.title() == null || round.title().isBlank()) {
            throw new DomainException("inspection.error.titleRequired");
        }
        if (round.kind() == null || round.kind().isBlank()) {
            throw new DomainException("inspection.error.kindRequired");
        }
        if (round.startsOn() != null && round.endsOn() != null && round.endsOn().isBefore(round.startsOn())) {
            throw new DomainException("inspection.error.periodReversed");
        }
        for (InspectionTeam t : teams) {
            if (t.name() == null || t.name().isBlank()) {
                throw new DomainException("inspection.error.teamNameRequired");
            }
        }
        for (Visit v : visits) {
            if (v.unitId() == null || v.visitedOn() == null) {
                throw new DomainException("inspection.error.visitIncomplete");
            }
        }
        store.write(ctx -> {
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.save(w, round);
            teams.forEach(t -> InspectionStore.save(w, t));
            scope.forEach((unit, team) -> InspectionStore.putInScope(w, ctx, round.id(), unit, team));
            visits.forEach(v -> InspectionStore.save(w, v));
            return null;
        });
    }
}
