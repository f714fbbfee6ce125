package org.taizhang.inspection.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.taizhang.inspection.Lifecycle;

/**
 * What a finding's steps add up to ({@link Lifecycle#fold}): its state, the deadline in force, the people
 * responsible, the dates of its milestones, and every step in order with whether it took effect.
 *
 * @param deadline the deadline in force: from the notice, a 延期, or a 二次整改
 * @param reworks how many times a verifier called for 二次整改
 * @param lastRejection the reason of the newest 退回 (printed in the unit's next feedback form), or null
 */
public record Timeline(
        FindingState state,
        List<Entry> entries,
        LocalDate registeredOn,
        LocalDate notifiedOn,
        LocalDate deadline,
        LocalDate firstDeadline,
        String leader,
        String department,
        String person,
        LocalDate receivedOn,
        String latestProgress,
        LocalDate latestProgressOn,
        LocalDate closeRequestedOn,
        LocalDate closedOn,
        String verifier,
        Verdict verdict,
        String verifierOpinion,
        int reworks,
        int rejections,
        String lastRejection,
        int extensions,
        List<Step> escalations,
        String mergedInto) {

    /** One step as shown: {@code applied} is false for a step that came too late for the state it met. */
    public record Entry(Step step, boolean applied, FindingState from, FindingState to) {}

    public boolean isClosed() {
        return state == FindingState.CLOSED;
    }

    public List<Step> steps() {
        return entries.stream().map(Entry::step).toList();
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final List<Step> escalations = new ArrayList<>();
        private LocalDate registeredOn;
        private LocalDate notifiedOn;
        private LocalDate deadline;
        private LocalDate firstDeadline;
        private String leader;
        private String department;
        private String person;
        private LocalDate receivedOn;
        private String latestProgress;
        private LocalDate latestProgressOn;
        private LocalDate closeRequestedOn;
        private LocalDate closedOn;
        private String verifier;
        private Verdict verdict;
        private String verifierOpinion;
        private int reworks;
        private int rejections;
        private String lastRejection;
        private int extensions;
        private String mergedInto;

        public void skipped(Step s) {
            entries.add(new Entry(s, false, null, null));
        }

        public void applied(Step s, FindingState from, FindingState to) {
            entries.add(new Entry(s, true, from, to));
            switch (s.kind()) {
                case REGISTER -> registeredOn = s.occurredOn();
                case NOTIFY -> {
                    notifiedOn = s.occurredOn();
                    deadline = s.deadline();
                    firstDeadline = s.deadline();
                    leader = s.leader();
                    department = s.department();
                    person = s.person();
                }
                case RECEIPT -> receivedOn = s.occurredOn();
                case PROGRESS -> {
                    latestProgress = s.text();
                    latestProgressOn = s.occurredOn();
                }
                case REQUEST_CLOSE -> closeRequestedOn = s.occurredOn();
                case CLOSE -> {
                    closedOn = s.occurredOn();
                    verifier = s.operator();
                    verdict = s.verdict();
                    verifierOpinion = s.text();
                }
                case REJECT -> {
                    rejections++;
                    lastRejection = s.text();
                    verifier = s.operator();
                    verifierOpinion = s.text();
                    closeRequestedOn = null;
                }
                case REWORK -> {
                    reworks++;
                    verifier = s.operator();
                    verdict = s.verdict();
                    verifierOpinion = s.text();
                    closeRequestedOn = null;
                    if (s.deadline() != null) {
                        deadline = s.deadline();
                    }
                }
                case EXTEND -> {
                    extensions++;
                    deadline = s.deadline();
                }
                case ESCALATE -> escalations.add(s);
                case MERGE -> mergedInto = s.otherId();
                default -> {
                    // FOUND, FOLLOW_UP and NOTE change nothing but the timeline
                }
            }
        }

        public Timeline build(FindingState state) {
            return new Timeline(
                    state,
                    List.copyOf(entries),
                    registeredOn,
                    notifiedOn,
                    deadline,
                    firstDeadline,
                    leader,
                    department,
                    person,
                    receivedOn,
                    latestProgress,
                    latestProgressOn,
                    closeRequestedOn,
                    closedOn,
                    verifier,
                    verdict,
                    verifierOpinion,
                    reworks,
                    rejections,
                    lastRejection,
                    extensions,
                    List.copyOf(escalations),
                    mergedInto);
        }
    }
}
