package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.task.Progress;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;

/**
 * Every import that writes takes a copy first (issue 22): the registry workbook, a team's findings sheet, a unit's
 * feedback form, an assessment form, a template workbook, past results and a package. Each import of the convergence
 * generator (the ways of importing it knows) is run until it writes; the copy it left in {@code backups/} is a
 * Taizhang backup that {@link Backups#inspect} accepts and holds every row the database held just before.
 */
class BeforeImportBackupsTest {
    /** The generator's imports: the registry workbook, past results, a template workbook, an assessment form, a
     * findings sheet, a feedback form (RegistryActions, ChecklistActions, LedgerActions). */
    private static final Map<ConvergencePropertyTest.Feature, Set<Integer>> IMPORTS = Map.of(
            ConvergencePropertyTest.Feature.REGISTRY, Set.of(4),
            ConvergencePropertyTest.Feature.CHECKLIST, Set.of(6, 13, 14),
            ConvergencePropertyTest.Feature.LEDGER, Set.of(8, 11));

    @TempDir
    Path dir;

    @BeforeAll
    static void template() throws Exception {
        ConvergencePropertyTest.makeTemplate();
    }

    @AfterAll
    static void removeTemplate() throws Exception {
        ConvergencePropertyTest.removeTemplate();
    }

    @Test
    void everyImportThatWritesLeavesAWholeCopyOfTheDatabaseAsItWasJustBefore() throws Exception {
        DeviceActions.FORMS.clear();
        DeviceActions.ASSESSMENT_FORMS.clear();
        ConvergencePropertyTest.Device d = ConvergencePropertyTest.deviceIn(dir, "hub");
        d.setUp(true);
        List<ConvergencePropertyTest.Kind> kinds = ConvergencePropertyTest.featureKinds();
        Random random = new Random(22);
        Set<String> imported = new TreeSet<>();
        List<ConvergencePropertyTest.Kind> imports = kinds.stream()
                .filter(k -> IMPORTS.get(k.feature()).contains(k.action()))
                .toList();
        int expected = imports.size();
        // every other step an import, until each has written at least once (a feedback form needs findings that
        // were notified, say: how soon depends on what the other steps made)
        for (int step = 0; step < 2000 && (step < 200 || imported.size() < expected); step++) {
            ConvergencePropertyTest.Kind k = step % 2 == 0
                    ? imports.get(random.nextInt(imports.size()))
                    : kinds.get(random.nextInt(kinds.size()));
            boolean anImport = IMPORTS.get(k.feature()).contains(k.action());
            String before = anImport ? dump(d.store.database()) : null;
            List<Path> copiesBefore = copies(d.store, Backups.BEFORE_IMPORT);
            d.act(new ConvergencePropertyTest.Step(
                    ConvergencePropertyTest.KINDS.indexOf(k),
                    0,
                    random.nextInt(100),
                    random.nextInt(100),
                    random.nextInt(100)));
            d.changed();
            if (anImport && !dump(d.store.database()).equals(before)) {
                imported.add(k.feature() + " " + k.action());
                Path copy = newest(copies(d.store, Backups.BEFORE_IMPORT), copiesBefore, k);
                assertThat(Backups.inspect(copy).schema()).isEqualTo(Store.schemaVersion());
                assertThat(dump(copy)).as("the copy before %s", k).isEqualTo(before);
            }
        }
        // every import of the generator wrote at least once (so each was checked above)
        assertThat(imported).hasSize(expected);

        // and a package from another device
        ConvergencePropertyTest.Device laptop = ConvergencePropertyTest.deviceIn(dir, "laptop");
        laptop.setUp(false);
        laptop.registry.act(9, new DeviceActions.Pick(3, 4, 5)); // an organization of its own
        laptop.changed();
        Path pkg = dir.resolve("laptop.tzpkg");
        new ExchangeService(laptop.store)
                .export(pkg, ExchangeService.ExportRequest.everything(PackageFile.Protection.none()), Progress.NONE);
        String before = dump(d.store.database());
        List<Path> copiesBefore = copies(d.store, Backups.BEFORE_IMPORT);
        new ExchangeService(d.store).importPackage(pkg, null, Progress.NONE);
        assertThat(dump(d.store.database())).isNotEqualTo(before);
        Path copy = newest(copies(d.store, Backups.BEFORE_IMPORT), copiesBefore, "the package");
        assertThat(dump(copy)).isEqualTo(before);
        laptop.store.close();
        d.store.close();
    }

    @Test
    void anImportRefusedByTheRulesTakesNoCopy() throws Exception {
        ConvergencePropertyTest.Device d = ConvergencePropertyTest.deviceIn(dir, "hub");
        d.setUp(true);
        Path notAWorkbook = dir.resolve("坏文件.xlsx");
        java.nio.file.Files.writeString(notAWorkbook, "这不是 Excel 文件");
        try {
            d.service.importWorkbook(notAWorkbook, Progress.NONE);
        } catch (DomainException refused) {
            // said to the clerk; nothing written
        }
        assertThat(copies(d.store, Backups.BEFORE_IMPORT)).isEmpty();
        d.store.close();
    }

    private static List<Path> copies(Store store, String reason) {
        return Backups.list(store.database()).stream()
                .filter(c -> c.plainReason().equals(reason))
                .map(Backups.Copy::file)
                .toList();
    }

    private static Path newest(List<Path> now, List<Path> before, Object what) {
        List<Path> made = new ArrayList<>(now);
        made.removeAll(before);
        assertThat(made).as("a copy before %s", what).hasSize(1);
        return made.getFirst();
    }

    /** Every row of every table, read through SQLite itself (the copy is no open Store). */
    static String dump(Path db) throws Exception {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        StringBuilder sb = new StringBuilder();
        try (Connection c = config.createConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
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
        return sb.toString();
    }
}
