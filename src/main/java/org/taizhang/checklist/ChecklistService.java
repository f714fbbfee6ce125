package org.taizhang.checklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.store.Store;
import org.taizhang.organization.Organization;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryService;

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

    /** Brings a deleted template back (an explicit action, kept in its history). */
    public void restoreTemplate(String id) {
        store.write(ctx -> ChecklistStore.restoreTemplate(store.tracked(ctx), id));
    }

    /** Ids of the templates some assessment uses: the page refuses their deletion before asking. */
    public java.util.Set<String> templatesInUse() {
        return ChecklistStore.templatesInUse(store.read());
    }

    public List<org.taizhang.core.store.HistoryEntry> historyOfTemplate(String id) {
        return ChecklistStore.templateHistory(store.read(), id);
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

    /** A branch's standing in each year of {@code fromYear}..{@code toYear} and its items still open. */
    public BranchRecord branchRecord(String organizationId, int fromYear, int toYear) {
        Organization o = registry.organization(organizationId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchOrganization"));
        java.util.Map<String, ChecklistTemplate> byId = new java.util.HashMap<>();
        templates().forEach(t -> byId.put(t.id(), t));
        return BranchRecord.of(
                o,
                fromYear,
                toYear,
                ChecklistStore.assessmentsOfBranch(store.read(), organizationId, fromYear, toYear),
                byId);
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
