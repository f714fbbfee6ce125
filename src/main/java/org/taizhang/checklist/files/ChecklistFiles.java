package org.taizhang.checklist.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.files.StreamingWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.files.ImportReport;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * The checklists' files, shared by the window and the command line, as {@code inspection.files.InspectionFiles} is
 * the ledger's: a template as a workbook and back (as a draft), 往年结果 in and out, the assessment form sent to a
 * branch and read back. Every import reads and checks the whole file first, then writes all of it through
 * {@link ChecklistService} in one transaction, or nothing.
 */
public final class ChecklistFiles {
    private final ChecklistService checklists;

    public ChecklistFiles(Store store, RegistryService registry) {
        this(new ChecklistService(store, registry));
    }

    /** The files of {@code checklists}: what they read is written through it. */
    public ChecklistFiles(ChecklistService checklists) {
        this.checklists = checklists;
    }

    // ---- templates

    /** Writes the template as the workbook {@link #importTemplate} reads (条目, 类别, 等级, 规则). */
    public void exportTemplate(String templateId, Path file) {
        ChecklistTemplate t = checklists
                .template(templateId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        TemplateWorkbook.write(t, file);
    }

    /**
     * Reads a template workbook and saves it as a draft: a new template, the same draft again when the newest
     * version of its name is a draft, or the next version of a published one (which never changes). Every cell
     * and the template's rules are checked first; any error saves nothing.
     */
    public TemplateImportReport importTemplate(Path file) {
        if (Files.isDirectory(file)) {
            throw new DomainException("checklist.import.isDirectory", file);
        }
        if (!Files.isRegularFile(file)) {
            throw new DomainException("import.error.fileNotFound", file);
        }
        var sheets = TemplateWorkbook.read(file);
        checklists.backupBeforeImport();
        List<RowIssue> errors = new ArrayList<>();
        Optional<ChecklistTemplate> saved = checklists.saveDraftPlanned(held -> {
            TemplateImport.Plan plan =
                    TemplateImport.plan(sheets, held, checklists.today().getYear());
            errors.addAll(plan.errors());
            return plan.draft();
        });
        return saved.map(d -> new TemplateImportReport(d, List.of()))
                .orElseGet(() -> new TemplateImportReport(null, errors));
    }

    // ---- past results (往年结果)

    /**
     * Imports a year's (or several years') results from the sheet 往年结果 of a workbook (or its only sheet, or its
     * one sheet with the required columns, whatever it is called): every row is checked
     * first, and nothing is written unless the whole file is good. Importing the same file again changes nothing
     * (the ids come from branch + year + round; unchanged rows are not rewritten).
     */
    public ImportReport importResults(Path file, Progress progress) {
        if (Files.isDirectory(file)) {
            throw new DomainException("checklist.import.isDirectory", file);
        }
        if (!Files.isRegularFile(file)) {
            throw new DomainException("import.error.fileNotFound", file);
        }
        SheetData sheet = StreamingWorkbook.readSheet(file, ResultsImport.SHEET, ResultsImport.REQUIRED);
        return importResults(sheet, String.valueOf(file.getFileName()), progress);
    }

    /** {@link #importResults(Path, Progress)} for a sheet already read; {@code sourceFile} is noted on each result. */
    public ImportReport importResults(SheetData sheet, String sourceFile, Progress progress) {
        progress.update(0, 3, "checklist.progress.checking");
        Registry current = checklists.registry();
        ResultsImport.Plan plan = ResultsImport.plan(
                current,
                sheet,
                sourceFile,
                checklists.ratingBandNames(),
                checklists.today().getYear());
        progress.checkCancelled();
        if (!plan.errors().isEmpty()) {
            return new ImportReport(false, 0, 0, 0, plan.errors(), List.of(), sheet.name());
        }
        checklists.backupBeforeImport();
        int[] counts = checklists.saveResults(plan.results(), progress);
        progress.update(1, 1, "checklist.progress.done");
        return new ImportReport(true, counts[0], counts[1], counts[2], List.of(), List.of(), sheet.name());
    }

    /**
     * Writes the results of the years {@code from}..{@code to} as the workbook {@link #importResults} reads (the
     * sheet 往年结果, branches named by unit, name and parent); returns how many rows it wrote.
     */
    public int exportResults(int from, int to, Path file) {
        Registry current = checklists.registry();
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>(); // the registry's order: units, then their tree
        current.organizations().forEach(o -> order.put(o.id(), order.size()));
        List<PastResult> sorted = new ArrayList<>(checklists.results(from, to));
        sorted.sort(java.util.Comparator.comparingInt(PastResult::year)
                .thenComparing(r -> order.getOrDefault(r.organizationId(), Integer.MAX_VALUE))
                .thenComparing(PastResult::round));
        for (PastResult r : sorted) {
            current.organization(r.organizationId())
                    .ifPresent(o -> rows.add(List.of(
                            current.unit(o.unitId())
                                    .map(org.taizhang.organization.model.Unit::name)
                                    .orElse(""),
                            o.name(),
                            o.parentId() == null
                                    ? ""
                                    : current.organization(o.parentId())
                                            .map(Organization::name)
                                            .orElse(""),
                            r.year(),
                            r.round().fileLabel(),
                            r.totalScore() == null ? "" : r.totalScore(),
                            r.rating() == null ? "" : r.rating(),
                            r.passed() ? ResultsImport.PASSED : ResultsImport.FAILED)));
        }
        ResultsWorkbook.write(rows, file);
        return rows.size();
    }

    // ---- the assessment form

    /**
     * Writes the assessment form of an organization: the items of the template that apply to its kind, with the
     * answers stored so far. Refused when the template is a draft or the assessment is already finished.
     * Returns how many items the form lists.
     */
    public int exportForm(
            String organizationId,
            String templateId,
            Round round,
            int year,
            Path file,
            Messages messages,
            Progress progress) {
        Organization o = checklists
                .registry()
                .organization(organizationId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchOrganization"));
        ChecklistTemplate t = checklists
                .template(templateId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        if (!t.isPublished()) {
            throw new DomainException("checklist.error.templateNotPublished", t.name());
        }
        Optional<Assessment> existing =
                checklists.assessment(ChecklistService.assessmentId(organizationId, templateId, round, year));
        if (existing.isPresent() && existing.get().isReadOnly()) {
            throw new DomainException("checklist.error.readOnly");
        }
        String unitName = checklists.registry().unit(o.unitId()).map(Unit::name).orElse("");
        var subject = new AssessmentFormWorkbook.Subject(
                o, unitName, t, round, year, existing.map(Assessment::answers).orElse(Map.of()));
        return AssessmentFormWorkbook.write(subject, Ids.newId(), file, messages, progress);
    }

    /**
     * Reads a filled assessment form back and, when the whole file is good, writes every answer in one
     * transaction (starting the assessment if needed). Nothing is written when any cell is wrong, when the form
     * was made for another assessment than {@code expectedAssessmentId} (null: whichever the form names), or when
     * every answer is already stored as it is (the same file again: {@code alreadyImported}). Rows left empty keep
     * what is stored. A finished assessment is refused with the reason, unless the file changes nothing.
     */
    public AssessmentFormImport importForm(Path file, String expectedAssessmentId, Progress progress) {
        if (!Files.isRegularFile(file)) {
            throw new DomainException("import.error.fileNotFound", file);
        }
        progress.update(0, 2, "checklist.form.progress.checking");
        FormWorkbook.Filled form = AssessmentFormWorkbook.read(file);
        if (form.signature() == null) {
            return AssessmentFormImport.rejected(form.errors());
        }
        FormWorkbook.Signature sig = form.signature();
        if (!sig.kind().equals(AssessmentFormWorkbook.KIND)) {
            return AssessmentFormImport.rejected(List.of(fileIssue("checklist.form.otherKind")));
        }
        if (sig.layout() != AssessmentFormWorkbook.LAYOUT) {
            return AssessmentFormImport.rejected(List.of(fileIssue("checklist.form.otherLayout", sig.layout())));
        }
        Map<String, String> subject = sig.subject();
        Round round;
        int year;
        String organizationId = subject.get(AssessmentFormWorkbook.ORGANIZATION);
        String templateId = subject.get(AssessmentFormWorkbook.TEMPLATE);
        try {
            round = Round.valueOf(subject.get(AssessmentFormWorkbook.ROUND));
            year = Integer.parseInt(subject.get(AssessmentFormWorkbook.YEAR));
            Objects.requireNonNull(organizationId);
            Objects.requireNonNull(templateId);
        } catch (IllegalArgumentException | NullPointerException e) {
            // a checksum that holds over a subject this program never wrote: another program's form of the same kind
            return AssessmentFormImport.rejected(List.of(fileIssue("form.error.signatureDamaged")));
        }
        String organizationName = subject.getOrDefault(AssessmentFormWorkbook.ORGANIZATION_NAME, "");
        String templateName = subject.getOrDefault(AssessmentFormWorkbook.TEMPLATE_NAME, "");
        String id = ChecklistService.assessmentId(organizationId, templateId, round, year);
        if (expectedAssessmentId != null && !expectedAssessmentId.equals(id)) {
            return AssessmentFormImport.rejected(List.of(fileIssue(
                    "checklist.form.otherAssessment",
                    organizationName,
                    Integer.toString(year),
                    form.sheet(),
                    templateName)));
        }
        Optional<Organization> organization = checklists.registry().organization(organizationId);
        if (organization.isEmpty()) {
            return AssessmentFormImport.rejected(
                    List.of(fileIssue("checklist.form.organizationGone", organizationName)));
        }
        Organization o = organization.get();
        List<RowIssue> errors = new ArrayList<>(form.errors());
        Optional<ChecklistTemplate> found = checklists.template(templateId);
        if (found.isEmpty()) {
            return AssessmentFormImport.rejected(List.of(fileIssue("checklist.form.templateGone", templateName)));
        }
        ChecklistTemplate t = found.get();
        if (!t.isPublished()) {
            return AssessmentFormImport.rejected(List.of(fileIssue("checklist.error.templateNotPublished", t.name())));
        }
        Map<String, ItemAnswer> answers = new LinkedHashMap<>();
        for (FormWorkbook.FilledRow row : form.rows()) {
            Optional<ChecklistItem> item = t.item(row.key());
            if (item.isEmpty()) {
                errors.add(new RowIssue(
                        form.sheet(),
                        row.number(),
                        null,
                        Issue.error(null, "checklist.form.itemUnknown", row.label())));
            } else if (!item.get().appliesTo(o.kind())) {
                errors.add(new RowIssue(
                        form.sheet(),
                        row.number(),
                        null,
                        Issue.error(
                                null,
                                "checklist.form.itemNotForKind",
                                row.label(),
                                o.kind().fileName())));
            } else {
                ItemAnswer a = AssessmentFormWorkbook.answer(form, row, item.get(), errors);
                if (a != null) {
                    answers.put(a.itemKey(), a);
                }
            }
        }
        if (errors.isEmpty() && answers.isEmpty()) {
            errors.add(fileIssue("checklist.form.empty"));
        }
        if (!errors.isEmpty()) {
            return AssessmentFormImport.rejected(errors);
        }
        progress.checkCancelled();
        checklists.backupBeforeImport();
        ChecklistService.FormAnswers saved =
                checklists.saveFormAnswers(id, o, templateId, round, year, answers, progress);
        return new AssessmentFormImport(
                saved.applied(),
                saved.alreadySaved(),
                id,
                o.name(),
                t.name(),
                round,
                year,
                saved.started(),
                saved.changed(),
                saved.replaced(),
                saved.unscored(),
                List.of());
    }

    private static RowIssue fileIssue(String key, Object... args) {
        return new RowIssue(null, 0, null, Issue.error(null, key, args));
    }
}
