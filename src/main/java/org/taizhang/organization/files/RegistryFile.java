package org.taizhang.organization.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.SheetData;

/**
 * The registry as read from a file, before any checking: its three sheets.
 */
public record RegistryFile(SheetData units, SheetData communities, SheetData organizations) {

    boolean isEmpty() {
        return !units.present() && !communities.present() && !organizations.present();
    }

    /** The sample registry of 江海市 shipped inside the program (same files as the repository's sample-data/). */
    public static RegistryFile sample() {
        return new RegistryFile(
                sampleSheet(RegistryColumns.UNITS_SHEET, "units.csv"),
                sampleSheet(RegistryColumns.COMMUNITIES_SHEET, "communities.csv"),
                sampleSheet(RegistryColumns.ORGANIZATIONS_SHEET, "organizations.csv"));
    }

    private static SheetData sampleSheet(String sheet, String file) {
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
