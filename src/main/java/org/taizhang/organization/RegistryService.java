package org.taizhang.organization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.taizhang.core.DomainException;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.pdf.PdfFonts;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.files.TablePdf;
import org.taizhang.core.store.HistoryEntry;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.files.RegistryCsv;
import org.taizhang.organization.files.RegistryFile;
import org.taizhang.organization.files.RegistryImport;
import org.taizhang.organization.files.RegistryTable;
import org.taizhang.organization.files.RegistryWorkbook;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;
import org.taizhang.organization.store.RegistryStore;

/**
 * The registry's use cases, shared by the window and the command line: load, save with the rules checked
 * inside the same transaction, delete (as a tombstone), import and export the workbook, print the PDF table.
 */
public final class RegistryService {
    private static final int WRITE_SLICE = 500;

    private final Store store;

    public RegistryService(Store store) {
        this.store = store;
    }

    /** One live organization by id; cheaper than {@link #load} when that is all a use case needs. */
    public java.util.Optional<Organization> organization(String id) {
        return RegistryStore.organization(store.read(), id);
    }

    public Registry load() {
        return RegistryStore.load(store.read());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(store.clock().instant(), ZoneId.systemDefault());
    }

    /** Saves the organization when the rules find no error; returns the warnings that remain. */
    public List<Issue> save(Organization o) {
        return store.write(ctx -> {
            Registry current = RegistryStore.load(ctx);
            List<Issue> issues = RegistryRules.check(current, o, today());
            refuseErrors(issues);
            RegistryStore.save(store.tracked(ctx), o);
            return issues;
        });
    }

    public List<Issue> save(Unit u) {
        return store.write(ctx -> {
            List<Issue> issues = RegistryRules.check(RegistryStore.load(ctx), u);
            refuseErrors(issues);
            RegistryStore.save(store.tracked(ctx), u);
            return issues;
        });
    }

    public List<Issue> save(Community c) {
        return store.write(ctx -> {
            List<Issue> issues = RegistryRules.check(RegistryStore.load(ctx), c);
            refuseErrors(issues);
            RegistryStore.save(store.tracked(ctx), c);
            return issues;
        });
    }

    public void deleteOrganization(String id) {
        store.write(ctx -> {
            Registry current = RegistryStore.load(ctx);
            current.organization(id).ifPresent(o -> refuseErrors(RegistryRules.checkDelete(current, o)));
            return RegistryStore.deleteOrganization(store.tracked(ctx), id);
        });
    }

    public void deleteUnit(String id) {
        store.write(ctx -> {
            Registry current = RegistryStore.load(ctx);
            current.unit(id).ifPresent(u -> refuseErrors(RegistryRules.checkDelete(current, u)));
            return RegistryStore.deleteUnit(store.tracked(ctx), id);
        });
    }

    public void deleteCommunity(String id) {
        store.write(ctx -> {
            Registry current = RegistryStore.load(ctx);
            current.community(id).ifPresent(c -> refuseErrors(RegistryRules.checkDelete(current, c)));
            return RegistryStore.deleteCommunity(store.tracked(ctx), id);
        });
    }

    /** Brings a deleted organization back (an explicit action, kept in history). */
    public void restoreOrganization(String id) {
        store.write(ctx -> {
            RegistryStore.restoreOrganization(store.tracked(ctx), id);
            // the rules as for a save: a parent or unit deleted meanwhile, a name taken since, refuse it
            Registry after = RegistryStore.load(ctx);
            after.organization(id).ifPresent(o -> refuseErrors(RegistryRules.check(after, o, today())));
            return null;
        });
    }

    public void restoreUnit(String id) {
        store.write(ctx -> {
            RegistryStore.restoreUnit(store.tracked(ctx), id);
            Registry after = RegistryStore.load(ctx);
            after.unit(id).ifPresent(u -> refuseErrors(RegistryRules.check(after, u)));
            return null;
        });
    }

    public void restoreCommunity(String id) {
        store.write(ctx -> {
            RegistryStore.restoreCommunity(store.tracked(ctx), id);
            Registry after = RegistryStore.load(ctx);
            after.community(id).ifPresent(c -> refuseErrors(RegistryRules.check(after, c)));
            return null;
        });
    }

    public List<HistoryEntry> historyOfOrganization(String id) {
        return RegistryStore.history(store.read(), RegistryStore.organizationTable(), id);
    }

    public List<HistoryEntry> historyOfUnit(String id) {
        return RegistryStore.history(store.read(), RegistryStore.unitTable(), id);
    }

    public List<HistoryEntry> historyOfCommunity(String id) {
        return RegistryStore.history(store.read(), RegistryStore.communityTable(), id);
    }

    /**
     * The fields of an organization that hold another device's value beside the one shown (issue 16): the form
     * says so, and an ordinary save keeps the other value until a clerk decides in 数据交换 → 待处理.
     */
    public List<HistoryEntry.FieldChange> conflictsOfOrganization(String id) {
        return conflictsOf("organization", id, RegistryStore.ORGANIZATION_HISTORY_FIELDS);
    }

    public List<HistoryEntry.FieldChange> conflictsOfUnit(String id) {
        return conflictsOf("unit", id, RegistryStore.UNIT_HISTORY_FIELDS);
    }

    public List<HistoryEntry.FieldChange> conflictsOfCommunity(String id) {
        return conflictsOf("community", id, RegistryStore.COMMUNITY_HISTORY_FIELDS);
    }

    private List<HistoryEntry.FieldChange> conflictsOf(
            String entity, String id, java.util.Map<String, RegistryHistory.Field> fields) {
        List<Store.Conflict> mine = store.conflicts(entity, id);
        return mine.isEmpty() ? List.of() : RegistryHistory.conflicts(mine, fields, load());
    }

    /**
     * Reads the workbook, checks every row against the registry as it would be after the import, and writes
     * all rows in one transaction only when no row has an error. A rejected file changes nothing.
     */
    public ImportReport importWorkbook(Path file, Progress progress) {
        if (Files.isDirectory(file)) {
            throw new DomainException("file.isDirectory", file);
        }
        RegistryFile data = RegistryWorkbook.read(file);
        return importFile(data, progress);
    }

    /** Loads the sample registry shipped with the program (the CSV files in {@code sample-data/}). */
    public ImportReport importSample(Progress progress) {
        return importFile(RegistryFile.sample(), progress);
    }

    /**
     * Loads the sample registry only when the registry is empty (no unit, community or organization): merged
     * into a real registry, 62 fictional units could not be told apart from it, and a clerk's edits to sample
     * records would be undone. Otherwise throws {@code sample.registryNotEmpty} and changes nothing.
     */
    public ImportReport importSampleIntoEmptyRegistry(Progress progress) {
        return importFile(RegistryFile.sample(), progress, true);
    }

    public ImportReport importFile(RegistryFile data, Progress progress) {
        return importFile(data, progress, false);
    }

    private ImportReport importFile(RegistryFile data, Progress progress, boolean onlyIntoEmpty) {
        progress.update(0, 3, "import.progress.checking");
        return store.write(ctx -> {
            Registry current = RegistryStore.load(ctx);
            if (onlyIntoEmpty
                    && !(current.units().isEmpty()
                            && current.communities().isEmpty()
                            && current.organizationCount() == 0)) {
                throw new DomainException(
                        "sample.registryNotEmpty",
                        store.database(),
                        current.units().size(),
                        current.organizationCount());
            }
            RegistryImport.Plan plan = RegistryImport.plan(current, data, today());
            progress.checkCancelled();
            if (plan.hasErrors()) {
                return plan.report(0, 0, 0, false);
            }
            progress.update(1, 3, "import.progress.writing");
            if (!onlyIntoEmpty) {
                store.backupBeforeImport(); // the committed state: this transaction has written nothing yet
            }
            TrackedWriter writer = store.tracked(ctx);
            List<Organization> organizations = plan.organizationsParentsFirst(); // so the foreign key holds
            RegistryStore.Batch records = new RegistryStore.Batch(plan.units(), plan.communities(), organizations);
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int total = records.size();
            // in slices, so progress and cancel come between them; each slice is batched (TrackedWriter.saveAll)
            for (int from = 0; from < total; from += WRITE_SLICE) {
                for (TrackedWriter.Outcome outcome : records.save(writer, from, Math.min(total, from + WRITE_SLICE))) {
                    switch (outcome) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                }
                progress.update(Math.min(total, from + WRITE_SLICE), total, "import.progress.writing");
                progress.checkCancelled(); // throwing here rolls the whole transaction back
            }
            progress.update(total, total, "import.progress.done");
            return plan.report(created, updated, unchanged, true);
        });
    }

    public void exportWorkbook(Path file, Progress progress) {
        exportWorkbook(file, null, progress);
    }

    /** {@code only}: the organizations to write (what the window shows); null writes all. */
    public void exportWorkbook(Path file, java.util.Set<String> only, Progress progress) {
        Registry registry = loadListing(only);
        progress.update(0, 1, "export.progress.writing");
        RegistryWorkbook.write(registry, file, progress);
        progress.update(1, 1, "export.progress.done");
    }

    /**
     * The organizations as a printable table (A4 landscape, 第 N 页 共 M 页) in the language of {@code messages};
     * a blank {@code title} gives the bundle's default title. Throws {@code pdf.error.*} when the machine has no
     * usable Chinese font.
     */
    public void exportPdf(Path file, String title, Messages messages, Progress progress) {
        exportPdf(file, title, null, messages, progress);
    }

    public void exportPdf(Path file, String title, java.util.Set<String> only, Messages messages, Progress progress) {
        Registry registry = loadListing(only);
        progress.update(0, 1, "export.progress.writing");
        String heading = title == null || title.isBlank() ? messages.get("registry.pdf.title") : title.strip();
        TablePdf.write(
                RegistryTable.of(registry, heading, today(), messages),
                new ReportTable.Heading(store.committee(), today()),
                file,
                messages,
                PdfFonts.system(),
                progress);
        progress.update(1, 1, "export.progress.done");
    }

    public void exportCsv(Path file) {
        exportCsv(file, null);
    }

    public void exportCsv(Path file, java.util.Set<String> only) {
        RegistryCsv.writeOrganizations(loadListing(only), file);
    }

    private Registry loadListing(java.util.Set<String> only) {
        Registry all = load();
        return only == null ? all : all.listing(only);
    }

    /** The empty import workbook; it needs no database. */
    public static void exportTemplate(Path file) {
        RegistryWorkbook.write(Registry.empty(), file, Progress.NONE);
    }

    private static void refuseErrors(List<Issue> issues) {
        if (issues.stream().anyMatch(Issue::isError)) {
            throw new ValidationException(issues);
        }
    }
}
