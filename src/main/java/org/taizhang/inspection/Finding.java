package org.taizhang.inspection;

import java.time.LocalDate;
import java.util.Objects;

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
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public boolean isNumbered() {
        return number != null;
    }

    public Finding withNumber(String number, int year, int seq) {
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
                year,
                seq,
                importBatch,
                internalNotes);
    }

    public Finding withRepeatOf(String earlier) {
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
                earlier,
                mergedInto,
                number,
                numberYear,
                numberSeq,
                importBatch,
                internalNotes);
    }

    public Finding withMergedInto(String target) {
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
                target,
                number,
                numberYear,
                numberSeq,
                importBatch,
                internalNotes);
    }

    public Finding withImportBatch(String batch) {
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
                batch,
                internalNotes);
    }

    public Finding withInternalNotes(String notes) {
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
                notes);
    }
}
