package org.taizhang.organization;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.taizhang.core.DomainException;

/**
 * The registry as read from a file, before any checking: per sheet, the headers found and the non-empty rows
 * as text cells keyed by header, each with its row number in the file (for the error report).
 */
record RegistryFile(Sheet units, Sheet communities, Sheet organizations) {

    /** {@code uncalculated}: the columns holding a formula saved without its result (read as blank). */
    record Row(int number, Map<String, String> cells, Set<String> uncalculated) {
        Row(int number, Map<String, String> cells) {
            this(number, cells, Set.of());
        }

        /** Whether the file has this column at all (absent columns keep the stored values). */
        boolean has(String column) {
            return cells.containsKey(column);
        }

        String text(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    record Sheet(String name, Set<String> headers, List<Row> rows) {
        static Sheet absent(String name) {
            return new Sheet(name, Set.of(), List.of());
        }

        boolean present() {
            return !headers.isEmpty();
        }
    }

    boolean isEmpty() {
        return !units.present() && !communities.present() && !organizations.present();
    }

    /** The sample registry of 江海市 shipped inside the program (same files as the repository's sample-data/). */
    static RegistryFile sample() {
        return new RegistryFile(
                sampleSheet(RegistryColumns.UNITS_SHEET, "units.csv"),
                sampleSheet(RegistryColumns.COMMUNITIES_SHEET, "communities.csv"),
                sampleSheet(RegistryColumns.ORGANIZATIONS_SHEET, "organizations.csv"));
    }

    private static Sheet sampleSheet(String sheet, String file) {
        try (InputStream in = RegistryFile.class.getResourceAsStream("/sample-data/" + file)) {
            if (in == null) {
                throw new DomainException("sample.missing", file);
            }
            return RegistryCsv.readSheet(sheet, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DomainException(e, "sample.missing", file);
        }
    }
}
