package org.taizhang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the log goes, decided before logging starts. */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void theLogGoesBesideTheDatabaseAndItsFolderIsCreated() {
        Path logs = dir.resolve("数据").resolve("logs");

        assertThat(Launcher.usableLogFolder(logs, dir.resolve("fallback"))).isEqualTo(logs);
        assertThat(logs).isDirectory();
    }

    @Test
    void aCommandOnAMissingDatabaseLogsToTheFallbackAndCreatesNoFolder() {
        Path missing = dir.resolve("台帐").resolve("taizhang.db");
        Path fallback = dir.resolve("fallback");

        assertThat(Launcher.logFolder(new String[] {"--db", missing.toString(), "orgs", "export", "a.xlsx"}, fallback))
                .isEqualTo(fallback);
        assertThat(Launcher.logFolder(new String[] {"orgs", "template", "--db=" + missing, "a.xlsx"}, fallback))
                .isEqualTo(fallback);
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void initAndTheWindowLogBesideTheDatabaseTheyCreate() {
        Path created = dir.resolve("新建").resolve("taizhang.db");
        Path logs = created.getParent().resolve("logs");

        assertThat(Launcher.logFolder(new String[] {"--db", created.toString(), "init"}, dir))
                .isEqualTo(logs);
        assertThat(Launcher.logFolder(new String[] {"--db", created.toString()}, dir))
                .isEqualTo(logs);
        assertThat(Launcher.mayCreateDatabase(new String[] {"--db", created.toString(), "--version"}))
                .isFalse();
    }

    @Test
    void aTaizhangHomeThatIsNoPathLogsToTheFallbackInsteadOfFailingBeforeLoggingStarts() {
        Path fallback = dir.resolve("fallback");
        java.util.function.Supplier<Path> invalidHome = () -> {
            throw new org.taizhang.core.DomainException("store.homeInvalid", "\"D:\\台账\"", "Illegal char");
        };

        assertThat(Launcher.logFolder(new String[] {"orgs", "export", "a.xlsx"}, fallback, invalidHome))
                .isEqualTo(fallback);
        // --db does not need the default at all
        Path db = dir.resolve("新建").resolve("taizhang.db");
        assertThat(Launcher.logFolder(new String[] {"--db", db.toString(), "init"}, fallback, invalidHome))
                .isEqualTo(db.getParent().resolve("logs"));
    }

    @Test
    void anExistingDatabaseGetsItsLogBesideIt() throws IOException {
        Path db = Files.writeString(dir.resolve("taizhang.db"), "");

        assertThat(Launcher.logFolder(
                        new String[] {"--db", db.toString(), "orgs", "export", "a.xlsx"}, dir.resolve("fallback")))
                .isEqualTo(dir.resolve("logs"));
    }

    @Test
    void aLogFolderThatCannotBeCreatedFallsBack() throws IOException {
        // a file where the database's folder should be: nobody, not even root, can create logs/ inside it
        Path blocker = Files.writeString(dir.resolve("taizhang.db"), "a file, not a folder");
        Path fallback = dir.resolve("tmp").resolve("taizhang-logs");

        assertThat(Launcher.usableLogFolder(blocker.resolve("logs"), fallback)).isEqualTo(fallback);
        assertThat(blocker).hasContent("a file, not a folder");
    }

    @Test
    void aReadOnlyLogFolderFallsBack() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(logs), "root writes into a read-only folder anyway");

            assertThat(Launcher.usableLogFolder(logs, dir.resolve("fallback"))).isEqualTo(dir.resolve("fallback"));
        } finally {
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theJavaFxConfigurationNoteStaysOffTheConsoleAndOtherJavaFxMessagesPass() {
        Launcher.quietJavaFxConfigurationNote();
        java.util.logging.Filter filter =
                java.util.logging.Logger.getLogger("javafx").getFilter();

        assertThat(filter.isLoggable(new java.util.logging.LogRecord(
                        java.util.logging.Level.WARNING,
                        "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @7229724f'")))
                .isFalse();
        assertThat(filter.isLoggable(
                        new java.util.logging.LogRecord(java.util.logging.Level.WARNING, "CSS error parsing")))
                .isTrue();
    }

    @Test
    void aLogFolderTheLauncherCreatesIsOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix"));
        Path logs = dir.resolve("data").resolve("logs");

        Launcher.usableLogFolder(logs, dir.resolve("fallback"));

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(logs)))
                .isEqualTo("rwx------");
    }

    @Test
    void theEverydayStartGoesStraightToTheWindowAndEverythingElseToTheCommandLine() {
        assertThat(Launcher.windowOnly(new String[] {}))
                .contains(org.taizhang.core.store.DataLocation.defaultDatabase());
        assertThat(Launcher.windowOnly(new String[] {"--db", "台账.db"})).contains(Path.of("台账.db"));
        assertThat(Launcher.windowOnly(new String[] {"--db=台账.db"})).contains(Path.of("台账.db"));
        // the command line answers these: a subcommand, help, a missing or odd value, an unknown option
        assertThat(Launcher.windowOnly(new String[] {"--db", "t.db", "init"})).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--help"})).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--db"})).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--db="})).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--db", "--version"})).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--lang", "en"})).isEmpty();
        assertThat(Launcher.windowOnly(new String[] {"--db", "t\u0000.db"})).isEmpty();
    }
}
