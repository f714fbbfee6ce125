package org.taizhang.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.taizhang.core.DomainException;

/**
 * SQLite's failures the user can act on, in words: another program writing the file ({@code store.busy}), a
 * read-only file or folder ({@code store.readOnly}), a full disk ({@code store.diskFull}). jOOQ and sqlite-jdbc
 * wrap them ("Cannot set autoCommit", "Cannot commit transaction"), so the cause chain is searched for SQLite's
 * own result code. The exact cause goes to the log.
 */
final class SqliteFaults {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFaults.class);

    private SqliteFaults() {}

    static Optional<DomainException> translate(Throwable e, Path database) {
        SQLiteErrorCode code = codeOf(e);
        if (code == null) {
            return Optional.empty();
        }
        String key = keyOf(code, database);
        if (key == null) {
            return Optional.empty();
        }
        LOG.warn("{}: {}", database, key, e);
        if (key.equals("store.corrupt")) { // SQLite's own words help a support person
            return Optional.of(new DomainException(e, key, database, String.valueOf(e.getMessage())));
        }
        return Optional.of(new DomainException(e, key, database));
    }

    /** {@link #translate}, or the exception itself when it says nothing the user can act on. */
    static RuntimeException translateOrKeep(RuntimeException e, Path database) {
        return e instanceof DomainException
                ? e
                : translate(e, database).map(RuntimeException.class::cast).orElse(e);
    }

    private static String keyOf(SQLiteErrorCode code, Path database) {
        String name = code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return "store.busy";
        }
        if (name.startsWith("SQLITE_READONLY")) {
            return "store.readOnly";
        }
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            return "store.diskFull";
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
            return "store.corrupt";
        }
        if (name.startsWith("SQLITE_CANTOPEN") && !Files.isWritable(folderOf(database))) {
            // a WAL database needs its -shm file, which a read-only folder cannot hold
            return "store.readOnly";
        }
        return null;
    }

    private static Path folderOf(Path database) {
        Path parent = database.toAbsolutePath().getParent();
        return parent != null ? parent : database.toAbsolutePath();
    }

    private static SQLiteErrorCode codeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                return s.getResultCode();
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SQLiteException s) {
                    return s.getResultCode();
                }
            }
        }
        return null;
    }
}
