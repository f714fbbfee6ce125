package org.taizhang.core.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a device knows of one travelling record, which is what travels between devices: for every field
 * (and for {@code deleted}) the versions nobody has overwritten yet, newest first — the first is the value the
 * record shows, any further one is a conflict kept for a clerk — and the changes the record has seen.
 *
 * @param latest the newest change in the record (its {@code revision} and {@code updated_by})
 * @param updatedAt the wall-clock time of that change on its device (shown, never compared)
 * @param creates the changes that created the record: usually one; several when devices created it under the same
 *     id without seeing each other (a record from a sheet's row, say). A create outranks nothing (decisions/0006).
 */
public record RecordState(
        String table,
        String id,
        String createdAt,
        String updatedAt,
        Dot latest,
        Map<String, List<FieldVersion>> fields,
        VersionVector seen,
        List<Dot> creates) {
    public static final String DELETED = "deleted";

    public RecordState {
        Objects.requireNonNull(table);
        Objects.requireNonNull(id);
        creates = creates.size() <= 1
                ? List.copyOf(creates)
                : creates.stream().sorted().distinct().toList();
        TreeMap<String, List<FieldVersion>> sorted = new TreeMap<>();
        // most fields have one version (no conflict): no stream to sort it
        fields.forEach((field, versions) -> sorted.put(
                field,
                versions.size() == 1
                        ? List.of(versions.getFirst())
                        : versions.stream()
                                .sorted((a, b) -> b.latest().compareTo(a.latest()))
                                .toList()));
        fields = Collections.unmodifiableMap(sorted);
    }

    /** A state whose creating changes are not known (a record written before version 7 kept them). */
    public RecordState(
            String table,
            String id,
            String createdAt,
            String updatedAt,
            Dot latest,
            Map<String, List<FieldVersion>> fields,
            VersionVector seen) {
        this(table, id, createdAt, updatedAt, latest, fields, seen, List.of());
    }

    /** The first change that created the record, as every device that holds it sees it; empty when unknown. */
    public java.util.Optional<Dot> firstCreate() {
        return creates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(creates.getFirst());
    }

    /** The value the record shows for {@code field}: that of its newest version. */
    public Object value(String field) {
        List<FieldVersion> versions = fields.get(field);
        return versions == null || versions.isEmpty()
                ? null
                : versions.getFirst().value();
    }

    public boolean deleted() {
        return Integer.valueOf(1).equals(Values.asInteger(value(DELETED)));
    }

    /** Versions that lost to the shown one: conflicts for a clerk (empty when the field has none). */
    public List<FieldVersion> conflicts(String field) {
        List<FieldVersion> versions = fields.getOrDefault(field, List.of());
        return versions.size() <= 1 ? List.of() : versions.subList(1, versions.size());
    }

    public boolean hasConflicts() {
        return fields.values().stream().anyMatch(v -> v.size() > 1);
    }
}
