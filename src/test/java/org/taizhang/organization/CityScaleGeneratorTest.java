package org.taizhang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.RegistryRows;
import org.taizhang.organization.model.OrganizationKind;
import org.taizhang.organization.model.Registry;

class CityScaleGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameRegistry() {
        assertThat(CityScaleGenerator.generate()).isEqualTo(CityScaleGenerator.generate());
        assertThat(CityScaleGenerator.generate(1)).isNotEqualTo(CityScaleGenerator.generate(2));
    }

    @Test
    void theCityHas120Units8CommunitiesAnd1500Branches() {
        CityScaleGenerator.CityRegistry city = CityScaleGenerator.generate();

        assertThat(city.units()).hasSize(CityScaleGenerator.UNITS);
        assertThat(city.communities()).hasSize(CityScaleGenerator.COMMUNITIES);
        assertThat(city.count(OrganizationKind.BRANCH)).isEqualTo(CityScaleGenerator.BRANCHES);
        assertThat(city.count(OrganizationKind.JOINT_BRANCH)).isPositive();
        assertThat(city.count(OrganizationKind.GENERAL_BRANCH)).isPositive();
        assertThat(city.count(OrganizationKind.PARTY_COMMITTEE)).isPositive();
    }

    @Test
    void theWorkbookImportsIntoAnEmptyDatabaseWithoutErrors() throws Exception {
        Path file = CityScaleGenerator.writeWorkbook(dir);

        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            RegistryService service = new RegistryService(store);
            ImportReport report = service.importWorkbook(file, Progress.NONE);

            assertThat(report.errors()).isEmpty();
            assertThat(report.applied()).isTrue();
            Registry r = service.load();
            assertThat(r.units()).hasSize(CityScaleGenerator.UNITS);
            assertThat(r.communities()).hasSize(CityScaleGenerator.COMMUNITIES);
            assertThat(r.organizations().stream().filter(o -> o.kind() == OrganizationKind.BRANCH))
                    .hasSizeGreaterThanOrEqualTo(1_500);
            assertThat(r.units()).allSatisfy(u -> assertThat(r.topLevel(u.id())).hasSize(1));
        }
    }

    @Test
    void loadPutsTheSameRegistryIntoADatabaseAsTheWorkbook() throws Exception {
        Path file = CityScaleGenerator.writeWorkbook(dir);
        List<List<String>> viaWorkbook;
        try (Store store = Store.openOrCreate(dir.resolve("a.db"))) {
            RegistryService service = new RegistryService(store);
            service.importWorkbook(file, Progress.NONE);
            viaWorkbook = rows(service.load());
        }
        try (Store store = Store.openOrCreate(dir.resolve("b.db"))) {
            RegistryService service = new RegistryService(store);
            ImportReport report = CityScaleGenerator.load(service);

            assertThat(report.applied()).isTrue();
            assertThat(rows(service.load())).containsExactlyElementsOf(viaWorkbook);
        }
    }

    @Test
    void reimportingTheCityChangesNothing() {
        try (Store store = Store.openOrCreate(dir.resolve("taizhang.db"))) {
            RegistryService service = new RegistryService(store);
            ImportReport first = CityScaleGenerator.load(service);

            ImportReport second = CityScaleGenerator.load(service);

            assertThat(second.created()).isZero();
            assertThat(second.updated()).isZero();
            assertThat(second.unchanged()).isEqualTo(first.created());
        }
    }

    private static List<List<String>> rows(Registry r) {
        return r.organizations().stream()
                .map(o -> RegistryRows.organizationRow(r, o))
                .toList();
    }
}
