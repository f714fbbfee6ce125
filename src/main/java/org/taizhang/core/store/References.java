package org.taizhang.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.ForeignKey;
import org.jooq.Table;

/**
 * Every reference from one travelling record to another, one explicit map for all tables: the declared foreign
 * keys and the references the schema leaves undeclared because the record they name may arrive later (a finding
 * that repeats or was merged into another, a step that names a measure or another finding). Exports follow it for
 * every version of a field (shown and conflicts), and the check after a merge looks along it for dangling ids and
 * live children of deleted parents. Aggregates are exported whole: a template with its categories, items and
 * bands; a finding with its steps, measures and evidence; an assessment with its answers and evidence.
 */
final class References {
    /** {@code table.column} names a record of {@code parent}; {@code declared}: a foreign key says so too. */
    record Reference(String table, String column, String parent, boolean declared) {}

    /** Undeclared: {@code table.column → parent}. */
    private static final List<Reference> UNDECLARED = List.of(
            new Reference("finding", "repeat_of", "finding", false),
            new Reference("finding", "merged_into", "finding", false),
            new Reference("finding_step", "measure_id", "rectification_measure", false),
            new Reference("finding_step", "other_id", "finding", false));

    /** The parts of an aggregate (child table, the column naming its root): sent whenever the root is. */
    static final Map<String, List<Column>> AGGREGATES = Map.of(
            "checklist_template",
            List.of(
                    new Column("checklist_category", "template_id"),
                    new Column("checklist_item", "template_id"),
                    new Column("checklist_band", "template_id")),
            "finding",
            List.of(
                    new Column("finding_step", "finding_id"),
                    new Column("rectification_measure", "finding_id"),
                    new Column("inspection_evidence", "finding_id")),
            "assessment",
            List.of(new Column("assessment_answer", "assessment_id"), new Column("answer_evidence", "assessment_id")));

    static final List<Reference> ALL = all();

    /**
     * References whose parent the program never deletes while a live record names it (the registry's rules refuse
     * it): a live child of a deleted parent here can only come from a merge, and is a breach for a clerk.
     */
    static final List<Column> GUARDED = List.of(
            new Column("organization", "unit_id"),
            new Column("organization", "parent_id"),
            new Column("organization", "community_id"));

    /** A column of a table. */
    record Column(String table, String column) {}

    /** Natural keys that must be unique among live records (a clerk merges the two records when they are not). */
    static final Map<String, List<String>> NATURAL_KEYS = Map.of(
            "unit", List.of("name"),
            "community", List.of("name"),
            "organization", List.of("unit_id", "parent_id", "name"));

    private References() {}

    static List<Reference> of(String table) {
        return ALL.stream().filter(r -> r.table().equals(table)).toList();
    }

    private static List<Reference> all() {
        List<Reference> list = new ArrayList<>();
        for (Table<?> t : Replication.TABLES) {
            for (ForeignKey<?, ?> fk : t.getReferences()) {
                String parent = fk.getKey().getTable().getName();
                if (RecordStates.isTravelling(fk.getKey().getTable())) {
                    list.add(
                            new Reference(t.getName(), fk.getFields().getFirst().getName(), parent, true));
                }
            }
        }
        list.addAll(UNDECLARED);
        return List.copyOf(list);
    }
}
