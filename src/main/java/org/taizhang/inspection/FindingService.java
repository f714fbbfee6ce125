package org.taizhang.inspection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.store.Actor;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.NumberFormat;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Warning;
import org.taizhang.inspection.model.WarningPolicy;
import org.taizhang.inspection.store.InspectionStore;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;

/**
 * The use cases of 挂号反馈、整改销号, shared by the window and the command line. Each step is one transaction
 * that reads the finding's timeline, asks {@link Lifecycle} whether the step is allowed in its state, and adds
 * the step through the tracked writer; nothing is ever erased. Numbers are given only on the hub.
 */
public final class FindingService {
    private final Store store;
    private final RegistryService registry;
    private final AttachmentStore attachments;

    public FindingService(Store store, RegistryService registry) {
        this.store = store;
        this.registry = registry;
        this.attachments = new AttachmentStore(store);
    }

    public LocalDate today() {
        return registry.today();
    }

    public Registry registry() {
        return registry.load();
    }

    // ---- settings

    public InspectionSettings settings() {
        return new InspectionSettings(
                store.operator(),
                store.actor().verifier(),
                // the designation travels and names a device id: a copy of the hub's file is not the hub
                store.isHub(),
                store.localSetting(InspectionSettings.NUMBER_FORMAT_KEY)
                        .flatMap(NumberFormat::parse)
                        .orElse(NumberFormat.DEFAULT),
                store.localSetting(InspectionSettings.WARNINGS_KEY)
                        .flatMap(WarningPolicy::parse)
                        .orElse(WarningPolicy.DEFAULT));
    }

    public void saveSettings(InspectionSettings s) {
        if (s.operator() == null || s.operator().isBlank()) {
            throw new DomainException("inspection.error.operatorRequired");
        }
        store.requireAdmin();
        Actor who = store.actor();
        if (who.installation()) { // before operators: the installation's operator and 核查人 are settings
            store.putLocalSetting(Store.VERIFIER_KEY, Boolean.toString(s.verifier()));
            store.setOperator(s.operator());
        } else if (!who.name().equals(s.operator().strip()) || who.verifier() != s.verifier()) {
            // with operators, who works here is who signed in, and 核查人 is the operator's permission
            throw new DomainException("inspection.error.operatorManaged");
        }
        if (s.hub() && !store.isHub()) {
            store.designateHub();
        } else if (!s.hub()) {
            store.designateField();
        }
        store.putLocalSetting(
                InspectionSettings.NUMBER_FORMAT_KEY, s.numberFormat().pattern());
        store.putLocalSetting(InspectionSettings.WARNINGS_KEY, s.warnings().format());
    }

    /** Operators exist (issue 22): who works here and 核查人 are managed with them, not in these settings. */
    public boolean operatorManaged() {
        return !store.actor().installation();
    }

    /** The 填报单位 the ledger's reports name (a setting of this installation, not of the ledger's records). */
    public String committee() {
        return store.committee();
    }

    public void saveCommittee(String name) {
        if (name != null && name.strip().length() > COMMITTEE_MAX_LENGTH) {
            throw new DomainException("inspection.error.committeeTooLong", COMMITTEE_MAX_LENGTH);
        }
        store.requireAdmin();
        store.setCommittee(name);
    }

    /** As an organization's name in the registry. */
    public static final int COMMITTEE_MAX_LENGTH = 100;

    /** The local setting holding the 抄送 last given to a document: the 报表 page offers it again. */
    static final String COPY_TO_KEY = "last.documentCopyTo";

    /** The 抄送 last given to a document written here, or "". */
    public String documentCopyTo() {
        return store.localSetting(COPY_TO_KEY).orElse("");
    }

    /** Remembers the 抄送 of a document just written, whoever wrote it (as the program notes its own settings). */
    public void noteDocumentCopyTo(String copyTo) {
        store.noteLocalSetting(COPY_TO_KEY, copyTo == null ? "" : copyTo.strip());
    }

    // ---- the category dictionary

    /** The names the clerk keeps, in order; a fresh database offers the common ones. */
    public List<String> categories() {
        return InspectionStore.categories(store.read());
    }

    public static final List<String> COMMON_CATEGORIES =
            List.of("主体责任", "三会一课", "组织生活", "党员管理", "党费", "阵地建设", "作风", "其他");

    public void saveCategories(List<String> names) {
        store.write(ctx -> {
            TrackedWriter w = store.tracked(ctx);
            List<String> present = InspectionStore.categories(ctx);
            for (String old : present) {
                if (!names.contains(old)) {
                    InspectionStore.deleteCategory(w, old);
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip();
                if (!name.isEmpty()) {
                    InspectionStore.saveCategory(w, ctx, name, i);
                }
            }
            return null;
        });
    }

    // ---- recording

    /**
     * Records a finding (待挂号) with its 发现 step; on the hub it may be numbered at once by {@link #register}.
     * Refused with the form's issues when a rule fails.
     */
    public Finding record(Finding f) {
        return record(f, List.of());
    }

    /**
     * Records a finding with the photos taken of the problem, all or nothing: the files are stored first (a photo
     * that cannot be read leaves nothing written, so 保存 can simply be pressed again), then the finding, its 发现
     * step and the photos, linked to that step, in one transaction. Photos of the problem are not evidence of its
     * rectification: they count neither for 申请销号 nor in the ledger's 佐证材料.
     */
    public Finding record(Finding f, List<Path> photos) {
        List<Issue> errors = FindingRules.check(f, registry.load(), today()).stream()
                .filter(Issue::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Finding clean = StepRules.recorded(f, store.operator());
        List<Attachment> files = photos.stream().map(attachments::add).toList();
        return store.write(ctx -> {
            if (InspectionStore.finding(ctx, f.id()).isPresent()) {
                throw new DomainException("inspection.error.findingExists");
            }
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.save(w, clean);
            Step found = step(clean.id(), StepKind.FOUND, clean.foundOn(), null);
            InspectionStore.add(w, found);
            InspectionStore.linkAll(w, ctx, clean.id(), found.id(), ids(files));
            return clean;
        });
    }

    /**
     * Records a finding whose id was derived from what it came from (an assessment's item: {@code Ids.forKey}), with
     * a 发现 step whose id derives from it too, so recording it twice, or on two devices, gives one finding with one
     * 发现 step. Returns the finding held under that id when there is one (nothing is written then).
     */
    public Finding recordOnce(Finding f) {
        List<Issue> errors = FindingRules.check(f, registry.load(), today()).stream()
                .filter(Issue::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String operator = store.operator();
        return store.write(ctx -> {
            Optional<Finding> held = InspectionStore.finding(ctx, f.id());
            if (held.isPresent()) {
                return held.get();
            }
            Finding clean = StepRules.recorded(f, operator);
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.save(w, clean);
            InspectionStore.add(
                    w,
                    Step.of(
                            Ids.forKey("finding-found", clean.id()),
                            clean.id(),
                            StepKind.FOUND,
                            clean.foundOn(),
                            operator,
                            null));
            return clean;
        });
    }

    /** Changes what was recorded (description, category, basis …) while the finding is open; the number stays. */
    public void edit(Finding f) {
        edit(f, List.of());
    }

    /**
     * As {@link #edit(Finding)}, adding photos of the problem (linked to its 发现 step, stored first as for
     * {@link #record(Finding, List)}) in the same transaction as the change.
     */
    public void edit(Finding f, List<Path> photos) {
        List<Issue> errors = FindingRules.check(f, registry.load(), today()).stream()
                .filter(Issue::isError)
                .toList();
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Attachment> files = photos.stream().map(attachments::add).toList();
        store.write(ctx -> {
            Finding held = InspectionStore.finding(ctx, f.id())
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Timeline t = Lifecycle.fold(InspectionStore.steps(ctx, f.id()));
            StepRules.requireOpen(t.state());
            // what the life cycle owns is never edited here
            Finding kept = f.toBuilder()
                    .foundBy(held.foundBy())
                    .mergedInto(held.mergedInto())
                    .number(held.number(), held.numberYear(), held.numberSeq())
                    .importBatch(held.importBatch())
                    .build();
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.save(w, kept);
            if (!files.isEmpty()) {
                String found = foundStepIds(InspectionStore.steps(ctx, f.id())).stream()
                        .findFirst()
                        .orElse(null);
                InspectionStore.linkAll(w, ctx, f.id(), found, ids(files));
            }
            return null;
        });
    }

    // ---- 挂号

    /** What numbering gave: how many, and the first and last number (null when none was pending). */
    public record Registered(int count, String first, String last) {
        static Registered of(List<Finding> numbered) {
            return new Registered(
                    numbered.size(),
                    numbered.isEmpty() ? null : numbered.getFirst().number(),
                    numbered.isEmpty() ? null : numbered.getLast().number());
        }
    }

    /** Numbers one finding (hub only); refused when it is not 待挂号. */
    public String register(String findingId) {
        Registered r = register(List.of(findingId), true);
        return r.first();
    }

    /** Numbers every 待挂号 finding, in the order they were found (hub only). */
    public Registered registerPending() {
        return register(null, false);
    }

    /** Numbers the given findings that are 待挂号, in the order they were found (a batch action). */
    public Registered register(List<String> findingIds) {
        return register(findingIds, false);
    }

    private Registered register(List<String> ids, boolean strict) {
        InspectionSettings s = settings();
        StepRules.requireHub(s);
        LocalDate today = today();
        return store.write(ctx -> {
            List<Finding> candidates = ids == null ? InspectionStore.findings(ctx) : InspectionStore.findings(ctx, ids);
            if (strict && candidates.isEmpty()) {
                throw new DomainException("inspection.error.noSuchFinding");
            }
            if (!strict) { // a numbered finding is never 待挂号: the ledger's other steps need not be read and folded
                candidates = candidates.stream().filter(f -> !f.isNumbered()).toList();
            }
            Map<String, List<Step>> steps = InspectionStore.steps(
                    ctx, candidates.stream().map(Finding::id).toList());
            List<Finding> pending = new ArrayList<>();
            for (Finding f : candidates) {
                Timeline t = Lifecycle.fold(steps.getOrDefault(f.id(), List.of()));
                if (t.state() == FindingState.PENDING && !f.isNumbered()) {
                    pending.add(f);
                } else if (strict) {
                    StepRules.allowed(t, StepKind.REGISTER);
                }
            }
            int year = today.getYear();
            List<Finding> numbered =
                    StepRules.number(pending, year, InspectionStore.highestSeq(ctx, year), s.numberFormat());
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.saveAll(w, numbered);
            InspectionStore.addAll(
                    w,
                    numbered.stream()
                            .map(n -> step(n.id(), StepKind.REGISTER, today, n.number()))
                            .toList());
            return Registered.of(numbered);
        });
    }

    // ---- 交办, 签收, 整改

    /** What a notice (交办) says: the deadline and who answers for the rectification. */
    public record Notice(LocalDate deadline, String leader, String department, String person, String text) {}

    /** The deadline a notice proposes for a finding: the day plus its rectification type's usual time. */
    public LocalDate proposedDeadline(Finding f, LocalDate from) {
        return from.plusDays(f.type().defaultDays());
    }

    public void notify(String findingId, Notice n, LocalDate on) {
        act(StepRules.notice(this::step, findingId, n, on));
    }

    /** Sends every 已挂号 finding of a unit with the same notice (a batch action); returns how many went. */
    public int notifyUnit(String unitId, Notice n, LocalDate on) {
        List<String> ids = ledger().stream()
                .filter(e -> e.finding().unitId().equals(unitId) && e.state() == FindingState.REGISTERED)
                .map(LedgerEntry::id)
                .toList();
        for (String id : ids) {
            notify(id, n, on);
        }
        return ids.size();
    }

    public void receipt(String findingId, LocalDate on) {
        act(StepRules.receipt(this::step, findingId, on));
    }

    /** A progress report (of one measure, or of the whole), with its evidence files; returns the step's id. */
    public String progress(String findingId, String text, String measureId, List<Path> evidence, LocalDate on) {
        Step s = StepRules.progress(this::step, findingId, text, measureId, on);
        List<Attachment> files = evidence.stream().map(attachments::add).toList();
        act(s, files, h -> {});
        return s.id();
    }

    /** 申请销号 with the evidence already attached ({@link FindingRules#checkRequestClose}). */
    public void requestClose(String findingId, String text, LocalDate on) {
        requestClose(findingId, text, List.of(), on);
    }

    /**
     * 申请销号 with evidence attached in the request itself (stored first, then linked to the step, as a progress
     * report's are); refused as {@link FindingRules#checkRequestClose} says.
     */
    public void requestClose(String findingId, String text, List<Path> evidence, LocalDate on) {
        Step s = StepRules.requestClose(this::step, findingId, text, on);
        List<Attachment> files = evidence.stream().map(attachments::add).toList();
        act(s, files, h -> {
            List<Dot> orders = new ArrayList<>(h.evidence());
            files.forEach(x -> orders.add(null));
            FindingRules.checkRequestClose(
                    h.timeline(),
                    orders,
                    h.measures().stream().filter(m -> !m.isDone()).count());
        });
    }

    // ---- 核查: 销号, 退回, 二次整改 (verifiers only)

    public void close(String findingId, Verdict verdict, String opinion, LocalDate on) {
        requireVerifier();
        act(StepRules.close(this::step, findingId, verdict, opinion, on));
    }

    public void reject(String findingId, String reason, LocalDate on) {
        requireVerifier();
        act(StepRules.reject(this::step, findingId, reason, on));
    }

    /** 二次整改: the verifier rates the work 一般 or 差 and sets a new deadline. */
    public void rework(String findingId, Verdict verdict, String opinion, LocalDate newDeadline, LocalDate on) {
        requireVerifier();
        act(StepRules.rework(this::step, findingId, verdict, opinion, newDeadline, on));
    }

    private void requireVerifier() {
        StepRules.requireVerifier(store.actor().verifier(), store.operator());
    }

    // ---- 延期, 督办, 回头看, 备注

    public void extend(String findingId, LocalDate newDeadline, String reason, String approver, LocalDate on) {
        Step s = StepRules.extension(this::step, findingId, newDeadline, reason, approver, on);
        act(s, List.of(), h -> StepRules.later(s, h.timeline()));
    }

    public void escalate(String findingId, Escalation kind, String text, LocalDate on) {
        act(StepRules.escalation(this::step, findingId, kind, text, on));
    }

    public void followUp(String findingId, String text, LocalDate on) {
        act(StepRules.followUp(this::step, findingId, text, on));
    }

    public void note(String findingId, String text, LocalDate on) {
        act(StepRules.note(this::step, findingId, text, on));
    }

    // ---- 整改措施

    public List<Measure> measures(String findingId) {
        return InspectionStore.measures(store.read(), findingId);
    }

    /** Adds or changes a measure while the finding is open. */
    public void saveMeasure(Measure m) {
        StepRules.checkMeasure(m);
        store.write(ctx -> {
            StepRules.requireOpen(
                    Lifecycle.fold(InspectionStore.steps(ctx, m.findingId())).state());
            InspectionStore.save(store.tracked(ctx), m);
            return null;
        });
    }

    /** Removes a measure while its finding is open: a closed finding's record is finished, as for saving. */
    public void deleteMeasure(String measureId) {
        store.write(ctx -> {
            String findingId = InspectionStore.findingOfMeasure(ctx, measureId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            StepRules.requireOpen(
                    Lifecycle.fold(InspectionStore.steps(ctx, findingId)).state());
            return InspectionStore.deleteMeasure(store.tracked(ctx), measureId);
        });
    }

    // ---- evidence

    /** A piece of evidence as shown: its link id, the step it came with (or null), and the file. */
    public record Evidence(String id, String stepId, Attachment attachment) {}

    public Evidence attach(String findingId, String stepId, Path file) {
        Attachment a = attachments.add(file);
        String id = InspectionStore.evidenceId(stepId == null ? findingId : stepId, a.id());
        store.write(ctx -> {
            InspectionStore.finding(ctx, findingId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            InspectionStore.link(
                    store.tracked(ctx), ctx, new InspectionStore.EvidenceLink(id, null, findingId, stepId, a.id()));
            return null;
        });
        return new Evidence(id, stepId, a);
    }

    public List<Evidence> evidence(String findingId) {
        List<Evidence> list = new ArrayList<>();
        for (InspectionStore.EvidenceLink l : InspectionStore.evidenceOfFindings(store.read(), List.of(findingId))) {
            attachments.find(l.attachmentId()).ifPresent(a -> list.add(new Evidence(l.id(), l.stepId(), a)));
        }
        return list;
    }

    public Path evidenceFile(Evidence e) {
        return attachments.file(e.attachment().id());
    }

    /** A copy to open in its program, named as the file was added (the stored one has no extension). */
    public Path evidenceToOpen(Evidence e) {
        return attachments.copyToOpen(e.attachment());
    }

    public void removeEvidence(String evidenceId) {
        store.write(ctx -> InspectionStore.unlink(store.tracked(ctx), evidenceId));
    }

    // ---- 合并 and 屡查屡犯

    /**
     * Merges {@code absorbedId} into {@code targetId} (the clerk decided they are one problem): the absorbed
     * finding keeps its timeline and evidence, shown under the target, and stops as 已合并. A number given is never
     * lost or reused: when only the absorbed one is numbered, the clerk must keep that one instead.
     */
    public void merge(String absorbedId, String targetId, LocalDate on) {
        StepRules.checkMergeSelf(absorbedId, targetId);
        store.write(ctx -> {
            Finding absorbed = InspectionStore.finding(ctx, absorbedId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Finding target = InspectionStore.finding(ctx, targetId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Step s = StepRules.merge(
                    this::step,
                    absorbed,
                    Lifecycle.fold(InspectionStore.steps(ctx, absorbedId)),
                    target,
                    Lifecycle.fold(InspectionStore.steps(ctx, targetId)),
                    on);
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.save(w, absorbed.withMergedInto(targetId));
            InspectionStore.add(w, s);
            return null;
        });
    }

    /**
     * 不是重复: the clerk says two findings listed as possible duplicates are two problems; a 备注 naming the other
     * is added to {@code findingId}'s timeline, and the pair is not listed again.
     */
    public void markDistinct(String findingId, String otherId, String text, LocalDate on) {
        store.write(ctx -> {
            Finding f = InspectionStore.finding(ctx, findingId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Finding other = InspectionStore.finding(ctx, otherId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            InspectionStore.add(store.tracked(ctx), StepRules.distinct(this::step, f, other, text, on));
            return null;
        });
    }

    /** Marks a finding as repeating an earlier closed one of the same unit (屡查屡犯). */
    public void markRepeat(String findingId, String earlierId) {
        store.write(ctx -> {
            Finding f = InspectionStore.finding(ctx, findingId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Finding earlier = InspectionStore.finding(ctx, earlierId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            StepRules.checkRepeat(f, earlier, Lifecycle.fold(InspectionStore.steps(ctx, earlierId)));
            InspectionStore.save(store.tracked(ctx), f.withRepeatOf(earlierId));
            return null;
        });
    }

    // ---- reading

    public Optional<Finding> finding(String id) {
        return InspectionStore.finding(store.read(), id);
    }

    /**
     * The fields of a finding that hold another device's value beside the one shown: column, value shown, other value
     * (one per other value); the ledger names them, 数据交换 → 待处理 decides.
     */
    public List<org.taizhang.core.store.HistoryEntry.FieldChange> conflicts(String findingId) {
        List<org.taizhang.core.store.HistoryEntry.FieldChange> list = new ArrayList<>();
        store.conflicts("finding", findingId).forEach(c -> list.addAll(c.asChanges()));
        return list;
    }

    /** A finding's timeline, with the steps of the findings merged into it. */
    public Timeline timeline(String findingId) {
        return Lifecycle.fold(InspectionStore.steps(store.read(), findingId));
    }

    /** The steps of the findings merged into this one, each shown in its own timeline. */
    public Map<Finding, Timeline> mergedInto(String findingId) {
        Map<Finding, Timeline> merged = new java.util.LinkedHashMap<>();
        var ctx = store.read();
        // asked for on every click in the ledger: a query, not every finding read and looked through in Java
        for (Finding f : InspectionStore.findingsMergedInto(ctx, findingId)) {
            merged.put(f, Lifecycle.fold(InspectionStore.steps(ctx, f.id())));
        }
        return merged;
    }

    /** Reads the steps beside the ledger's other queries: a thread of its own per reading, kept a minute when idle. */
    private static final java.util.concurrent.ExecutorService STEP_READER = new java.util.concurrent.ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(),
            Thread.ofPlatform().daemon().name("ledger-steps-", 1).factory());

    /** Every finding as the ledger shows it, read in a few queries and folded here. */
    public List<LedgerEntry> ledger() {
        // the steps are most of the reading (five or so per finding): read on a second core meanwhile, on a
        // connection of its own (readers never block each other in SQLite's WAL mode). Not on the common pool: on a
        // two-core PC it has one worker, and whatever else holds it (a parallel stream, a test runner) would block
        // the ledger until it is done — or for ever, when that work waits for the ledger.
        // and folded there too: the timelines are the other half of the work, and the first core is reading the
        // findings, measures and evidence meanwhile
        java.util.concurrent.CompletableFuture<Map<String, Timeline>> timelinesRead =
                java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> {
                            Map<String, List<Step>> steps = InspectionStore.allSteps(store.read());
                            Map<String, Timeline> folded = HashMap.newHashMap(steps.size());
                            steps.forEach((id, of) -> folded.put(id, Lifecycle.fold(of)));
                            return folded;
                        },
                        STEP_READER);
        var ctx = store.read();
        Registry reg = registry.load();
        List<Finding> findings = InspectionStore.findings(ctx);
        Map<String, List<Measure>> measures = InspectionStore.allMeasures(ctx);
        Map<String, Integer> evidence = InspectionStore.evidenceCounts(ctx);
        Map<String, String> titles =
                InspectionStore.inspections(ctx).stream().collect(Collectors.toMap(Inspection::id, Inspection::title));
        WarningPolicy policy = settings().warnings();
        LocalDate today = today();
        Map<String, Timeline> timelines;
        try {
            timelines = timelinesRead.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Map<String, String> communities = new HashMap<>();
        List<LedgerEntry> entries = new ArrayList<>(findings.size());
        Timeline none = Lifecycle.fold(List.of()); // a finding without steps (none is written so; kept as before)
        for (Finding f : findings) {
            Timeline t = timelines.getOrDefault(f.id(), none);
            String unitName = reg.unit(f.unitId()).map(u -> u.name()).orElse("");
            String community = communities.computeIfAbsent(f.unitId(), u -> communityOf(reg, u));
            String org = f.organizationId() == null
                    ? null
                    : reg.organization(f.organizationId())
                            .map(Organization::name)
                            .orElse(null);
            entries.add(new LedgerEntry(
                    f,
                    t,
                    unitName,
                    community,
                    org,
                    f.inspectionId() == null ? null : titles.get(f.inspectionId()),
                    measures.getOrDefault(f.id(), List.of()),
                    evidence.getOrDefault(f.id(), 0),
                    Warning.of(t.state(), t.deadline(), today, policy)));
        }
        entries.sort(LEDGER_ORDER);
        return entries;
    }

    /** Numbered findings by number, then 待挂号 ones as found. */
    public static final Comparator<LedgerEntry> LEDGER_ORDER = Comparator.comparing(
                    (LedgerEntry e) -> e.finding().numberYear(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.finding().numberSeq(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.finding(), StepRules.FOUND_ORDER);

    /** The community a unit's organizations belong to (the first, when several), or null. */
    static String communityOf(Registry reg, String unitId) {
        for (Organization o : reg.topLevel(unitId)) {
            for (String c : reg.communityIdsOf(o)) {
                Optional<String> name = reg.community(c).map(x -> x.name());
                if (name.isPresent()) {
                    return name.get();
                }
            }
        }
        return null;
    }

    // ---- the shared shape of a step

    private Step step(String findingId, StepKind kind, LocalDate on, String text) {
        return Step.of(Ids.newId(), findingId, kind, on, store.operator(), text);
    }

    /**
     * What a step is decided on: the finding, its timeline, its measures and its rectification evidence (when each
     * piece was first added).
     */
    private record Held(Finding finding, Timeline timeline, List<Measure> measures, List<Dot> evidence) {}

    private void act(Step s) {
        act(s, List.of(), h -> {});
    }

    /**
     * One step, in one transaction: the state must allow it, {@code check} may still refuse it (it throws), and it
     * is not dated before the problem was found ({@link StepRules#joins}); then the step is written with the
     * evidence that came with it.
     */
    private void act(Step s, List<Attachment> files, java.util.function.Consumer<Held> check) {
        String findingId = s.findingId();
        store.write(ctx -> {
            Finding f = InspectionStore.finding(ctx, findingId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            List<Step> steps = InspectionStore.steps(ctx, findingId);
            Timeline t = Lifecycle.fold(steps);
            StepRules.allowed(t, s.kind());
            // evidence of the rectification: not the photos of the problem, which hang on the 发现 step
            Set<String> found = foundStepIds(steps);
            Map<String, Dot> orders = InspectionStore.evidenceOrders(ctx, findingId);
            Held held = new Held(
                    f,
                    t,
                    InspectionStore.measures(ctx, findingId),
                    InspectionStore.evidenceOfFindings(ctx, List.of(findingId)).stream()
                            .filter(l -> l.stepId() == null || !found.contains(l.stepId()))
                            .map(l -> orders.get(l.id()))
                            .toList());
            check.accept(held);
            StepRules.joins(f, t, s);
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.add(w, s);
            InspectionStore.linkAll(w, ctx, findingId, s.id(), ids(files));
            return null;
        });
    }

    /** The 发现 step(s) of a timeline: photos of the problem hang on them, not evidence of its rectification. */
    private static Set<String> foundStepIds(List<Step> steps) {
        return steps.stream()
                .filter(s -> s.kind() == StepKind.FOUND)
                .map(Step::id)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static List<String> ids(List<Attachment> files) {
        return files.stream().map(Attachment::id).toList();
    }

    // ---- many steps in one transaction (the sample data, benchmarks)

    /** Stores an evidence file for a {@link FindingBatch} (attachments are written in transactions of their own). */
    public Attachment storeEvidence(Path file) {
        return attachments.add(file);
    }

    /**
     * Runs {@code work} as one transaction of many actions. Each action is checked by the same rules as the single
     * actions above (the life cycle's transitions, a notice's deadline, evidence and done measures before 申请销号,
     * a verifier for 核查 …) against what the batch did before it; at the end everything is written through the
     * tracked writer in the order it was done, so the steps fold in that order and every row travels with its
     * history. A batch acts only on the findings it records itself. Its step ids derive from the finding and the
     * step's place in the timeline, so the same batch on two devices makes the same records (ADR 0006).
     */
    public <T> T batch(java.util.function.Function<FindingBatch, T> work) {
        InspectionSettings s = settings();
        Registry reg = registry.load();
        String operator = store.operator();
        return store.write(ctx -> {
            FindingBatch b = new FindingBatch(
                    s,
                    reg,
                    operator,
                    year -> InspectionStore.highestSeq(ctx, year),
                    id -> InspectionStore.finding(ctx, id).isPresent(),
                    today());
            T result = work.apply(b);
            b.writeTo(store.tracked(ctx));
            return result;
        });
    }

    /** Whether the ledger ever held a finding (the sample goes only into one that never did). */
    public boolean hasFindings() {
        return InspectionStore.hasFindings(store.read());
    }
}
