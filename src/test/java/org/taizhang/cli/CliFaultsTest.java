package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.files.TmpfsMount;
import org.taizhang.core.pdf.PdfFontsAvailable;

/** The command line against a busy database, a full disk: one line in words, exit 1, never an internal error. */
class CliFaultsTest {
    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    private int run(Object... args) {
        return cli.run(args);
    }

    @Test
    void whileAnotherProgramHoldsTheWriteLockExportsWorkAndAnImportSaysTheFileIsBusy() throws Exception {
        Path db = dir.resolve("taizhang.db");
        assertThat(run("--db", db, "init", "--sample")).isZero();
        Path workbook = dir.resolve("台账.xlsx");
        assertThat(run("--db", db, "orgs", "export", workbook)).isZero();
        try (Connection browser = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = browser.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("UPDATE unit SET remark = 'browser' WHERE 0");

            assertThat(run("--db", db, "orgs", "export", dir.resolve("党组织.csv")))
                    .as(err.toString())
                    .isZero();

            assertThat(run("--db", db, "orgs", "import", workbook)).isEqualTo(ExitCodes.ERROR);
            assertThat(err.toString().strip())
                    .startsWith("错误：数据库 " + db.toAbsolutePath() + " 正被另一个程序")
                    .contains(" | Error: ")
                    .doesNotContain("内部错误")
                    .doesNotContain("autoCommit");
            s.execute("ROLLBACK");
        }
    }

    @Test
    void initSampleOnAFullDiskSaysTheDiskIsFull() throws Exception {
        try (TmpfsMount mount = TmpfsMount.mountOrSkip(dir.resolve("small"), "4m")) {
            Path db = mount.folder().resolve("taizhang.db");
            assertThat(run("--db", db, "init")).isZero();
            // leave 200 KB, whatever size the schema has grown to: the sample (about 650 KB) cannot fit
            long free = java.nio.file.Files.getFileStore(mount.folder()).getUsableSpace();
            java.nio.file.Files.write(mount.folder().resolve("filler"), new byte[(int) (free - 200_000)]);

            assertThat(run("--db", db, "init", "--sample")).isEqualTo(ExitCodes.ERROR);
            assertThat(err.toString().strip())
                    .startsWith("错误：磁盘已满：数据库 " + db.toAbsolutePath() + " 未做任何改动")
                    .doesNotContain("内部错误");
        }
    }

    @Test
    void aPdfExportOnAFullDiskSaysWhyAndLeavesNoFile() throws Exception {
        PdfFontsAvailable.assumeChineseFont();
        Path db = dir.resolve("taizhang.db");
        assertThat(run("--db", db, "init", "--sample")).isZero();
        try (TmpfsMount mount = TmpfsMount.mountOrSkip(dir.resolve("small"), "64k")) {
            Path pdf = mount.folder().resolve("台账.pdf");

            assertThat(run("--db", db, "orgs", "export", pdf)).isEqualTo(ExitCodes.ERROR);
            assertThat(err.toString().strip())
                    .startsWith("错误：无法写入文件 " + pdf)
                    .contains("No space left on device")
                    .doesNotContain("内部错误");
            try (var files = Files.list(mount.folder())) {
                assertThat(files).isEmpty();
            }
        }
    }
}
