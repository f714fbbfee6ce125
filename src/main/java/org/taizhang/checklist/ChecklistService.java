package org.taizhang.checklist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.Organization;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.Unit;

/**
 * The checklist use cases, shared by the window and the command line: templates (drafts, publishing, new
 * versions, the built-in ones) and assessments (start, answer, finish, public notice, reopen). Every write is
 * one transaction through the store's tracked writer, so every row merges between devices.
 */
public final class ChecklistService {
    private final Store store;
    private final RegistryService registry;

    public ChecklistService(Store store, RegistryService registry) {
        this.store = store;
        this.registry = registry;
    }

    public LocalDate today() {
        return registry.today();
    }

    public List<ChecklistTemplate> templates() {
        return ChecklistStore.templates(store.read());
    }

    public Optional<ChecklistTemplate> template(String id) {
        return ChecklistStore.template(store.read(), id);
    }

    /**
     * Puts the built-in templates in as drafts, once: their ids and keys are fixed, so a device that already
     * has them (from here or from another device) keeps what its clerk made of them.
     */
    public int installBuiltInTemplates() {
        return store.write(ctx -> {
            List<ChecklistTemplate> present = ChecklistStore.templates(ctx);
            int added = 0;
            for (ChecklistTemplate t : BuiltInTemplates.all(today().getYear())) {
                if (present.stream().noneMatch(p -> p.id().equals(t.id()))) {
                    ChecklistStore.save(store.tracked(ctx), ctx, t);
                    added++;
                }
            }
            return added;
        });
    }

    /** Saves a draft; a published template never changes (results refer to it): make its next version. */
    public List<Issue> saveDraft(ChecklistTemplate draft) {
        return store.write(ctx -> {
            ChecklistStore.template(ctx, draft.id())
                    .filter(ChecklistTemplate::isPublished)
                    .ifPresent(t -> {
                        throw new DomainException("checklist.error.published", t.name(), t.version());
                    });
            if (draft.isPublished()) {
                throw new DomainException("checklist.error.published", draft.name(), draft.version());
            }
            ChecklistStore.save(store.tracked(ctx), ctx, draft);
            return TemplateRules.check(draft);
        });
    }

    /** Publishes a draft when its rules (and, for a new version, the items it must carry on) have no error. */
    public ChecklistTemplate publish(String id) {
        return store.write(ctx -> {
            List<ChecklistTemplate> all = ChecklistStore.templates(ctx);
            ChecklistTemplate draft = all.stream()
                    .filter(t -> t.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
            if (draft.isPublished()) {
                return draft;
            }
            List<Issue> issues = new ArrayList<>(TemplateRules.check(draft));
            all.stream()
                    .filter(t -> t.name().equals(draft.name()) && t.version() == draft.version() - 1)
                    .filter(ChecklistTemplate::isPublished)
                    .findFirst()
                    .ifPresent(previous -> issues.addAll(TemplateRules.checkNextVersion(previous, draft)));
            refuseErrors(issues);
            ChecklistTemplate published = draft.published();
            ChecklistStore.save(store.tracked(ctx), ctx, published);
            return published;
        });
    }

    /** The draft of the next version of a published template (same item keys), saved. */
    public ChecklistTemplate newVersion(String publishedId, int year) {
        ChecklistTemplate t =
                template(publishedId).orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        ChecklistTemplate next =
                t.nextVersion(Ids.forKey("checklist_template", t.name(), Integer.toString(t.version() + 1)), year);
        store.write(ctx -> {
            ChecklistStore.save(store.tracked(ctx), ctx, next);
            return null;
        });
        return next;
    }

    /** A template in use by an assessment cannot be deleted. */
    public void deleteTemplate(String id) {
        store.write(ctx -> {
            if (ChecklistStore.templateInUse(ctx, id)) {
                throw new DomainException("checklist.error.templateInUse");
            }
            return ChecklistStore.deleteTemplate(store.tracked(ctx), id);
        });
    }

    // ---- assessments

    /**
     * The assessment of {@code organizationId} with this template in this round and year: started when it does
     * not exist yet. Its id comes from those four, so two laptops scoring the same branch make one assessment.
     */
    public Assessment startAssessment(String organizationId, String templateId, Round round, int year) {
        String id = assessmentId(organizationId, templateId, round, year);
        return store.write(ctx -> {
            Optional<Assessment> existing = ChecklistStore.assessment(ctx, id);
            if (existing.isPresent()) {
                return existing.get();
            }
            ChecklistTemplate t = ChecklistStore.template(ctx, templateId)
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
            Assessment a = Assessment.start(id, organizationId, t, round, year);
            ChecklistStore.save(store.tracked(ctx), a);
            return a;
        });
    }

    static String assessmentId(String organizationId, String templateId, Round round, int year) {
        return Ids.forKey("assessment", organizationId, templateId, round.name(), Integer.toString(year));
    }

    /**
     * The sample: the built-in templates, the 四化 standard published, and a year of assessments of the sample
     * registry's branches (some accepted, a few failing, some on notice, awaiting review, self-assessing, not
     * started). Only into a database without assessments; returns how many it made.
     */
    public int importSample(int year) {
        installBuiltInTemplates();
        ChecklistTemplate standard = publish(BuiltInTemplates.standard(year).id());
        Registry current = registry.load();
        return store.write(ctx -> {
            if (ChecklistStore.hasAssessments(ctx)) {
                return 0;
            }
            List<Assessment> sample = SampleAssessments.of(current, standard, year, today());
            var writer = store.tracked(ctx);
            sample.forEach(a -> ChecklistStore.save(writer, a));
            return sample.size();
        });
    }

    /** The 达标验收 board of a year: each assessment scored by its own template and its branch's kind. */
    public AcceptanceBoard board(int year) {
        Registry current = registry.load();
        java.util.Map<String, ChecklistTemplate> byId = new java.util.HashMap<>();
        templates().forEach(t -> byId.put(t.id(), t));
        return AcceptanceBoard.of(year, current, assessmentsOfYear(year), a -> {
            ChecklistTemplate t = byId.get(a.templateId());
            Organization o = current.organization(a.organizationId()).orElse(null);
            return t == null || o == null
                    ? Scoring.Result.INCOMPLETE
                    : a.score(t, o.kind()).result();
        });
    }

    public Optional<Assessment> assessment(String id) {
        return ChecklistStore.assessment(store.read(), id);
    }

    public List<Assessment> assessmentsOfYear(int year) {
        return ChecklistStore.assessmentsOfYear(store.read(), year);
    }

    public Assessment answer(String assessmentId, ItemAnswer answer) {
        return change(assessmentId, (a, t, o) -> a.answer(t, answer));
    }

    public Assessment finish(String assessmentId) {
        return change(assessmentId, (a, t, o) -> a.finish(t, o.kind(), today()));
    }

    public Assessment closePublicity(String assessmentId) {
        return change(assessmentId, (a, t, o) -> a.closePublicity());
    }

    public Assessment reopen(String assessmentId, String reason) {
        return change(assessmentId, (a, t, o) -> a.reopen(reason));
    }

    // ---- the assessment form: an Excel round trip for branches without the program (decisions/0011)

    /**
     * The organization named as in the registry workbook: its unit, its name and, when two of that name sit under
     * different parents, the parent's name. An unknown or ambiguous name is refused, naming the candidates.
     */
    public Organization organizationNamed(String unitName, String name, String parentName) {
        Registry current = registry.load();
        List<org.taizhang.organization.Unit> units = current.unitsNamed(unitName);
        if (units.isEmpty()) {
            throw new DomainException("checklist.form.unitUnknown", unitName);
        }
        if (units.size() > 1) {
            throw new DomainException("checklist.form.unitAmbiguous", unitName, units.size());
        }
        String unitId = units.getFirst().id();
        List<Organization> named = current.organizationsNamed(unitId, name);
        if (named.isEmpty()) {
            throw new DomainException("checklist.form.organizationUnknown", unitName, name);
        }
        List<Organization> candidates = parentName == null
                ? named
                : named.stream()
                        .filter(o -> parentName.strip().equals(parentName(current, o)))
                        .toList();
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        String parents = named.stream().map(o -> parentName(current, o)).collect(Collectors.joining("、"));
        if (candidates.isEmpty()) {
            throw new DomainException("checklist.form.parentUnknown", unitName, name, parentName, parents);
        }
        throw new DomainException("checklist.form.organizationAmbiguous", unitName, name, parents);
    }

    private static String parentName(Registry r, Organization o) {
        return r.organization(o.parentId()).map(Organization::name).orElse("—");
    }

    /**
     * The template a form for this organization uses: the latest published version named {@code name}; without a
     * name, the latest published template with items for the organization's kind (refused, naming them, when
     * several standards qualify).
     */
    public ChecklistTemplate formTemplate(Organization o, String name) {
        List<ChecklistTemplate> published =
                templates().stream().filter(ChecklistTemplate::isPublished).toList();
        String kind = o.kind().fileName();
        if (name != null) {
            ChecklistTemplate t = published.stream()
                    .filter(p -> p.name().equals(name.strip()))
                    .max(java.util.Comparator.comparingInt(ChecklistTemplate::version))
                    .orElseThrow(() -> new DomainException("checklist.form.templateUnknown", name, names(published)));
            if (t.items().stream().noneMatch(i -> i.appliesTo(o.kind()))) {
                throw new DomainException("checklist.form.templateNotForKind", t.name(), kind);
            }
            return t;
        }
        Map<String, ChecklistTemplate> latest = new java.util.TreeMap<>(); // candidates named in a stable order
        published.stream()
                .filter(t -> t.items().stream().anyMatch(i -> i.appliesTo(o.kind())))
                .forEach(t -> latest.merge(t.name(), t, (a, b) -> a.version() >= b.version() ? a : b));
        if (latest.isEmpty()) {
            throw new DomainException("checklist.form.noTemplate", kind);
        }
        if (latest.size() > 1) {
            throw new DomainException("checklist.form.templateAmbiguous", kind, String.join("、", latest.keySet()));
        }
        return latest.values().iterator().next();
    }

    private static String names(List<ChecklistTemplate> templates) {
        String all = templates.stream().map(ChecklistTemplate::name).distinct().collect(Collectors.joining("、"));
        return all.isEmpty() ? "—" : all;
    }

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
        Organization o = registry.organization(organizationId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchOrganization"));
        ChecklistTemplate t =
                template(templateId).orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        if (!t.isPublished()) {
            throw new DomainException("checklist.error.templateNotPublished", t.name());
        }
        Optional<Assessment> existing = assessment(assessmentId(organizationId, templateId, round, year));
        if (existing.isPresent() && existing.get().isReadOnly()) {
            throw new DomainException("checklist.error.readOnly");
        }
        String unitName = registry.load().unit(o.unitId()).map(Unit::name).orElse("");
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
        String id = assessmentId(organizationId, templateId, round, year);
        if (expectedAssessmentId != null && !expectedAssessmentId.equals(id)) {
            return AssessmentFormImport.rejected(List.of(fileIssue(
                    "checklist.form.otherAssessment",
                    organizationName,
                    Integer.toString(year),
                    form.sheet(),
                    templateName)));
        }
        Optional<Organization> organization = registry.organization(organizationId);
        if (organization.isEmpty()) {
            return AssessmentFormImport.rejected(
                    List.of(fileIssue("checklist.form.organizationGone", organizationName)));
        }
        Organization o = organization.get();
        List<FormWorkbook.CellIssue> errors = new ArrayList<>(form.errors());
        return store.write(ctx -> {
            Optional<ChecklistTemplate> found = ChecklistStore.template(ctx, templateId);
            if (found.isEmpty()) {
                return AssessmentFormImport.rejected(List.of(fileIssue("checklist.form.templateGone", templateName)));
            }
            ChecklistTemplate t = found.get();
            if (!t.isPublished()) {
                return AssessmentFormImport.rejected(
                        List.of(fileIssue("checklist.error.templateNotPublished", t.name())));
            }
            Map<String, ItemAnswer> answers = new LinkedHashMap<>();
            for (FormWorkbook.FilledRow row : form.rows()) {
                Optional<ChecklistItem> item = t.item(row.key());
                if (item.isEmpty()) {
                    errors.add(new FormWorkbook.CellIssue(
                            form.sheet(),
                            row.number(),
                            null,
                            Issue.error(null, "checklist.form.itemUnknown", row.label())));
                } else if (!item.get().appliesTo(o.kind())) {
                    errors.add(new FormWorkbook.CellIssue(
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
            Optional<Assessment> existing = ChecklistStore.assessment(ctx, id);
            Map<String, ItemAnswer> stored = existing.map(Assessment::answers).orElse(Map.of());
            List<ItemAnswer> changes = answers.values().stream()
                    .filter(a -> !sameAnswer(a, stored.get(a.itemKey())))
                    .toList();
            List<String> replaced = changes.stream()
                    .filter(a -> stored.containsKey(a.itemKey()))
                    .map(a -> t.item(a.itemKey()).orElseThrow().number())
                    .toList();
            if (existing.isPresent() && changes.isEmpty()) {
                return new AssessmentFormImport(
                        false,
                        true,
                        id,
                        o.name(),
                        t.name(),
                        round,
                        year,
                        false,
                        0,
                        List.of(),
                        existing.get().score(t, o.kind()).unscored().size(),
                        List.of());
            }
            if (existing.isPresent() && existing.get().isReadOnly()) {
                throw new DomainException("checklist.error.readOnly");
            }
            progress.update(1, 2, "checklist.form.progress.writing");
            Assessment a = existing.orElseGet(() -> Assessment.start(id, o.id(), t, round, year));
            for (ItemAnswer answer : changes) {
                a = a.answer(t, answer);
            }
            ChecklistStore.save(store.tracked(ctx), a);
            return new AssessmentFormImport(
                    true,
                    false,
                    id,
                    o.name(),
                    t.name(),
                    round,
                    year,
                    existing.isEmpty(),
                    changes.size(),
                    replaced,
                    a.score(t, o.kind()).unscored().size(),
                    List.of());
        });
    }

    private static FormWorkbook.CellIssue fileIssue(String key, Object... args) {
        return new FormWorkbook.CellIssue(null, 0, null, Issue.error(null, key, args));
    }

    /** The same answer, whatever the scale of a score (4.5 and 4.50) or empty text against none. */
    static boolean sameAnswer(ItemAnswer a, ItemAnswer b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(a.met(), b.met())
                && (a.score() == null
                        ? b.score() == null
                        : b.score() != null && a.score().compareTo(b.score()) == 0)
                && Objects.equals(a.occurrences(), b.occurrences())
                && a.notApplicable() == b.notApplicable()
                && stripped(a.notApplicableReason()).equals(stripped(b.notApplicableReason()))
                && stripped(a.note()).equals(stripped(b.note()));
    }

    private static String stripped(String s) {
        return s == null ? "" : s.strip();
    }

    private interface Change {
        Assessment apply(Assessment a, ChecklistTemplate t, Organization o);
    }

    private Assessment change(String assessmentId, Change change) {
        return store.write(ctx -> {
            Assessment a = ChecklistStore.assessment(ctx, assessmentId)
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchAssessment"));
            ChecklistTemplate t = ChecklistStore.template(ctx, a.templateId())
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
            Organization o = registry.organization(a.organizationId())
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchOrganization"));
            Assessment next = change.apply(a, t, o);
            ChecklistStore.save(store.tracked(ctx), next);
            return next;
        });
    }

    private static void refuseErrors(List<Issue> issues) {
        if (issues.stream().anyMatch(Issue::isError)) {
            throw new ValidationException(issues);
        }
    }
}
