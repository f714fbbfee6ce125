package org.taizhang.cli;

/** The command line's exit codes (documented in README.md; outside checks rely on them). */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** A user-fixable error: file missing or unreadable, database locked or damaged, a rule broken. */
    public static final int ERROR = 1;
    /** Wrong options or arguments (picocli's own code). */
    public static final int USAGE = 2;
    /** An import file was rejected row by row; nothing was written. */
    public static final int IMPORT_REJECTED = 3;

    /**
     * A rejected file, the same for every import: its problems one per line on stderr (sheet, row, column,
     * message), then the count; exit {@link #IMPORT_REJECTED}.
     */
    static int rejected(java.io.PrintWriter err, java.util.List<String> problems, String summary) {
        problems.forEach(err::println);
        err.println(summary);
        err.flush();
        return IMPORT_REJECTED;
    }
}
