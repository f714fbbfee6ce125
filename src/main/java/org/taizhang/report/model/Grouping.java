package org.taizhang.report.model;

/** What the rows of a statistics table are: one per unit, per 共同体, or per problem category. */
public enum Grouping {
    UNIT,
    COMMUNITY,
    CATEGORY;

    /** The key of the first column's header and of the sheet's name, in the report bundle. */
    public String messageKey() {
        return switch (this) {
            case UNIT -> "report.grouping.unit";
            case COMMUNITY -> "report.grouping.community";
            case CATEGORY -> "report.grouping.category";
        };
    }
}
