package org.taizhang.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
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

    private Migrations() {}

    /** The newest script in {@code db/migration}; {@code MigrationsTest} holds it to the class path. */
    static final String LATEST_VERSION = "11";

    /** Returns the backup written, or null when none was needed. */
    static Path migrate(DataSource dataSource, Path database, Clock clock) {
        MigrationVersion applied = newestApplied(dataSource);
        if (LATEST.equals(applied)) {
            // Flyway's class-path scan costs about a second of every start; an up-to-date file needs none of it
            return null;
        }
        if (applied != null && applied.isNewerThan(LATEST_VERSION)) {
            throw new DomainException("store.tooNew", database, applied.getVersion(), LATEST_VERSION);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j")
                .table(HISTORY_TABLE)
                .load();
        MigrationInfo[] pending = flyway.info().pending();
        Path backup = null;
        if (pending.length > 0 && flyway.info().current() != null) {
            backup = Backups.write(dataSource, database, clock, "before-V" + pending[pending.length - 1].getVersion());
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            // read-only, busy or a full disk: say so (Flyway rolled the migration back)
            Path kept = backup;
            throw SqliteFaults.translate(e, database)
                    .orElseGet(
                            () -> new DomainException(e, "store.migrationFailed", database, kept == null ? "-" : kept));
        }
        return backup;
    }

    private static final MigrationVersion LATEST = MigrationVersion.fromVersion(LATEST_VERSION);

    /** True when every applied migration succeeded and the newest one applied is {@link #LATEST_VERSION}. */
    static boolean isUpToDate(DataSource dataSource) {
        return LATEST.equals(newestApplied(dataSource));
    }

    /** The newest version applied, or null when there is no history or a migration in it failed. */
    private static MigrationVersion newestApplied(DataSource dataSource) {
        // no history table (a new file) fails the query like any other problem: Flyway then decides and reports
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, success FROM " + HISTORY_TABLE + " WHERE version IS NOT NULL")) {
            MigrationVersion newest = null;
            while (rs.next()) {
                if (rs.getInt(2) != 1) {
                    return null; // a failed migration: Flyway must see it and say so
                }
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                newest = newest == null || v.isNewerThan(newest.getVersion()) ? v : newest;
            }
            return newest;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }
}
