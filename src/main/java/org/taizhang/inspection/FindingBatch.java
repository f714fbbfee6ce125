package org.taizhang.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.core.attachment.Attachment;
import org.taizhang.core.store.Dot;
import org.taizhang.core.store.TrackedWriter;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Step;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.store.InspectionStore;
import org.taizhang.organization.model.Registry;

/**
 * The actions of one {@link FindingService#batch}: many steps in one transaction (the sample data, benchmarks).
 * Each action is checked by the same {@link StepRules} as the service's single actions, against what the batch did
 * before it; {@link #writeTo} then writes everything through the tracked writer in the order it was done, so the steps
 * fold in that order and every row travels with its history. A batch acts only on the findings it records itself.
 * Its step ids derive from the finding and the step's place in the timeline, so the same batch on two devices makes
 * the same records (ADR 0006). Not thread-safe, and valid only inside its batch.
 */
public final class FindingBatch {
    private final LocalDate today;
    private final InspectionSettings settings;
    private final Registry registry;
    private final IntUnaryOperator highestSeq;
    private final Predicate<String> held;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, List<Step>> steps = new HashMap<>();
    private final List<Step> written = new ArrayList<>();
    private final Map<String, Measure> measures = new LinkedHashMap<>();
    /** Per finding, when each piece of its rectification evidence came (the dot of its progress step). */
    private final Map<String, List<Dot>> evidence = new HashMap<>();

    private final List<InspectionStore.EvidenceLink> links = new ArrayList<>();
    private final Map<Integer, Integer> seqs = new HashMap<>();
    private final StepRules.StepMaker maker = this::step;
    private String operator;
    private boolean verifier;
    private long order;

    FindingBatch(
            InspectionSettings settings,
            Registry registry,
            String operator,
            IntUnaryOperator highestSeq,
            Predicate<String> held,
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
     * The sample's own people act from here on (the clerk, a team member, its 核查人), as its timelines name them.
     * Only the sample uses it: a batch otherwise acts as this installation's operator.
     */
    public FindingBatch as(String name, boolean isVerifier) {
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
        Finding clean = StepRules.recorded(f, operator);
        findings.put(clean.id(), clean);
        steps.put(clean.id(), new ArrayList<>());
        add(step(clean.id(), StepKind.FOUND, clean.foundOn(), null));
        return clean;
    }

    /**
     * As {@link FindingService#register(List)}, on the day {@code on}: the 待挂号 ones among {@code ids} are numbered
     * in the order found, in the year of {@code on} (hub only).
     */
    public FindingService.Registered register(List<String> ids, LocalDate on) {
        StepRules.requireHub(settings);
        List<Finding> pending = new ArrayList<>();
        for (String id : ids) {
            Finding f = finding(id);
            if (timeline(id).state() == FindingState.PENDING && !f.isNumbered()) {
                pending.add(f);
            }
        }
        int year = on.getYear();
        int seq = seqs.computeIfAbsent(year, highestSeq::applyAsInt);
        List<Finding> numbered = StepRules.number(pending, year, seq, settings.numberFormat());
        for (Finding n : numbered) {
            findings.put(n.id(), n);
            add(step(n.id(), StepKind.REGISTER, on, n.number()));
        }
        seqs.put(year, seq + numbered.size());
        return FindingService.Registered.of(numbered);
    }

    public void notify(String findingId, FindingService.Notice n, LocalDate on) {
        act(StepRules.notice(maker, findingId, n, on));
    }

    public void receipt(String findingId, LocalDate on) {
        act(StepRules.receipt(maker, findingId, on));
    }

    /** As {@link FindingService#progress}, with evidence already stored ({@link FindingService#storeEvidence}). */
    public String progress(String findingId, String text, String measureId, List<Attachment> files, LocalDate on) {
        Step s = StepRules.progress(maker, findingId, text, measureId, on);
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
        Step s = StepRules.requestClose(maker, findingId, text, on);
        joins(s);
        FindingRules.checkRequestClose(
                timeline(findingId),
                evidence.getOrDefault(findingId, List.of()),
                measures.values().stream()
                        .filter(m -> m.findingId().equals(findingId) && !m.isDone())
                        .count());
        add(s);
    }

    public void close(String findingId, Verdict verdict, String opinion, LocalDate on) {
        StepRules.requireVerifier(verifier, operator);
        act(StepRules.close(maker, findingId, verdict, opinion, on));
    }

    public void reject(String findingId, String reason, LocalDate on) {
        StepRules.requireVerifier(verifier, operator);
        act(StepRules.reject(maker, findingId, reason, on));
    }

    public void rework(String findingId, Verdict verdict, String opinion, LocalDate newDeadline, LocalDate on) {
        StepRules.requireVerifier(verifier, operator);
        act(StepRules.rework(maker, findingId, verdict, opinion, newDeadline, on));
    }

    public void extend(String findingId, LocalDate newDeadline, String reason, String approver, LocalDate on) {
        Step s = StepRules.extension(maker, findingId, newDeadline, reason, approver, on);
        joins(s);
        StepRules.later(s, timeline(findingId));
        add(s);
    }

    public void escalate(String findingId, Escalation kind, String text, LocalDate on) {
        act(StepRules.escalation(maker, findingId, kind, text, on));
    }

    public void followUp(String findingId, String text, LocalDate on) {
        act(StepRules.followUp(maker, findingId, text, on));
    }

    /** As {@link FindingService#saveMeasure}: while the finding is open. */
    public void saveMeasure(Measure m) {
        StepRules.checkMeasure(m);
        StepRules.requireOpen(timeline(m.findingId()).state());
        measures.put(m.id(), m);
    }

    /** As {@link FindingService#merge}. */
    public void merge(String absorbedId, String targetId, LocalDate on) {
        StepRules.checkMergeSelf(absorbedId, targetId);
        Finding absorbed = finding(absorbedId);
        Finding target = finding(targetId);
        Step s = StepRules.merge(maker, absorbed, timeline(absorbedId), target, timeline(targetId), on);
        act(s);
        findings.put(absorbedId, absorbed.withMergedInto(targetId));
    }

    /** As {@link FindingService#markRepeat}. */
    public void markRepeat(String findingId, String earlierId) {
        Finding f = finding(findingId);
        Finding earlier = finding(earlierId);
        StepRules.checkRepeat(f, earlier, timeline(earlierId));
        findings.put(findingId, f.withRepeatOf(earlierId));
    }

    /** What the batch has done to a finding so far. */
    public Timeline timeline(String findingId) {
        finding(findingId);
        return Lifecycle.fold(steps.get(findingId));
    }

    /** Writes what the batch did, in the order it was done (the end of {@link FindingService#batch}). */
    void writeTo(TrackedWriter w) {
        InspectionStore.saveAll(w, List.copyOf(findings.values()));
        InspectionStore.addAll(w, written);
        InspectionStore.saveAllMeasures(w, List.copyOf(measures.values()));
        InspectionStore.addAllEvidence(w, links);
    }

    private Finding finding(String id) {
        Finding f = findings.get(id);
        if (f == null) {
            throw new DomainException("inspection.error.noSuchFinding");
        }
        return f;
    }

    /** The n-th step of a finding has the same id wherever the batch runs. */
    private Step step(String findingId, StepKind kind, LocalDate on, String text) {
        int n = steps.containsKey(findingId) ? steps.get(findingId).size() : 0;
        return Step.of(Ids.forKey("finding_step", findingId, Integer.toString(n)), findingId, kind, on, operator, text);
    }

    private void act(Step s) {
        joins(s);
        add(s);
    }

    private void joins(Step s) {
        StepRules.joins(finding(s.findingId()), timeline(s.findingId()), s);
    }

    /** Kept in the order done: folded in it here (a dot of the batch's own), and written in it. */
    private void add(Step s) {
        steps.get(s.findingId()).add(s.withOrder(new Dot(++order, "batch")));
        written.add(s);
    }
}
