package org.taizhang.backup.model;

/** One thing {@code taizhang check} found wrong: its kind and where (a table and a record id, or a file). */
public record Problem(Kind kind, String where, String detail) {
    public enum Kind {
        /** SQLite's integrity_check: damaged pages or indexes. */
        DAMAGED,
        /** A reference to a record that does not exist. */
        FOREIGN_KEY,
        /** An attachment whose file is gone. */
        ATTACHMENT_MISSING,
        /** An attachment whose file no longer has the content it was stored with. */
        ATTACHMENT_CHANGED,
        /** A record with no 新建 entry in its history. */
        NO_CREATE_ENTRY,
        /** A record whose newest change has no history entry. */
        REVISION_WITHOUT_HISTORY,
        /** A history entry about a record that does not exist. */
        HISTORY_WITHOUT_RECORD,
        /** Two history entries named by one change, or an entry whose name is not its change. */
        HISTORY_NAME,
        /** One 挂号 number on two open findings. */
        DUPLICATE_NUMBER
    }

    public Problem {
        java.util.Objects.requireNonNull(kind);
        where = where == null ? "" : where;
        detail = detail == null ? "" : detail;
    }
}
