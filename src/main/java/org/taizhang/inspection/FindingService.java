package org.taizhang.inspection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.attachment.AttachmentStore;
import org.taizhang.core.i18n.Text;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.organization.Organization;
import org.taizhang.organization.Registry;
import org.taizhang.organization.RegistryService;

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
                store.localSetting(InspectionSettings.VERIFIER_KEY)
                        .map("true"::equals)
                        .orElse(false),
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
        store.setOperator(s.operator());
        store.putLocalSetting(InspectionSettings.VERIFIER_KEY, Boolean.toString(s.verifier()));
        if (s.hub() && !store.isHub()) {
            store.designateHub();
        } else if (!s.hub()) {
            store.designateField();
        }
        store.putLocalSetting(
                InspectionSettings.NUMBER_FORMAT_KEY, s.numberFormat().pattern());
        store.putLocalSetting(InspectionSettings.WARNINGS_KEY, s.warnings().format());
    }

    /** The 填报单位 the ledger's reports name (a setting of this installation, not of the ledger's records). */
    public String committee() {
        return store.committee();
    }

    public void saveCommittee(String name) {
        if (name != null && name.strip().length() > COMMITTEE_MAX_LENGTH) {
            throw new DomainException("inspection.error.committeeTooLong", COMMITTEE_MAX_LENGTH);
        }
        store.setCommittee(name);
    }

    /** As an organization's name in the registry. */
    public static final int COMMITTEE_MAX_LENGTH = 100;

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
        Finding clean = new Finding(
                f.id(),
                f.inspectionId(),
                f.visitId(),
                f.unitId(),
                f.organizationId(),
                f.category(),
                f.description().strip(),
                f.basis(),
                f.severity(),
                f.type(),
                f.source(),
                f.sourceRef(),
                f.foundOn(),
                f.foundBy() == null ? store.operator() : f.foundBy(),
                f.repeatOf(),
                null,
                null,
                null,
                null,
                f.importBatch(),
                f.internalNotes());
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
            Finding clean = f.foundBy() == null ? withFoundBy(f, operator) : f;
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
            if (!t.state().isOpen()) {
                throw new DomainException(
                        "inspection.error.notOpen", new Text(t.state().labelKey()));
            }
            // what the life cycle owns is never edited here
            Finding kept = new Finding(
                    held.id(),
                    f.inspectionId(),
                    f.visitId(),
                    f.unitId(),
                    f.organizationId(),
                    f.category(),
                    f.description(),
                    f.basis(),
                    f.severity(),
                    f.type(),
                    f.source(),
                    f.sourceRef(),
                    f.foundOn(),
                    held.foundBy(),
                    f.repeatOf(),
                    held.mergedInto(),
                    held.number(),
                    held.numberYear(),
                    held.numberSeq(),
                    held.importBatch(),
                    f.internalNotes());
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
    public record Registered(int count, String first, String last) {}

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
        if (!s.hub()) {
            throw new DomainException("inspection.error.registerOnHub");
        }
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
                    throw new DomainException(
                            "inspection.error.notAllowed",
                            new Text(StepKind.REGISTER.labelKey()),
                            new Text(t.state().labelKey()));
                }
            }
            pending.sort(FOUND_ORDER);
            int year = today.getYear();
            int seq = InspectionStore.highestSeq(ctx, year);
            TrackedWriter w = store.tracked(ctx);
            List<Finding> numbered = new ArrayList<>();
            List<Step> registered = new ArrayList<>();
            for (Finding f : pending) {
                seq++;
                Finding n = f.withNumber(s.numberFormat().format(year, seq), year, seq);
                numbered.add(n);
                registered.add(step(f.id(), StepKind.REGISTER, today, n.number()));
            }
            InspectionStore.saveAll(w, numbered);
            InspectionStore.addAll(w, registered);
            return new Registered(
                    numbered.size(),
                    numbered.isEmpty() ? null : numbered.getFirst().number(),
                    numbered.isEmpty() ? null : numbered.getLast().number());
        });
    }

    /** The order 待挂号 findings are numbered in: as found, then as recorded (the id breaks ties the same way). */
    static final Comparator<Finding> FOUND_ORDER = Comparator.comparing(Finding::foundOn)
            .thenComparing(f -> f.sourceRef() == null ? "" : f.sourceRef())
            .thenComparing(Finding::id);

    // ---- 交办, 签收, 整改

    /** What a notice (交办) says: the deadline and who answers for the rectification. */
    public record Notice(LocalDate deadline, String leader, String department, String person, String text) {}

    /** The deadline a notice proposes for a finding: the day plus its rectification type's usual time. */
    public LocalDate proposedDeadline(Finding f, LocalDate from) {
        return from.plusDays(f.type().defaultDays());
    }

    public void notify(String findingId, Notice n, LocalDate on) {
        if (n.deadline() == null) {
            throw new DomainException("inspection.error.deadlineRequired");
        }
        if (n.deadline().isBefore(on)) {
            throw new DomainException("inspection.error.deadlineBeforeDay");
        }
        act(
                findingId,
                StepKind.NOTIFY,
                (f, t) -> step(findingId, StepKind.NOTIFY, on, n.text())
                        .withDeadline(n.deadline())
                        .withPeople(blankToNull(n.leader()), blankToNull(n.department()), blankToNull(n.person())));
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
        act(findingId, StepKind.RECEIPT, (f, t) -> step(findingId, StepKind.RECEIPT, on, null));
    }

    /** A progress report (of one measure, or of the whole), with its evidence files; returns the step's id. */
    public String progress(String findingId, String text, String measureId, List<Path> evidence, LocalDate on) {
        if (text == null || text.isBlank()) {
            throw new DomainException("inspection.error.progressRequired");
        }
        List<Attachment> files = evidence.stream().map(attachments::add).toList();
        String stepId = Ids.newId();
        act(
                findingId,
                StepKind.PROGRESS,
                h -> new Step(
                        stepId,
                        findingId,
                        StepKind.PROGRESS,
                        on,
                        store.operator(),
                        text.strip(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        measureId,
                        null,
                        null),
                files);
        return stepId;
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
        List<Attachment> files = evidence.stream().map(attachments::add).toList();
        act(
                findingId,
                StepKind.REQUEST_CLOSE,
                h -> {
                    List<Dot> orders = new ArrayList<>(h.evidence());
                    files.forEach(x -> orders.add(null));
                    FindingRules.checkRequestClose(
                            h.timeline(),
                            orders,
                            h.measures().stream().filter(m -> !m.isDone()).count());
                    return step(findingId, StepKind.REQUEST_CLOSE, on, blankToNull(text));
                },
                files);
    }

    // ---- 核查: 销号, 退回, 二次整改 (verifiers only)

    public void close(String findingId, Verdict verdict, String opinion, LocalDate on) {
        requireVerifier();
        if (verdict == null || !verdict.closes()) {
            throw new DomainException("inspection.error.closeVerdict");
        }
        act(
                findingId,
                StepKind.CLOSE,
                (f, t) -> step(findingId, StepKind.CLOSE, on, blankToNull(opinion))
                        .withVerdict(verdict));
    }

    public void reject(String findingId, String reason, LocalDate on) {
        requireVerifier();
        if (reason == null || reason.isBlank()) {
            throw new DomainException("inspection.error.reasonRequired");
        }
        act(findingId, StepKind.REJECT, (f, t) -> step(findingId, StepKind.REJECT, on, reason.strip()));
    }

    /** 二次整改: the verifier rates the work 一般 or 差 and sets a new deadline. */
    public void rework(String findingId, Verdict verdict, String opinion, LocalDate newDeadline, LocalDate on) {
        requireVerifier();
        if (verdict == null || verdict.closes()) {
            throw new DomainException("inspection.error.reworkVerdict");
        }
        if (newDeadline == null || newDeadline.isBefore(on)) {
            throw new DomainException("inspection.error.deadlineBeforeDay");
        }
        act(
                findingId,
                StepKind.REWORK,
                (f, t) -> step(findingId, StepKind.REWORK, on, blankToNull(opinion))
                        .withVerdict(verdict)
                        .withDeadline(newDeadline));
    }

    private void requireVerifier() {
        if (!settings().verifier()) {
            throw new DomainException("inspection.error.notVerifier", store.operator());
        }
    }

    // ---- 延期, 督办, 回头看, 备注

    public void extend(String findingId, LocalDate newDeadline, String reason, String approver, LocalDate on) {
        if (reason == null || reason.isBlank() || approver == null || approver.isBlank()) {
            throw new DomainException("inspection.error.extensionIncomplete");
        }
        act(findingId, StepKind.EXTEND, (f, t) -> {
            if (newDeadline == null || (t.deadline() != null && !newDeadline.isAfter(t.deadline()))) {
                throw new DomainException("inspection.error.extensionNotLater", t.deadline());
            }
            return step(findingId, StepKind.EXTEND, on, reason.strip())
                    .withDeadline(newDeadline)
                    .withApprover(approver.strip());
        });
    }

    public void escalate(String findingId, Escalation kind, String text, LocalDate on) {
        Objects.requireNonNull(kind, "kind");
        act(
                findingId,
                StepKind.ESCALATE,
                (f, t) -> step(findingId, StepKind.ESCALATE, on, blankToNull(text))
                        .withEscalation(kind));
    }

    public void followUp(String findingId, String text, LocalDate on) {
        if (text == null || text.isBlank()) {
            throw new DomainException("inspection.error.textRequired");
        }
        act(findingId, StepKind.FOLLOW_UP, (f, t) -> step(findingId, StepKind.FOLLOW_UP, on, text.strip()));
    }

    public void note(String findingId, String text, LocalDate on) {
        if (text == null || text.isBlank()) {
            throw new DomainException("inspection.error.textRequired");
        }
        act(findingId, StepKind.NOTE, (f, t) -> step(findingId, StepKind.NOTE, on, text.strip()));
    }

    // ---- 整改措施

    public List<Measure> measures(String findingId) {
        return InspectionStore.measures(store.read(), findingId);
    }

    /** Adds or changes a measure while the finding is open. */
    public void saveMeasure(Measure m) {
        if (m.text() == null || m.text().isBlank()) {
            throw new DomainException("inspection.error.measureTextRequired");
        }
        store.write(ctx -> {
            Timeline t = Lifecycle.fold(InspectionStore.steps(ctx, m.findingId()));
            if (!t.state().isOpen()) {
                throw new DomainException(
                        "inspection.error.notOpen", new Text(t.state().labelKey()));
            }
            InspectionStore.save(store.tracked(ctx), m);
            return null;
        });
    }

    /** Removes a measure while its finding is open: a closed finding's record is finished, as for saving. */
    public void deleteMeasure(String measureId) {
        store.write(ctx -> {
            String findingId = InspectionStore.findingOfMeasure(ctx, measureId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Timeline t = Lifecycle.fold(InspectionStore.steps(ctx, findingId));
            if (!t.state().isOpen()) {
                throw new DomainException(
                        "inspection.error.notOpen", new Text(t.state().labelKey()));
            }
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
        if (absorbedId.equals(targetId)) {
            throw new DomainException("inspection.error.mergeSelf");
        }
        store.write(ctx -> {
            Finding absorbed = InspectionStore.finding(ctx, absorbedId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            Finding target = InspectionStore.finding(ctx, targetId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            if (!absorbed.unitId().equals(target.unitId())) {
                throw new DomainException("inspection.error.mergeOtherUnit");
            }
            if (absorbed.isNumbered() && !target.isNumbered()) {
                throw new DomainException("inspection.error.mergeKeepNumber", absorbed.number());
            }
            Timeline tt = Lifecycle.fold(InspectionStore.steps(ctx, targetId));
            if (!tt.state().isOpen()) {
                throw new DomainException(
                        "inspection.error.notOpen", new Text(tt.state().labelKey()));
            }
            Timeline ta = Lifecycle.fold(InspectionStore.steps(ctx, absorbedId));
            if (Lifecycle.next(ta.state(), StepKind.MERGE).isEmpty()) {
                throw new DomainException(
                        "inspection.error.notAllowed",
                        new Text(StepKind.MERGE.labelKey()),
                        new Text(ta.state().labelKey()));
            }
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.save(w, absorbed.withMergedInto(targetId));
            InspectionStore.add(
                    w, step(absorbedId, StepKind.MERGE, on, target.number()).withOther(targetId));
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
            if (!earlier.unitId().equals(f.unitId()) || earlierId.equals(findingId)) {
                throw new DomainException("inspection.error.repeatOtherUnit");
            }
            if (!Lifecycle.fold(InspectionStore.steps(ctx, earlierId)).isClosed()) {
                throw new DomainException("inspection.error.repeatNotClosed");
            }
            if (!sameProblemKind(f, earlier)) {
                throw new DomainException("inspection.error.repeatOtherCategory");
            }
            InspectionStore.save(store.tracked(ctx), f.withRepeatOf(earlierId));
            return null;
        });
    }

    /** 屡查屡犯 means the same kind of problem: the same category, or the same checklist item (source ref). */
    public static boolean sameProblemKind(Finding f, Finding earlier) {
        return java.util.Objects.equals(f.category(), earlier.category())
                || (f.sourceRef() != null && f.sourceRef().equals(earlier.sourceRef()));
    }

    // ---- reading

    public Optional<Finding> finding(String id) {
        return InspectionStore.finding(store.read(), id);
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

    /** Every finding as the ledger shows it, read in a few queries and folded here. */
    public List<LedgerEntry> ledger() {
        // the steps are most of the reading (five or so per finding): read on a second core meanwhile, on a
        // connection of its own (readers never block each other in SQLite's WAL mode)
        java.util.concurrent.CompletableFuture<Map<String, List<Step>>> stepsRead =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> InspectionStore.allSteps(store.read()));
        var ctx = store.read();
        Registry reg = registry.load();
        List<Finding> findings = InspectionStore.findings(ctx);
        Map<String, List<Measure>> measures = InspectionStore.allMeasures(ctx);
        Map<String, Integer> evidence = InspectionStore.evidenceCounts(ctx);
        Map<String, String> titles =
                InspectionStore.inspections(ctx).stream().collect(Collectors.toMap(Inspection::id, Inspection::title));
        WarningPolicy policy = settings().warnings();
        LocalDate today = today();
        Map<String, List<Step>> steps;
        try {
            steps = stepsRead.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        Map<String, String> communities = new HashMap<>();
        List<LedgerEntry> entries = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Timeline t = Lifecycle.fold(steps.getOrDefault(f.id(), List.of()));
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
            .thenComparing(e -> e.finding(), FOUND_ORDER);

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

    private void act(String findingId, StepKind kind, java.util.function.BiFunction<Finding, Timeline, Step> make) {
        act(findingId, kind, h -> make.apply(h.finding(), h.timeline()), List.of());
    }

    /**
     * One step, in one transaction: the state must allow it, {@code make} may still refuse (it throws), then the
     * step is written with the evidence that came with it.
     */
    private void act(
            String findingId, StepKind kind, java.util.function.Function<Held, Step> make, List<Attachment> files) {
        store.write(ctx -> {
            Finding f = InspectionStore.finding(ctx, findingId)
                    .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
            List<Step> steps = InspectionStore.steps(ctx, findingId);
            Timeline t = Lifecycle.fold(steps);
            if (Lifecycle.next(t.state(), kind).isEmpty()) {
                throw new DomainException(
                        "inspection.error.notAllowed",
                        new Text(kind.labelKey()),
                        new Text(t.state().labelKey()));
            }
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
            Step s = make.apply(held);
            // a step happens after the problem was found (a 交办 dated before it is a typing error)
            if (s.occurredOn() != null && f.foundOn() != null && s.occurredOn().isBefore(f.foundOn())) {
                throw new DomainException("inspection.error.stepBeforeFound", s.occurredOn(), f.foundOn());
            }
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- files: findings imported in bulk, progress from a unit's feedback form

    /** When the spreadsheet with this SHA-256 was first imported, if ever (the time of its first finding). */
    public Optional<java.time.Instant> importedAt(String batch) {
        return InspectionStore.importedAt(store.read(), batch).map(java.time.Instant::parse);
    }

    /**
     * Records findings imported from one spreadsheet (each 待挂号, with its 发现 step) in one transaction: all
     * or none. Each must already carry its {@code importBatch}; a batch imported before is refused (the same
     * file twice adds nothing), and so is a finding that breaks a rule (the caller checked them row by row).
     */
    public int recordAll(List<Finding> findings) {
        Registry reg = registry.load();
        for (Finding f : findings) {
            if (f.importBatch() == null) {
                throw new IllegalArgumentException("an imported finding names its batch");
            }
            List<Issue> errors = FindingRules.check(f, reg, today()).stream()
                    .filter(Issue::isError)
                    .toList();
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
        String operator = store.operator();
        return store.write(ctx -> {
            for (String batch :
                    findings.stream().map(Finding::importBatch).distinct().toList()) {
                Optional<String> at = InspectionStore.importedAt(ctx, batch);
                if (at.isPresent()) {
                    throw new DomainException(
                            "findingImport.error.alreadyImported", localTime(java.time.Instant.parse(at.get())));
                }
            }
            List<Finding> clean = findings.stream()
                    .map(f -> f.foundBy() == null ? withFoundBy(f, operator) : f)
                    .toList();
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.saveAll(w, clean);
            InspectionStore.addAll(
                    w,
                    clean.stream()
                            .map(f -> Step.of(
                                    Ids.forKey("finding-found", f.id()),
                                    f.id(),
                                    StepKind.FOUND,
                                    f.foundOn(),
                                    operator,
                                    null))
                            .toList());
            return clean.size();
        });
    }

    /** An instant as a clerk reads it, on this computer's clock: 2026-06-15 10:00. */
    public static String localTime(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault())
                .format(at);
    }

    private static Finding withFoundBy(Finding f, String by) {
        return new Finding(
                f.id(),
                f.inspectionId(),
                f.visitId(),
                f.unitId(),
                f.organizationId(),
                f.category(),
                f.description().strip(),
                f.basis(),
                f.severity(),
                f.type(),
                f.source(),
                f.sourceRef(),
                f.foundOn(),
                by,
                f.repeatOf(),
                null,
                null,
                null,
                null,
                f.importBatch(),
                f.internalNotes());
    }

    /** Which of these step ids are held (a feedback form read again makes the same ids). */
    public java.util.Set<String> heldSteps(java.util.Collection<String> stepIds) {
        var ctx = store.read();
        return stepIds.stream().filter(id -> InspectionStore.hasStep(ctx, id)).collect(Collectors.toSet());
    }

    /**
     * Adds progress reports read from a unit's feedback form, in one transaction: a step whose id is already held
     * is skipped (the same form twice adds nothing); any other whose finding no longer allows progress refuses
     * the whole set. The operator is the clerk who imports the form. Returns how many were added.
     */
    public int addProgress(List<Step> reports) {
        String operator = store.operator();
        return store.write(ctx -> {
            List<Step> added = new ArrayList<>();
            for (Step s : reports) {
                if (s.kind() != StepKind.PROGRESS) {
                    throw new IllegalArgumentException("progress reports only");
                }
                if (InspectionStore.hasStep(ctx, s.id())) {
                    continue;
                }
                InspectionStore.finding(ctx, s.findingId())
                        .orElseThrow(() -> new DomainException("inspection.error.noSuchFinding"));
                Timeline t = Lifecycle.fold(InspectionStore.steps(ctx, s.findingId()));
                if (Lifecycle.next(t.state(), StepKind.PROGRESS).isEmpty()) {
                    throw new DomainException(
                            "inspection.error.notAllowed",
                            new Text(StepKind.PROGRESS.labelKey()),
                            new Text(t.state().labelKey()));
                }
                added.add(new Step(
                        s.id(),
                        s.findingId(),
                        StepKind.PROGRESS,
                        s.occurredOn(),
                        operator,
                        s.text(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        s.measureId(),
                        null,
                        null));
            }
            InspectionStore.addAll(store.tracked(ctx), added);
            return added.size();
        });
    }

    // ---- many steps in one transaction (the sample data, benchmarks)

    /** Stores an evidence file for a {@link Batch} (attachments are written in transactions of their own). */
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
    public <T> T batch(java.util.function.Function<Batch, T> work) {
        InspectionSettings s = settings();
        Registry reg = registry.load();
        String operator = store.operator();
        return store.write(ctx -> {
            Batch b = new Batch(
                    s,
                    reg,
                    operator,
                    year -> InspectionStore.highestSeq(ctx, year),
                    id -> InspectionStore.finding(ctx, id).isPresent(),
                    today());
            T result = work.apply(b);
            TrackedWriter w = store.tracked(ctx);
            InspectionStore.saveAll(w, List.copyOf(b.findings.values()));
            InspectionStore.addAll(w, b.written);
            InspectionStore.saveAllMeasures(w, List.copyOf(b.measures.values()));
            InspectionStore.addAllEvidence(w, b.links);
            return result;
        });
    }

    /** The actions of one {@link #batch}; see there. Not thread-safe, and valid only inside its batch. */
    public static final class Batch {
        private final LocalDate today;
        private final InspectionSettings settings;
        private final Registry registry;
        private final java.util.function.IntUnaryOperator highestSeq;
        private final java.util.function.Predicate<String> held;
        private final Map<String, Finding> findings = new java.util.LinkedHashMap<>();
        private final Map<String, List<Step>> steps = new HashMap<>();
        private final List<Step> written = new ArrayList<>();
        private final Map<String, Measure> measures = new java.util.LinkedHashMap<>();
        /** Per finding, when each piece of its rectification evidence came (the dot of its progress step). */
        private final Map<String, List<Dot>> evidence = new HashMap<>();

        private final List<InspectionStore.EvidenceLink> links = new ArrayList<>();
        private final Map<Integer, Integer> seqs = new HashMap<>();
        private String operator;
        private boolean verifier;
        private long order;

        private Batch(
                InspectionSettings settings,
                Registry registry,
                String operator,
                java.util.function.IntUnaryOperator highestSeq,
                java.util.function.Predicate<String> held,
                LocalDate today) {
            this.today = today;
            this.settings = settings;
            this.registry = registry;
            this.operator = operator;
            this.verifier = settings.verifier();
            this.highestSeq = highestSeq;
            this.held = held;
        }

        /**
         * The sample's own people act from here on (the clerk, a team member, its 核查人), as its timelines name
         * them; package-private, so the public batch always acts as this installation's operator.
         */
        Batch as(String name, boolean isVerifier) {
            this.operator = name;
            this.verifier = isVerifier;
            return this;
        }

        /** As {@link FindingService#record}: checked by {@link FindingRules}, recorded 待挂号 with its 发现 step. */
        public Finding record(Finding f) {
            List<Issue> errors = FindingRules.check(f, registry, today).stream()
                    .filter(Issue::isError)
                    .toList();
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            if (findings.containsKey(f.id()) || held.test(f.id())) {
                throw new DomainException("inspection.error.findingExists");
            }
            Finding clean = new Finding(
                    f.id(),
                    f.inspectionId(),
                    f.visitId(),
                    f.unitId(),
                    f.organizationId(),
                    f.category(),
                    f.description().strip(),
                    f.basis(),
                    f.severity(),
                    f.type(),
                    f.source(),
                    f.sourceRef(),
                    f.foundOn(),
                    f.foundBy() == null ? operator : f.foundBy(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    f.importBatch(),
                    f.internalNotes());
            findings.put(clean.id(), clean);
            steps.put(clean.id(), new ArrayList<>());
            add(step(clean.id(), StepKind.FOUND, clean.foundOn(), null));
            return clean;
        }

        /**
         * As {@link FindingService#register(List)}, on the day {@code on}: the 待挂号 ones among {@code ids} are
         * numbered in the order found, in the year of {@code on} (hub only).
         */
        public Registered register(List<String> ids, LocalDate on) {
            if (!settings.hub()) {
                throw new DomainException("inspection.error.registerOnHub");
            }
            List<Finding> pending = new ArrayList<>();
            for (String id : ids) {
                Finding f = finding(id);
                if (timeline(id).state() == FindingState.PENDING && !f.isNumbered()) {
                    pending.add(f);
                }
            }
            pending.sort(FOUND_ORDER);
            int year = on.getYear();
            int seq = seqs.computeIfAbsent(year, highestSeq::applyAsInt);
            List<Finding> numbered = new ArrayList<>();
            for (Finding f : pending) {
                seq++;
                Finding n = f.withNumber(settings.numberFormat().format(year, seq), year, seq);
                findings.put(n.id(), n);
                numbered.add(n);
                add(step(n.id(), StepKind.REGISTER, on, n.number()));
            }
            seqs.put(year, seq);
            return new Registered(
                    numbered.size(),
                    numbered.isEmpty() ? null : numbered.getFirst().number(),
                    numbered.isEmpty() ? null : numbered.getLast().number());
        }

        public void notify(String findingId, Notice n, LocalDate on) {
            if (n.deadline() == null) {
                throw new DomainException("inspection.error.deadlineRequired");
            }
            if (n.deadline().isBefore(on)) {
                throw new DomainException("inspection.error.deadlineBeforeDay");
            }
            act(step(findingId, StepKind.NOTIFY, on, n.text())
                    .withDeadline(n.deadline())
                    .withPeople(blankToNull(n.leader()), blankToNull(n.department()), blankToNull(n.person())));
        }

        public void receipt(String findingId, LocalDate on) {
            act(step(findingId, StepKind.RECEIPT, on, null));
        }

        /** As {@link FindingService#progress}, with evidence already stored ({@link #storeEvidence}). */
        public String progress(String findingId, String text, String measureId, List<Attachment> files, LocalDate on) {
            if (text == null || text.isBlank()) {
                throw new DomainException("inspection.error.progressRequired");
            }
            Step s = step(findingId, StepKind.PROGRESS, on, text.strip()).withMeasure(measureId);
            act(s);
            Dot at = steps.get(findingId).getLast().order();
            for (Attachment a : files) {
                String id = InspectionStore.evidenceId(s.id(), a.id());
                if (links.stream().noneMatch(l -> l.id().equals(id))) {
                    links.add(new InspectionStore.EvidenceLink(id, null, findingId, s.id(), a.id()));
                    evidence.computeIfAbsent(findingId, x -> new ArrayList<>()).add(at);
                }
            }
            return s.id();
        }

        public void requestClose(String findingId, String text, LocalDate on) {
            Step s = step(findingId, StepKind.REQUEST_CLOSE, on, blankToNull(text));
            allowed(s);
            FindingRules.checkRequestClose(
                    timeline(findingId),
                    evidence.getOrDefault(findingId, List.of()),
                    measures.values().stream()
                            .filter(m -> m.findingId().equals(findingId) && !m.isDone())
                            .count());
            add(s);
        }

        public void close(String findingId, Verdict verdict, String opinion, LocalDate on) {
            requireVerifier();
            if (verdict == null || !verdict.closes()) {
                throw new DomainException("inspection.error.closeVerdict");
            }
            act(step(findingId, StepKind.CLOSE, on, blankToNull(opinion)).withVerdict(verdict));
        }

        public void reject(String findingId, String reason, LocalDate on) {
            requireVerifier();
            if (reason == null || reason.isBlank()) {
                throw new DomainException("inspection.error.reasonRequired");
            }
            act(step(findingId, StepKind.REJECT, on, reason.strip()));
        }

        public void rework(String findingId, Verdict verdict, String opinion, LocalDate newDeadline, LocalDate on) {
            requireVerifier();
            if (verdict == null || verdict.closes()) {
                throw new DomainException("inspection.error.reworkVerdict");
            }
            if (newDeadline == null || newDeadline.isBefore(on)) {
                throw new DomainException("inspection.error.deadlineBeforeDay");
            }
            act(step(findingId, StepKind.REWORK, on, blankToNull(opinion))
                    .withVerdict(verdict)
                    .withDeadline(newDeadline));
        }

        public void extend(String findingId, LocalDate newDeadline, String reason, String approver, LocalDate on) {
            if (reason == null || reason.isBlank() || approver == null || approver.isBlank()) {
                throw new DomainException("inspection.error.extensionIncomplete");
            }
            Step s = step(findingId, StepKind.EXTEND, on, reason.strip())
                    .withDeadline(newDeadline)
                    .withApprover(approver.strip());
            allowed(s);
            LocalDate deadline = timeline(findingId).deadline();
            if (newDeadline == null || (deadline != null && !newDeadline.isAfter(deadline))) {
                throw new DomainException("inspection.error.extensionNotLater", deadline);
            }
            add(s);
        }

        public void escalate(String findingId, Escalation kind, String text, LocalDate on) {
            Objects.requireNonNull(kind, "kind");
            act(step(findingId, StepKind.ESCALATE, on, blankToNull(text)).withEscalation(kind));
        }

        public void followUp(String findingId, String text, LocalDate on) {
            if (text == null || text.isBlank()) {
                throw new DomainException("inspection.error.textRequired");
            }
            act(step(findingId, StepKind.FOLLOW_UP, on, text.strip()));
        }

        /** As {@link FindingService#saveMeasure}: while the finding is open. */
        public void saveMeasure(Measure m) {
            if (m.text() == null || m.text().isBlank()) {
                throw new DomainException("inspection.error.measureTextRequired");
            }
            FindingState state = timeline(m.findingId()).state();
            if (!state.isOpen()) {
                throw new DomainException("inspection.error.notOpen", new Text(state.labelKey()));
            }
            measures.put(m.id(), m);
        }

        /** As {@link FindingService#merge}. */
        public void merge(String absorbedId, String targetId, LocalDate on) {
            if (absorbedId.equals(targetId)) {
                throw new DomainException("inspection.error.mergeSelf");
            }
            Finding absorbed = finding(absorbedId);
            Finding target = finding(targetId);
            if (!absorbed.unitId().equals(target.unitId())) {
                throw new DomainException("inspection.error.mergeOtherUnit");
            }
            if (absorbed.isNumbered() && !target.isNumbered()) {
                throw new DomainException("inspection.error.mergeKeepNumber", absorbed.number());
            }
            FindingState targetState = timeline(targetId).state();
            if (!targetState.isOpen()) {
                throw new DomainException("inspection.error.notOpen", new Text(targetState.labelKey()));
            }
            act(step(absorbedId, StepKind.MERGE, on, target.number()).withOther(targetId));
            findings.put(absorbedId, absorbed.withMergedInto(targetId));
        }

        /** As {@link FindingService#markRepeat}. */
        public void markRepeat(String findingId, String earlierId) {
            Finding f = finding(findingId);
            Finding earlier = finding(earlierId);
            if (!earlier.unitId().equals(f.unitId()) || earlierId.equals(findingId)) {
                throw new DomainException("inspection.error.repeatOtherUnit");
            }
            if (!timeline(earlierId).isClosed()) {
                throw new DomainException("inspection.error.repeatNotClosed");
            }
            findings.put(findingId, f.withRepeatOf(earlierId));
        }

        /** What the batch has done to a finding so far. */
        public Timeline timeline(String findingId) {
            finding(findingId);
            return Lifecycle.fold(steps.get(findingId));
        }

        private Finding finding(String id) {
            Finding f = findings.get(id);
            if (f == null) {
                throw new DomainException("inspection.error.noSuchFinding");
            }
            return f;
        }

        private void requireVerifier() {
            if (!verifier) {
                throw new DomainException("inspection.error.notVerifier", operator);
            }
        }

        /** The n-th step of a finding has the same id wherever the batch runs. */
        private Step step(String findingId, StepKind kind, LocalDate on, String text) {
            int n = steps.containsKey(findingId) ? steps.get(findingId).size() : 0;
            return Step.of(
                    Ids.forKey("finding_step", findingId, Integer.toString(n)), findingId, kind, on, operator, text);
        }

        private void act(Step s) {
            allowed(s);
            add(s);
        }

        private void allowed(Step s) {
            FindingState state = timeline(s.findingId()).state();
            if (Lifecycle.next(state, s.kind()).isEmpty()) {
                throw new DomainException(
                        "inspection.error.notAllowed", new Text(s.kind().labelKey()), new Text(state.labelKey()));
            }
        }

        /** Kept in the order done: folded in it here (a dot of the batch's own), and written in it. */
        private void add(Step s) {
            steps.get(s.findingId()).add(s.withOrder(new org.taizhang.core.store.Dot(++order, "batch")));
            written.add(s);
        }
    }

    /**
     * The sample: two inspection rounds of the sample registry with about 300 findings over every state (see
     * SampleFindings). Only into a ledger that never held a finding; returns how many findings it made.
     */
    public int importSample() {
        if (InspectionStore.hasFindings(store.read())) {
            return 0;
        }
        if (store.hubDeviceId().isEmpty()) {
            store.designateHub(); // the sample's findings are numbered: the demo database is the hub
        }
        return SampleFindings.load(this, new InspectionService(store), today());
    }
}
