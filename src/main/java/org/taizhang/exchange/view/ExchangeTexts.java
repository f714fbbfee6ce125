package org.taizhang.exchange.view;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.taizhang.core.i18n.Messages;

/**
 * The words the page shows for what the exchange stores as codes: kinds of record (tables), breaches, roles, the
 * kinds and outcomes of packages. The keys are spelled out one by one, so the bundle check sees each used.
 */
final class ExchangeTexts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages m;
    private java.util.Map<String, String> fieldNames;

    ExchangeTexts(Messages m) {
        this.m = m;
    }

    /**
     * A record's field in the clerk's words (简称, not short_name); a field this page does not know keeps its name.
     * The words are one entry of the bundle (column=label;…), read once.
     */
    String field(String field) {
        if (fieldNames == null) {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            for (String pair : m.get("exchange.fieldNames").split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    names.put(
                            pair.substring(0, eq).strip(),
                            pair.substring(eq + 1).strip());
                }
            }
            fieldNames = names;
        }
        return fieldNames.getOrDefault(field, field);
    }

    /** A kind of record in the clerk's words; a table this page does not know keeps its name. */
    String table(String table) {
        String key = switch (table) {
            case "attachment" -> "exchange.table.attachment";
            case "unit" -> "exchange.table.unit";
            case "community" -> "exchange.table.community";
            case "organization" -> "exchange.table.organization";
            case "checklist_template" -> "exchange.table.checklist_template";
            case "checklist_category" -> "exchange.table.checklist_category";
            case "checklist_item" -> "exchange.table.checklist_item";
            case "checklist_band" -> "exchange.table.checklist_band";
            case "assessment" -> "exchange.table.assessment";
            case "assessment_answer" -> "exchange.table.assessment_answer";
            case "assessment_result" -> "exchange.table.assessment_result";
            case "answer_evidence" -> "exchange.table.answer_evidence";
            case "direct_rating" -> "exchange.table.direct_rating";
            case "rating_quota" -> "exchange.table.rating_quota";
            case "inspection" -> "exchange.table.inspection";
            case "inspection_team" -> "exchange.table.inspection_team";
            case "inspection_unit" -> "exchange.table.inspection_unit";
            case "visit" -> "exchange.table.visit";
            case "finding_category" -> "exchange.table.finding_category";
            case "finding" -> "exchange.table.finding";
            case "rectification_measure" -> "exchange.table.rectification_measure";
            case "finding_step" -> "exchange.table.finding_step";
            case "inspection_evidence" -> "exchange.table.inspection_evidence";
            case "hub_designation" -> "exchange.table.hub_designation";
            default -> null;
        };
        return key == null ? table : m.get(key);
    }

    /** A rule across records a merge broke ({@code MergeBreach.kind}). */
    String breach(String kind) {
        String key = switch (kind) {
            case "CYCLE" -> "exchange.breach.CYCLE";
            case "DELETED_PARENT" -> "exchange.breach.DELETED_PARENT";
            case "DANGLING" -> "exchange.breach.DANGLING";
            case "DUPLICATE_NUMBER" -> "exchange.breach.DUPLICATE_NUMBER";
            case "DUPLICATE_NAME" -> "exchange.breach.DUPLICATE_NAME";
            case "TWO_HUBS" -> "exchange.breach.TWO_HUBS";
            default -> null;
        };
        return key == null ? kind : m.get(key);
    }

    /** A device's role as a package told it: hub or field. */
    String role(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "hub" -> m.get("exchange.role.hub");
            case "field" -> m.get("exchange.role.field");
            default -> role;
        };
    }

    /** What a package was: changes, or a laptop's preparation. */
    String kind(String kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case "changes" -> m.get("exchange.kind.changes");
            case "preparation" -> m.get("exchange.kind.preparation");
            default -> kind;
        };
    }

    String outcome(String outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case "applied" -> m.get("exchange.outcome.applied");
            case "written" -> m.get("exchange.outcome.written");
            case "rejected" -> m.get("exchange.outcome.rejected");
            case "nothing-new" -> m.get("exchange.outcome.nothingNew");
            default -> outcome;
        };
    }

    /**
     * The reason the history keeps for a refused package: the message key of the refusal (its arguments are not
     * kept), said with the file's name and nothing for what else it named.
     */
    String reason(String detail, String file) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        if (!detail.matches("[a-z]+(\\.[a-zA-Z0-9_]+)+")) {
            return detail;
        }
        String name = file == null ? "" : file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return m.get(detail, name, "").replace("“”", "").replace("（）", "");
    }

    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    /** A field's value as a clerk reads it; an empty one is said, not left blank. */
    String value(Object value) {
        if (value == null || value.toString().isEmpty()) {
            return m.get("exchange.value.empty");
        }
        return value.toString();
    }
}
