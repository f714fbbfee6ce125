package org.taizhang.checklist;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.BranchRecord;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.DirectRating;
import org.taizhang.checklist.model.Evidence;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.PastResult;
import org.taizhang.checklist.model.RatingBand;
import org.taizhang.checklist.model.RatingQuota;
import org.taizhang.checklist.model.Round;
import org.taizhang.checklist.sample.SampleAssessments;
import org.taizhang.checklist.sample.SampleResults;
import org.taizhang.checklist.store.ChecklistStore;
import org.taizhang.checklist.store.RatingStore;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;

/**
 * The checklist use cases, shared by the window and the command line: templates (drafts, publishing, new
 * versions, the built-in ones) and assessments (start, answer, finish, public notice, reopen). Every write is
 * one transaction through the store's tracked writer, so every row merges between devices.
 */
public final class ChecklistService {
    private final Store store;

    /** A copy of the database before an import writes (issue 22). */
    public void backupBeforeImport() {
        store.backupBeforeImport();
    }

    private final RegistryService registry;
    private final AttachmentStore attachments;

    public ChecklistService(Store store, RegistryService registry) {
        this.store = store;
        this.registry = registry;
        this.attachments = new AttachmentStore(store);
    }

    public LocalDate today() {
        return registry.today();
    }

    /** The 填报单位 of the settings, above every table this feature writes. */
    public String committee() {
        return store.committee();
    }

    /** The registry as it is now (the branches an assessment or a file names). */
    public Registry registry() {
        return registry.load();
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

    /**
     * The draft of the next version of a published template (same item keys), saved. Only from the newest version
     * of its name: a version after it already exists (published, or a draft being worked on) and is never written
     * over.
     */
    public ChecklistTemplate newVersion(String publishedId, int year) {
        ChecklistTemplate t =
                template(publishedId).orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        ChecklistTemplate next =
                t.nextVersion(Ids.forKey("checklist_template", t.name(), Integer.toString(t.version() + 1)), year);
        store.write(ctx -> {
            ChecklistStore.templates(ctx).stream()
                    .filter(o -> o.name().equals(t.name()) && o.version() > t.version())
                    .max(java.util.Comparator.comparingInt(ChecklistTemplate::version))
                    .ifPresent(newer -> {
                        throw new DomainException("checklist.error.newerVersionExists", t.name(), newer.version());
                    });
            ChecklistStore.save(store.tracked(ctx), ctx, next);
            return null;
        });
        return next;
    }

    /**
     * A form row laid over the stored answer: a file never clears an answer (decisions/0011), so a row that only adds
     * a 备注 (or a reason) keeps the stored result and takes the new words; a row that scores replaces it.
     */
    static ItemAnswer overStored(ItemAnswer typed, ItemAnswer stored) {
        boolean scores =
                typed.notApplicable() || typed.met() != null || typed.score() != null || typed.occurrences() != null;
        if (stored == null || scores) {
            return typed;
        }
        return new ItemAnswer(
                stored.itemKey(),
                stored.met(),
                stored.score(),
                stored.occurrences(),
                stored.notApplicable(),
                typed.notApplicableReason() != null ? typed.notApplicableReason() : stored.notApplicableReason(),
                typed.note() != null ? typed.note() : stored.note());
    }

    // ---- the template workbook

    /**
     * The template a workbook export means: with a name, the newest version of that name (a draft too: the clerk
     * drafts in Excel); without one, the newest published version when every published template has one name
     * (or, with none published, the newest of the only name). Several names, or none, are refused naming the
     * templates there are, so the clerk can choose.
     */
    public ChecklistTemplate templateToExport(String name) {
        List<ChecklistTemplate> all = templates();
        java.util.Comparator<ChecklistTemplate> byVersion =
                java.util.Comparator.comparingInt(ChecklistTemplate::version);
        java.util.Set<String> names = new java.util.TreeSet<>();
        all.forEach(t -> names.add(t.name()));
        if (names.isEmpty()) {
            throw new DomainException("checklist.export.noTemplate");
        }
        if (name != null && !name.isBlank()) {
            return all.stream()
                    .filter(t -> t.name().equals(name.strip()))
                    .max(byVersion)
                    .orElseThrow(() ->
                            new DomainException("checklist.export.unknownName", name.strip(), String.join("、", names)));
        }
        List<ChecklistTemplate> published =
                all.stream().filter(ChecklistTemplate::isPublished).toList();
        List<ChecklistTemplate> candidates = published.isEmpty() ? all : published;
        java.util.Set<String> candidateNames = new java.util.TreeSet<>();
        candidates.forEach(t -> candidateNames.add(t.name()));
        if (candidateNames.size() > 1) {
            throw new DomainException("checklist.export.severalNames", String.join("、", candidateNames));
        }
        return candidates.stream().max(byVersion).orElseThrow();
    }

    /**
     * Saves a template read from a file as a draft, in one transaction with the templates it was planned against:
     * {@code plan} gets the templates held and returns the draft (a new template, the same draft again, or the next
     * version of a published one), or null when the file had errors (nothing is saved). A published template never
     * changes.
     */
    public Optional<ChecklistTemplate> saveDraftPlanned(
            java.util.function.Function<List<ChecklistTemplate>, ChecklistTemplate> plan) {
        return store.write(ctx -> {
            ChecklistTemplate draft = plan.apply(ChecklistStore.templates(ctx));
            if (draft == null) {
                return Optional.<ChecklistTemplate>empty();
            }
            ChecklistStore.template(ctx, draft.id())
                    .filter(ChecklistTemplate::isPublished)
                    .ifPresent(t -> {
                        throw new DomainException("checklist.error.published", t.name(), t.version());
                    });
            ChecklistStore.save(store.tracked(ctx), ctx, draft);
            return Optional.of(draft);
        });
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

    /**
     * The fields of a template that hold another device's value beside the one shown: column, value shown, other
     * value (one per other value); the form names them, 数据交换 → 待处理 decides.
     */
    public List<org.taizhang.core.store.HistoryEntry.FieldChange> conflictsOfTemplate(String id) {
        List<org.taizhang.core.store.HistoryEntry.FieldChange> list = new ArrayList<>();
        store.conflicts("checklist_template", id).forEach(c -> list.addAll(c.asChanges()));
        return list;
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

    /** The id of the assessment of this branch, template, round and year (whether it exists yet or not). */
    public static String assessmentIdOf(String organizationId, String templateId, Round round, int year) {
        return assessmentId(organizationId, templateId, round, year);
    }

    public static String assessmentId(String organizationId, String templateId, Round round, int year) {
        return Ids.forKey("assessment", organizationId, templateId, round.name(), Integer.toString(year));
    }

    /**
     * The sample: the built-in templates, the 四化 standard published, a year of assessments of the sample
     * registry's branches (some accepted, a few failing, some on notice, awaiting review, self-assessing, not
     * started) and the two years before as imported results (达标率 rising). Only into a database without
     * assessments; returns how many assessments it made.
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
            // and the two years before, as if imported from sample-data/past-results.xlsx
            ChecklistStore.saveResults(writer, ctx, SampleResults.of(current, year), Progress.NONE);
            return sample.size();
        });
    }

    /**
     * The 达标验收 board of a year: each assessment scored by its own template and its branch's kind; a branch
     * without a 达标验收 assessment that year stands by its imported result, if it has one.
     */
    public AcceptanceBoard board(int year) {
        return boards(year, year).getFirst();
    }

    /** The boards of the years {@code from}..{@code to} (the three-year plan), from one read of each table. */
    public List<AcceptanceBoard> boards(int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException("years " + from + ".." + to);
        }
        Registry current = registry.load();
        Map<String, ChecklistTemplate> byId = new HashMap<>();
        ChecklistStore.templates(store.read()).forEach(t -> byId.put(t.id(), t));
        List<Assessment> assessments = ChecklistStore.assessmentsOfYears(store.read(), from, to);
        List<PastResult> results = ChecklistStore.results(store.read(), from, to);
        List<DirectRating> direct = RatingStore.directRatings(store.read(), from, to);
        return AcceptanceBoard.of(
                        from,
                        to,
                        current,
                        assessments,
                        results,
                        a -> {
                            ChecklistTemplate t = byId.get(a.templateId());
                            Organization o =
                                    current.organization(a.organizationId()).orElse(null);
                            return t == null || o == null ? Scoring.Score.INCOMPLETE : a.score(t, o.kind());
                        },
                        assessmentOrder(byId, from, to))
                .stream()
                .map(b -> direct.isEmpty() ? b : b.withDirectRatings(current, direct))
                .toList();
    }

    /**
     * Which of several assessments of one branch and round counts (AcceptanceStatus#order): the newest template's,
     * then a handed-in one, then the one handed in later, as the history of the years {@code from}..{@code to} says.
     */
    public java.util.Comparator<Assessment> assessmentOrder(int from, int to) {
        Map<String, ChecklistTemplate> byId = new HashMap<>();
        templates().forEach(t -> byId.put(t.id(), t));
        return assessmentOrder(byId, from, to);
    }

    private java.util.Comparator<Assessment> assessmentOrder(Map<String, ChecklistTemplate> byId, int from, int to) {
        Map<String, String> handedIn = ChecklistStore.handedIn(store.read(), from, to);
        return org.taizhang.checklist.model.AcceptanceStatus.order(
                a -> templateRank(byId.get(a.templateId())), a -> handedIn.get(a.id()));
    }

    /** Where a template stands among those a branch may be assessed against: newer year, then newer version. */
    public static long templateRank(ChecklistTemplate t) {
        return t == null ? 0L : t.year() * 10_000L + t.version();
    }

    /** A branch's standing in each year of {@code fromYear}..{@code toYear} and its items still open. */
    public BranchRecord branchRecord(String organizationId, int fromYear, int toYear) {
        Organization o = registry.organization(organizationId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchOrganization"));
        java.util.Map<String, ChecklistTemplate> byId = new java.util.HashMap<>();
        templates().forEach(t -> byId.put(t.id(), t));
        return BranchRecord.of(
                o,
                boards(fromYear, toYear),
                ChecklistStore.assessmentsOfBranch(store.read(), organizationId, fromYear, toYear),
                byId);
    }

    // ---- past results (往年结果)

    /**
     * Writes results checked by the caller (a whole 往年结果 file) in one transaction, in slices with progress and
     * cancel between them; one deleted before comes back. Returns how many were created, updated and unchanged.
     */
    public int[] saveResults(List<PastResult> results, Progress progress) {
        return store.write(ctx -> ChecklistStore.saveResults(store.tracked(ctx), ctx, results, progress));
    }

    /** The names of the rating bands of every template (what a 往年结果 row's 等级 may say). */
    public java.util.Set<String> ratingBandNames() {
        java.util.Set<String> ratings = new java.util.LinkedHashSet<>();
        templates().forEach(t -> t.bands().forEach(b -> ratings.add(b.name())));
        return ratings;
    }

    /** Imported results of the years {@code from}..{@code to}. */
    public List<PastResult> results(int from, int to) {
        return ChecklistStore.results(store.read(), from, to);
    }

    // ---- 直接定级 and 等级比例

    /** The rating names the templates know (their bands), for choosing and checking a rating. */
    public List<String> ratingNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        templates().stream()
                .filter(ChecklistTemplate::isPublished)
                .forEach(t -> t.bands().stream()
                        .sorted(java.util.Comparator.comparing(RatingBand::minScore)
                                .reversed())
                        .forEach(b -> names.add(b.name())));
        return List.copyOf(names);
    }

    /**
     * 直接定级: the branch's rating for the year, set by the committee with the reason, over the computed one (the
     * branch is 达标 that year). A rating no published template has, or no reason, is refused.
     */
    public DirectRating setDirectRating(String organizationId, int year, String rating, String reason) {
        Organization o = registry.organization(organizationId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchOrganization"));
        List<Issue> issues = new ArrayList<>();
        List<String> known = ratingNames();
        if (rating == null || !known.contains(rating.strip())) {
            issues.add(Issue.error(
                    "rating", "checklist.error.ratingUnknown", rating == null ? "" : rating, String.join("、", known)));
        }
        if (reason == null || reason.isBlank()) {
            issues.add(Issue.error("reason", "checklist.error.directReason", o.name()));
        }
        refuseErrors(issues);
        DirectRating d =
                new DirectRating(DirectRating.idOf(o.id(), year), o.id(), year, rating.strip(), reason.strip());
        store.write(ctx -> {
            RatingStore.save(store.tracked(ctx), ctx, d);
            return null;
        });
        return d;
    }

    /** Takes a direct rating back: the branch stands by its assessments again (the removal is kept in history). */
    public void clearDirectRating(String organizationId, int year) {
        store.write(ctx -> RatingStore.deleteDirectRating(store.tracked(ctx), DirectRating.idOf(organizationId, year)));
    }

    public List<DirectRating> directRatings(int from, int to) {
        return RatingStore.directRatings(store.read(), from, to);
    }

    /**
     * The year's 等级比例 (rating → the most percent of branches it may have); ratings left out have no limit. Each
     * limit is 0–100 and a rating the templates know.
     */
    public void setQuotas(int year, Map<String, java.math.BigDecimal> maxShares) {
        List<Issue> issues = new ArrayList<>();
        List<String> known = ratingNames();
        maxShares.forEach((rating, share) -> {
            if (!known.contains(rating)) {
                issues.add(Issue.error("rating", "checklist.error.ratingUnknown", rating, String.join("、", known)));
            }
            if (share == null || share.signum() < 0 || share.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
                issues.add(Issue.error("maxShare", "checklist.error.quotaRange", rating));
            }
        });
        refuseErrors(issues);
        store.write(ctx -> {
            var writer = store.tracked(ctx);
            for (RatingQuota q : RatingStore.quotas(ctx, year)) {
                if (!maxShares.containsKey(q.rating())) {
                    RatingStore.deleteQuota(writer, q.id());
                }
            }
            maxShares.forEach((rating, share) -> RatingStore.save(
                    writer, ctx, new RatingQuota(RatingQuota.idOf(year, rating), year, rating, share)));
            return null;
        });
    }

    public List<RatingQuota> quotas(int year) {
        return RatingStore.quotas(store.read(), year);
    }

    /** The board's figures per unit (the registry as it is now). */
    public List<AcceptanceBoard.UnitRow> byUnit(AcceptanceBoard board) {
        return board.byUnit(registry.load());
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

    /** Moves the end of an assessment's 公示 (holidays in the period). */
    public Assessment publicityUntil(String assessmentId, LocalDate end) {
        return change(assessmentId, (a, t, o) -> a.publicityUntil(end));
    }

    public Assessment reopen(String assessmentId, String reason) {
        return change(assessmentId, (a, t, o) -> a.reopen(reason));
    }

    // ---- evidence (佐证材料)

    /**
     * Stores {@code file} (a photo gets its thumbnail there) and links it to the answer of {@code itemKey}. The
     * same file attached again is the same link. Refused when the assessment is finished or on public notice.
     */
    public Evidence attachEvidence(String assessmentId, String itemKey, Path file) {
        Assessment a =
                assessment(assessmentId).orElseThrow(() -> new DomainException("checklist.error.noSuchAssessment"));
        if (a.isReadOnly()) {
            throw new DomainException("checklist.error.readOnly");
        }
        ChecklistTemplate t =
                template(a.templateId()).orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        if (t.item(itemKey).isEmpty()) {
            throw new DomainException("checklist.error.noSuchItem", itemKey);
        }
        // the file first, in its own transaction (the attachment store writes its row itself); should the
        // assessment be finished meanwhile, the file stays unreferenced, which is harmless (content-addressed)
        Attachment stored = attachments.add(file);
        String id = store.write(ctx -> {
            Assessment now = ChecklistStore.assessment(ctx, assessmentId)
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchAssessment"));
            if (now.isReadOnly()) {
                throw new DomainException("checklist.error.readOnly");
            }
            return ChecklistStore.saveEvidence(store.tracked(ctx), ctx, assessmentId, itemKey, stored.id());
        });
        return new Evidence(id, assessmentId, itemKey, stored);
    }

    /** The evidence of an assessment, per item key, in the order it was attached. */
    public Map<String, List<Evidence>> evidence(String assessmentId) {
        Map<String, List<Evidence>> byItem = new java.util.LinkedHashMap<>();
        for (String[] link : ChecklistStore.evidence(store.read(), assessmentId)) {
            attachments
                    .find(link[2])
                    .ifPresent(file -> byItem.computeIfAbsent(link[1], k -> new java.util.ArrayList<>())
                            .add(new Evidence(link[0], assessmentId, link[1], file)));
        }
        return byItem;
    }

    /** Where an evidence file is on this computer (to open it). */
    public Path evidenceFile(Evidence e) {
        return attachments.file(e.attachment().id());
    }

    /** A copy to open in its program, named as the file was added (the stored one has no extension). */
    public Path evidenceToOpen(Evidence e) {
        return attachments.copyToOpen(e.attachment());
    }

    /** Removes a link (a tombstone: the removal travels); the file stays, other answers may show it. */
    public void removeEvidence(String evidenceId) {
        store.write(ctx -> {
            String assessmentId = ChecklistStore.evidenceAssessment(ctx, evidenceId)
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchEvidence"));
            Assessment a = ChecklistStore.assessment(ctx, assessmentId)
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchAssessment"));
            if (a.isReadOnly()) {
                throw new DomainException("checklist.error.readOnly");
            }
            ChecklistStore.deleteEvidence(store.tracked(ctx), evidenceId);
            return null;
        });
    }

    // ---- the assessment form: an Excel round trip for branches without the program (decisions/0011)

    /**
     * The organization named as in the registry workbook: its unit, its name and, when two of that name sit under
     * different parents, the parent's name. An unknown or ambiguous name is refused, naming the candidates.
     */
    public Organization organizationNamed(String unitName, String name, String parentName) {
        Registry current = registry.load();
        List<org.taizhang.organization.model.Unit> units = current.unitsNamed(unitName);
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

    /** What {@link #saveFormAnswers} did. */
    public record FormAnswers(
            boolean applied, boolean alreadySaved, boolean started, int changed, List<String> replaced, int unscored) {}

    /**
     * Saves the answers read from a filled assessment form in one transaction, starting the assessment if needed.
     * Answers equal to the stored ones are left alone, so the same file again saves nothing ({@code alreadySaved});
     * a finished assessment is refused with the reason, unless the answers change nothing. {@code replaced}: the
     * numbers of the items whose stored answers the form changed.
     */
    public FormAnswers saveFormAnswers(
            String assessmentId,
            Organization o,
            String templateId,
            Round round,
            int year,
            Map<String, ItemAnswer> answers,
            Progress progress) {
        return store.write(ctx -> {
            ChecklistTemplate t = ChecklistStore.template(ctx, templateId)
                    .filter(ChecklistTemplate::isPublished)
                    .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
            Optional<Assessment> existing = ChecklistStore.assessment(ctx, assessmentId);
            Map<String, ItemAnswer> stored = existing.map(Assessment::answers).orElse(Map.of());
            List<ItemAnswer> changes = answers.values().stream()
                    .map(a -> overStored(a, stored.get(a.itemKey())))
                    .filter(a -> !sameAnswer(a, stored.get(a.itemKey())))
                    .toList();
            List<String> replaced = changes.stream()
                    .filter(a -> stored.containsKey(a.itemKey()))
                    .map(a -> t.item(a.itemKey()).orElseThrow().number())
                    .toList();
            if (existing.isPresent() && changes.isEmpty()) {
                return new FormAnswers(
                        false,
                        true,
                        false,
                        0,
                        List.of(),
                        existing.get().score(t, o.kind()).unscored().size());
            }
            if (existing.isPresent() && existing.get().isReadOnly()) {
                throw new DomainException("checklist.error.readOnly");
            }
            progress.update(1, 2, "checklist.form.progress.writing");
            Assessment a = existing.orElseGet(() -> Assessment.start(assessmentId, o.id(), t, round, year));
            for (ItemAnswer answer : changes) {
                a = a.answer(t, answer);
            }
            ChecklistStore.save(store.tracked(ctx), a);
            return new FormAnswers(
                    true,
                    false,
                    existing.isEmpty(),
                    changes.size(),
                    replaced,
                    a.score(t, o.kind()).unscored().size());
        });
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
