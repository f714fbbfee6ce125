package org.taizhang.inspection.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.StreamingWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.report.ReportFormat;
import org.taizhang.core.report.ReportTable;
import org.taizhang.core.report.files.TableFiles;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingImports;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.Lifecycle;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The ledger's files, shared by the window and the command line: a unit's 整改情况反馈表 out and back, an inspection
 * team's spreadsheet of findings in, the 整改台账 out. Every import reads and checks the whole file first and writes
 * all of it in one transaction, or nothing.
 */
public final class InspectionFiles {
    private final FindingService findings;
    private final FindingImports imports;
    private final InspectionService inspections;

    public InspectionFiles(Store store, RegistryService registry) {
        this.findings = new FindingService(store, registry);
        this.imports = new FindingImports(store, registry);
        this.inspections = new InspectionService(store);
    }

    /** A unit named as in the registry workbook; refused naming the name when there is none. */
    public Unit unitNamed(String name) {
        return findings.registry()
                .unitNamed(name)
                .orElseThrow(() -> new DomainException("feedback.error.unitUnknown", name));
    }

    // ---- 整改情况反馈表

    /** The findings a unit's feedback form would list now: sent to it (已交办, 整改中), in ledger order. */
    public List<LedgerEntry> feedbackFindings(String unitId) {
        return findings.ledger().stream()
                .filter(e -> e.finding().unitId().equals(unitId) && FeedbackFormWorkbook.listed(e))
                .toList();
    }

    /**
     * Writes a unit's feedback form; returns how many findings it lists. Refused when the unit has none to
     * report on (an empty form would only confuse the unit).
     */
    public int exportFeedback(String unitId, Path file, Messages m, Progress progress) {
        Unit unit = findings.registry()
                .unit(unitId)
                .orElseThrow(() -> new DomainException("feedback.error.unitUnknown", unitId));
        List<LedgerEntry> entries = feedbackFindings(unitId);
        if (entries.isEmpty()) {
            throw new DomainException("feedback.error.nothingToSend", unit.name());
        }
        return FeedbackFormWorkbook.write(
                unit.id(), unit.name(), entries, findings.today(), Ids.newId(), file, m, progress);
    }

    /**
     * Reads a filled feedback form back and adds its rows as progress reports, all in one transaction. Nothing is
     * written when any cell is wrong, a locked cell or the signature was edited, the form is another program's or
     * was made for another unit than {@code expectedUnitId} (null: whichever unit the form names), or a finding
     * can no longer take progress. Reports already held (the same form again) are skipped; when all are, nothing
     * is written and the result says {@code alreadyImported}.
     */
    public FeedbackImport importFeedback(Path file, String expectedUnitId, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException("import.error.fileNotFound", file);
        }
        progress.update(0, 2, "feedback.progress.checking");
        FormWorkbook.Filled form = FormWorkbook.read(file);
        if (form.signature() == null) {
            return FeedbackImport.rejected(null, form.errors());
        }
        FormWorkbook.Signature sig = form.signature();
        if (!sig.kind().equals(FeedbackFormWorkbook.KIND)) {
            return FeedbackImport.rejected(null, List.of(fileIssue("feedback.error.otherKind")));
        }
        if (sig.layout() != FeedbackFormWorkbook.LAYOUT) {
            return FeedbackImport.rejected(null, List.of(fileIssue("feedback.error.otherLayout", sig.layout())));
        }
        String unitId = sig.subject().get(FeedbackFormWorkbook.UNIT);
        String unitName = sig.subject().getOrDefault(FeedbackFormWorkbook.UNIT_NAME, "");
        if (unitId == null) {
            // a checksum that holds over a subject this program never wrote
            return FeedbackImport.rejected(null, List.of(fileIssue("form.error.signatureDamaged")));
        }
        Registry registry = findings.registry();
        if (expectedUnitId != null && !expectedUnitId.equals(unitId)) {
            String expected = registry.unit(expectedUnitId).map(Unit::name).orElse(expectedUnitId);
            return FeedbackImport.rejected(
                    unitName, List.of(fileIssue("feedback.error.otherUnit", unitName, expected)));
        }
        if (registry.unit(unitId).isEmpty()) {
            return FeedbackImport.rejected(unitName, List.of(fileIssue("feedback.error.unitGone", unitName)));
        }
        List<RowIssue> errors = new ArrayList<>(form.errors());
        Map<String, LedgerEntry> byId = new HashMap<>();
        for (LedgerEntry e : findings.ledger()) {
            byId.put(e.id(), e);
        }
        record Report(FormWorkbook.FilledRow row, Step step, LedgerEntry entry) {}
        List<Report> reports = new ArrayList<>();
        for (FormWorkbook.FilledRow row : form.rows()) {
            LedgerEntry e = byId.get(row.key());
            if (e == null) {
                errors.add(FeedbackFormWorkbook.row(form, row, "feedback.error.findingGone", row.label()));
            } else if (!e.finding().unitId().equals(unitId)) {
                errors.add(FeedbackFormWorkbook.row(form, row, "feedback.error.findingOtherUnit", row.label()));
            } else {
                Step s = FeedbackFormWorkbook.report(
                        form, row, findings.today(), e.timeline().notifiedOn(), errors);
                if (s != null) {
                    reports.add(new Report(row, s, e));
                }
            }
        }
        Set<String> held =
                imports.heldSteps(reports.stream().map(r -> r.step().id()).toList());
        List<Step> fresh = new ArrayList<>();
        for (Report r : reports) {
            if (held.contains(r.step().id())) {
                continue;
            }
            FindingState state = r.entry().state();
            if (Lifecycle.next(state, StepKind.PROGRESS).isEmpty()) {
                errors.add(FeedbackFormWorkbook.row(
                        form, r.row(), "feedback.error.notOpen", r.row().label(), state.fileLabel()));
            } else {
                fresh.add(r.step());
            }
        }
        if (errors.isEmpty() && reports.isEmpty()) {
            errors.add(fileIssue("feedback.error.empty"));
        }
        if (!errors.isEmpty()) {
            return FeedbackImport.rejected(unitName, errors);
        }
        if (fresh.isEmpty()) {
            return new FeedbackImport(false, true, unitName, 0, reports.size(), List.of());
        }
        progress.update(1, 2, "feedback.progress.writing");
        imports.backupBeforeImport();
        int added = imports.addProgress(fresh);
        return new FeedbackImport(added > 0, added == 0, unitName, added, reports.size(), List.of());
    }

    // ---- findings in bulk

    /**
     * Records every row of an inspection team's spreadsheet (sheet 问题清单) as a 待挂号 finding, in one transaction.
     * Nothing is written when any row is bad (each is reported at its sheet, row and column) or when the same file
     * (by its SHA-256) was imported before (reported with the time of that import).
     */
    public FindingImport importFindings(Path file, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException("import.error.fileNotFound", file);
        }
        String batch = sha256(file);
        Optional<Instant> before = imports.importedAt(batch);
        if (before.isPresent()) {
            return new FindingImport(
                    0,
                    null,
                    List.of(),
                    List.of(fileIssue("findingImport.error.alreadyImported", FindingImports.localTime(before.get()))));
        }
        progress.update(0, 2, "findingImport.progress.checking");
        SheetData sheet = StreamingWorkbook.readSheet(file, FindingSheet.SHEET, FindingSheet.REQUIRED);
        FindingSheet.Plan plan = FindingSheet.plan(
                findings.registry(),
                inspections.inspections(),
                sheet,
                batch,
                file.getFileName().toString(),
                findings.today());
        List<RowIssue> errors = new ArrayList<>(plan.errors());
        if (errors.isEmpty() && plan.findings().isEmpty()) {
            errors.add(fileIssue("findingImport.error.empty", sheet.name()));
        }
        if (!errors.isEmpty()) {
            return new FindingImport(0, sheet.name(), FindingSheet.unread(sheet), errors);
        }
        progress.checkCancelled();
        progress.update(1, 2, "findingImport.progress.writing");
        imports.backupBeforeImport();
        return new FindingImport(
                imports.recordAll(plan.findings()), sheet.name(), FindingSheet.unread(sheet), List.of());
    }

    /** Numbers every 待挂号 finding in the order found (hub only): {@link FindingService#registerPending}. */
    public FindingService.Registered registerPending() {
        return findings.registerPending();
    }

    // ---- the 整改台账

    /** What {@link #writeLedger} wrote. */
    public record LedgerWritten(int rows, LedgerReport.Summary summary) {}

    /**
     * Writes the ledger as .xlsx or .pdf (the official table layout) or .csv: one row per finding the filter keeps,
     * in ledger order. A round, unit or 共同体 that does not exist is refused by name (a typo would give an empty
     * report).
     */
    public LedgerWritten writeLedger(
            LedgerReport.Filter filter, ReportFormat format, Path file, Messages m, Progress progress) {
        if (filter.round() != null
                && inspections.inspections().stream().noneMatch(i -> i.title().equals(filter.round()))) {
            throw new DomainException("ledgerReport.error.roundUnknown", filter.round());
        }
        if (filter.unit() != null
                && findings.registry().unitNamed(filter.unit()).isEmpty()) {
            throw new DomainException("feedback.error.unitUnknown", filter.unit());
        }
        if (filter.community() != null
                && findings.registry().communities().stream()
                        .noneMatch(c -> c.name().equals(filter.community()))) {
            throw new DomainException("ledgerReport.error.communityUnknown", filter.community());
        }
        return write(LedgerReport.select(findings.ledger(), filter), filter.title(m), format, file, m, progress);
    }

    private LedgerWritten write(
            List<LedgerEntry> entries, String title, ReportFormat format, Path file, Messages m, Progress progress) {
        if (format == ReportFormat.DOCX) {
            throw new IllegalArgumentException("the ledger is a table: xlsx, csv or pdf");
        }
        TableFiles.write(
                LedgerReport.table(entries, title, m),
                new ReportTable.Heading(findings.committee(), findings.today()),
                format,
                file,
                m,
                progress);
        return new LedgerWritten(entries.size(), LedgerReport.summary(entries));
    }

    // ---- shared

    private static RowIssue fileIssue(String key, Object... args) {
        return new RowIssue(null, 0, null, Issue.error(null, key, args));
    }

    /** The file's SHA-256: the same bytes are the same file, whatever it is called. */
    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new DomainException(e, "import.error.notExcel", file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /**
     * Writes the given ledger rows (what the window shows) as .xlsx, .pdf or .csv, under {@code title}. Merged
     * findings are left out, as in every ledger report: their problem is counted once, under the finding they went
     * into.
     */
    public LedgerWritten writeLedger(
            List<LedgerEntry> given, String title, ReportFormat format, Path file, Messages m, Progress progress) {
        List<LedgerEntry> entries =
                given.stream().filter(e -> e.state() != FindingState.MERGED).toList();
        return write(entries, title, format, file, m, progress);
    }
}
