package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taizhang backup create|list|restore} and {@code taizhang check} (issue 22): the sample database is sound;
 * each kind of damage planted in a copy of it is found and named in Chinese, exit 1; a restore brings every record
 * and attachment back.
 */
class BackupAndCheckCommandsTest {
    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path sample;
    private CliRun cli;

    @BeforeAll
    static void sampleDatabase() {
        sample = shared.resolve("sample/taizhang.db");
        assertThat(new CliRun().run("--db", sample, "init", "--sample")).isZero();
    }

    private int run(Object... args) {
        cli = new CliRun();
        return cli.run(args);
    }

    /** A copy of the sample's data folder (database and attachments), to damage. */
    private Path copyOfSample() throws IOException {
        Path target = dir.resolve("copy");
        try (Stream<Path> files = Files.walk(sample.getParent())) {
            for (Path p : files.toList()) {
                Path to = target.resolve(sample.getParent().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, to);
                }
            }
        }
        return target.resolve("taizhang.db");
    }

    private static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    private static String one(Path db, String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Every row of every table that travels (with history and conflicts), as text. */
    private static String records(Path db) throws Exception {
        StringBuilder sb = new StringBuilder();
        List<String> tables = new java.util.ArrayList<>(org.taizhang.core.store.Store.travellingTables());
        tables.addAll(List.of("history", "field_conflict"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        sb.append(table);
                        for (int i = 1; i <= n; i++) {
                            sb.append('|').append(r.getString(i));
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        assertThat(sb).isNotEmpty();
        return sb.toString();
    }

    /** Each attachment file's name and SHA-256. */
    private static String attachmentFiles(Path db) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(db.resolveSibling("attachments"))) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                sb.append(db.resolveSibling("attachments").relativize(p))
                        .append(' ')
                        .append(java.util.HexFormat.of().formatHex(sha))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    private Path anAttachmentFile(Path db) throws Exception {
        String id = one(db, "SELECT id FROM attachment WHERE deleted = 0 ORDER BY id LIMIT 1");
        try (Stream<Path> files = Files.walk(db.resolveSibling("attachments"))) {
            return files.filter(p -> p.getFileName().toString().equals(id))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void theSampleIsSound() {
        assertThat(run("--db", sample, "check")).isZero();
        assertThat(cli.out.toString()).contains("数据库完好");
    }

    @Test
    void eachKindOfPlantedDamageIsFoundAndNamed() throws Exception {
        record Damage(String name, String expected, DamageAction plant) {}
        List<Damage> damages = List.of(
                new Damage("a missing attachment", "附件文件缺失", db -> Files.delete(anAttachmentFile(db))),
                new Damage(
                        "a changed attachment", "附件文件内容已被改动", db -> Files.writeString(anAttachmentFile(db), "改过的照片")),
                new Damage(
                        "a forged history row",
                        "留痕指向不存在的记录",
                        db -> sql(
                                db,
                                "INSERT INTO history (id, entity, entity_id, action, changes, created_at, updated_at,"
                                    + " updated_by, revision) SELECT '999999:' || updated_by, 'unit', 'no-such-unit',"
                                    + " 'create', '{}', created_at, updated_at, updated_by || 'x', 1 FROM history"
                                    + " LIMIT 1")),
                new Damage(
                        "a record whose create entry was deleted",
                        "记录没有新建留痕",
                        db -> sql(
                                db,
                                "DELETE FROM history WHERE entity = 'unit' AND action = 'create' AND entity_id ="
                                        + " (SELECT min(id) FROM unit)")),
                new Damage(
                        "one 挂号 number on two findings",
                        "挂号编号重复",
                        db -> sql(
                                db,
                                "UPDATE finding SET number = (SELECT min(number) FROM finding WHERE number IS NOT NULL)"
                                        + " WHERE id = (SELECT max(id) FROM finding WHERE number IS NOT NULL)")),
                new Damage(
                        "a reference to a missing unit",
                        "引用了不存在的记录",
                        db -> sql(
                                db,
                                "PRAGMA foreign_keys = OFF",
                                "UPDATE organization SET unit_id = 'no-such-unit' WHERE id = (SELECT min(id) FROM"
                                        + " organization)")),
                new Damage("a flipped page", "损坏", db -> {
                    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
                        long page = (f.length() / 4096) * 2 / 3; // among the tables' rows, past the schema
                        f.seek(page * 4096);
                        f.write(new byte[4096]);
                    }
                }));
        for (Damage d : damages) {
            Path db = copyOfSample();
            assertThat(run("--db", db, "check")).as(d.name()).isZero();
            d.plant().on(db);

            assertThat(run("--db", db, "check")).as(d.name()).isEqualTo(ExitCodes.ERROR);
            assertThat(cli.out.toString() + cli.err.toString()).as(d.name()).contains(d.expected());
            deleteTree(db.getParent());
        }
    }

    @FunctionalInterface
    private interface DamageAction {
        void on(Path db) throws Exception;
    }

    @Test
    void aRestoreBringsBackEveryRecordAndAttachmentAndKeepsWhatItReplaced() throws Exception {
        Path db = copyOfSample();
        assertThat(run("--db", db, "backup", "create")).isZero();
        assertThat(cli.out.toString()).contains("已备份").contains("单位 62 个");
        String copy = Path.of(cli.out
                        .toString()
                        .lines()
                        .findFirst()
                        .orElseThrow()
                        .replaceFirst("^已备份：", "")
                        .replaceFirst("（.*$", ""))
                .getFileName()
                .toString();
        assertThat(run("--db", db, "backup", "list")).isZero();
        assertThat(cli.out.toString()).contains(copy).contains("手动");
        // what the copy holds, row by row: every travelling record, its history and its conflicts, and the attachments
        String records = records(db);
        String files = attachmentFiles(db);

        assertThat(run("--db", db, "device", "init", "--name", "汇总机", "--role", "hub"))
                .isZero();
        String units = one(db, "SELECT count(*) FROM unit");
        sql(db, "DELETE FROM inspection_evidence", "UPDATE unit SET deleted = 1");

        assertThat(run("--db", db, "backup", "restore", copy)).isZero();
        assertThat(cli.out.toString()).contains("已从").contains("恢复前的数据库已另存为");

        assertThat(one(db, "SELECT count(*) FROM unit WHERE deleted = 0")).isEqualTo(units);
        assertThat(one(db, "SELECT count(*) FROM inspection_evidence")).isNotEqualTo("0");
        assertThat(records(db)).isEqualTo(records);
        assertThat(attachmentFiles(db)).isEqualTo(files);
        // the sample is a hub: restored, it took a new id, and a person must say whether it is still the hub — asked
        // on every open until answered, not only on the one that renewed it
        assertThat(run("--db", db, "device", "show")).isZero();
        assertThat(cli.out.toString()).contains("此数据库曾是汇总机");
        assertThat(run("--db", db, "device", "show")).isZero();
        assertThat(cli.out.toString()).contains("此数据库曾是汇总机");
        assertThat(run("--db", db, "check")).isZero(); // every attachment the copy refers to is still there
        assertThat(run("--db", db, "backup", "list")).isZero();
        assertThat(cli.out.toString()).contains("恢复前");
    }

    @Test
    void anImportTakesACopyBeforeItWritesAndARejectedFileNone() throws Exception {
        Path db = copyOfSample();
        Path registry = dir.resolve("组织台账.xlsx");
        assertThat(run("--db", db, "orgs", "export", registry)).isZero();
        assertThat(run("--db", db, "backup", "list")).isZero();
        long before = cli.out.toString().lines().filter(l -> l.contains("导入前")).count();

        Path bad = Files.writeString(dir.resolve("坏的.xlsx"), "not a workbook");
        assertThat(run("--db", db, "orgs", "import", bad)).isNotZero();
        assertThat(run("--db", db, "orgs", "import", registry)).isZero();

        assertThat(run("--db", db, "backup", "list")).isZero();
        List<String> copies =
                cli.out.toString().lines().filter(l -> l.contains("导入前")).toList();
        assertThat(copies).hasSize((int) before + 1);
        assertThat(copies.getFirst()).contains("单位 62 个"); // a whole, readable copy of the database
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
