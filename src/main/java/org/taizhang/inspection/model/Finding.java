package org.taizhang.inspection.model;

import java.time.LocalDate;
import java.util.Objects;
import org.taizhang.inspection.Lifecycle;

/**
 * 问题: a problem found in a unit (and organization), as recorded. What happened to it since is its timeline
 * ({@link Step}s, folded by {@link Lifecycle}); the register number is set once, on the hub ({@link #number}).
 *
 * @param category a name from the category dictionary (kept as text, so a renamed dictionary entry never
 *     rewrites old findings)
 * @param sourceRef what the source names: the checklist item's key for an assessment, the 交办 document …
 * @param repeatOf an earlier closed finding of the same unit this one repeats (屡查屡犯), or null
 * @param mergedInto the finding this one was merged into, or null
 * @param importBatch the SHA-256 of the spreadsheet it was imported from, or null
 * @param internalNotes the committee's own remarks: never printed on what goes to the unit
 */
public record Finding(
        String id,
        String inspectionId,
        String visitId,
        String unitId,
        String organizationId,
        String category,
        String description,
        String basis,
        Severity severity,
        RectificationType type,
        FindingSource source,
        String sourceRef,
        LocalDate foundOn,
        String foundBy,
        String repeatOf,
        String mergedInto,
        String number,
        Integer numberYear,
        Integer numberSeq,
        String importBatch,
        String internalNotes) {

    public Finding {
        Objects.requireNonNull(id, "id");
        severity = severity == null ? Severity.ORDINARY : severity;
        type = type == null ? RectificationType.DEADLINE : type;
        source = source == null ? FindingSource.OTHER : source;
    }

    /** A new finding as recorded: no number yet. */
    public static Finding recorded(
            String id,
            String inspectionId,
            String visitId,
            String unitId,
            String organizationId,
            String category,
            String description,
            String basis,
            Severity severity,
            RectificationType type,
            FindingSource source,
            String sourceRef,
            LocalDate foundOn,
            String foundBy) {
        return builder(id)
                .inspection(inspectionId, visitId)
                .unit(unitId, organizationId)
                .category(category)
                .description(description)
                .basis(basis)
                .severity(severity)
                .type(type)
                .source(source, sourceRef)
                .found(foundOn, foundBy)
                .build();
    }

    /** A finding built field by field, by name: {@code Finding.builder(id).unit(u, null).found(day, who).build()}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A copy to change by name: {@code f.toBuilder().category("作风").build()}. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.inspectionId = inspectionId;
        b.visitId = visitId;
        b.unitId = unitId;
        b.organizationId = organizationId;
        b.category = category;
        b.description = description;
        b.basis = basis;
        b.severity = severity;
        b.type = type;
        b.source = source;
        b.sourceRef = sourceRef;
        b.foundOn = foundOn;
        b.foundBy = foundBy;
        b.repeatOf = repeatOf;
        b.mergedInto = mergedInto;
        b.number = number;
        b.numberYear = numberYear;
        b.numberSeq = numberSeq;
        b.importBatch = importBatch;
        b.internalNotes = internalNotes;
        return b;
    }

    public boolean isNumbered() {
        return number != null;
    }

    public Finding withNumber(String number, int year, int seq) {
        return toBuilder().number(number, year, seq).build();
    }

    public Finding withRepeatOf(String earlier) {
        return toBuilder().repeatOf(earlier).build();
    }

    public Finding withMergedInto(String target) {
        return toBuilder().mergedInto(target).build();
    }

    public Finding withImportBatch(String batch) {
        return toBuilder().importBatch(batch).build();
    }

    public Finding withInternalNotes(String notes) {
        return toBuilder().internalNotes(notes).build();
    }

    /** Names each of the 21 fields where a positional constructor would not. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String inspectionId;
        private String visitId;
        private String unitId;
        private String organizationId;
        private String category;
        private String description;
        private String basis;
        private Severity severity;
        private RectificationType type;
        private FindingSource source;
        private String sourceRef;
        private LocalDate foundOn;
        private String foundBy;
        private String repeatOf;
        private String mergedInto;
        private String number;
        private Integer numberYear;
        private Integer numberSeq;
        private String importBatch;
        private String internalNotes;

        private Builder(String id) {
            this.id = id;
        }

        /** The inspection (督查) and visit it was found in; either may be null. */
        public Builder inspection(String inspectionId, String visitId) {
            this.inspectionId = inspectionId;
            this.visitId = visitId;
            return this;
        }

        public Builder unit(String unitId, String organizationId) {
            this.unitId = unitId;
            this.organizationId = organizationId;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder basis(String basis) {
            this.basis = basis;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder type(RectificationType type) {
            this.type = type;
            return this;
        }

        public Builder source(FindingSource source, String sourceRef) {
            this.source = source;
            this.sourceRef = sourceRef;
            return this;
        }

        public Builder found(LocalDate on, String by) {
            this.foundOn = on;
            this.foundBy = by;
            return this;
        }

        public Builder foundBy(String by) {
            this.foundBy = by;
            return this;
        }

        public Builder repeatOf(String earlier) {
            this.repeatOf = earlier;
            return this;
        }

        public Builder mergedInto(String target) {
            this.mergedInto = target;
            return this;
        }

        public Builder number(String number, Integer year, Integer seq) {
            this.number = number;
            this.numberYear = year;
            this.numberSeq = seq;
            return this;
        }

        public Builder importBatch(String batch) {
            this.importBatch = batch;
            return this;
        }

        public Builder internalNotes(String notes) {
            this.internalNotes = notes;
            return this;
        }

        public Finding build() {
            return new Finding(
                    id,
                    inspectionId,
                    visitId,
                    unitId,
                    organizationId,
                    category,
                    description,
                    basis,
                    severity,
                    type,
                    source,
                    sourceRef,
                    foundOn,
                    foundBy,
                    repeatOf,
                    mergedInto,
                    number,
                    numberYear,
                    numberSeq,
                    importBatch,
                    internalNotes);
        }
    }
}
