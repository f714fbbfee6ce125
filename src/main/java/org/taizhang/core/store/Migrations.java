package org.taizhang.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;

/**
 * Applies the versioned scripts in {@code db/migration} at start. When a database that already holds data is
 * about to change shape, a consistent copy is written to {@code backups/} first (VACUUM INTO works under WAL).
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Flyway's default name for its table; {@link Store} takes its presence as the sign of our database. */
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Migrations() {}

    /** Returns the backup written, or null when none was needed. */
    static Path migrate(DataSource dataSource, Path database, Clock clock) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .table(HISTORY_TABLE)
                .load();
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            return null;
        }
        Path backup = null;
        if (flyway.info().current() != null) {
            backup = backup(dataSource, database, clock, "before-V" + pending[pending.length - 1].getVersion());
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw new DomainException(e, "store.migrationFailed", database, backup == null ? "-" : backup);
        }
        return backup;
    }

    static Path backup(DataSource dataSource, Path database, Clock clock, String reason) {
        Path dir = database.toAbsolutePath().getParent().resolve("backups");
        String name = database.getFileName().toString().replaceFirst("\\.db$", "") + "-"
                + STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + "-" + reason + ".db";
        Path target = dir.resolve(name);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Files.createDirectories(dir);
            Files.deleteIfExists(target);
            // the path is ours (folder of the database + a fixed pattern); quote doubling keeps it literal
            s.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
            LOG.info("backup written: {}", target);
            return target;
        } catch (SQLException | java.io.IOException e) {
            throw new DomainException(e, "store.backupFailed", target, String.valueOf(e.getMessage()));
        }
    }
}
