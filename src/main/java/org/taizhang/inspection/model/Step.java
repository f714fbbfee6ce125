package org.taizhang.inspection.model;

import java.time.LocalDate;
import java.util.Objects;
import org.taizhang.core.store.Dot;

/**
 * One step in a finding's timeline: who (the operator's name), when (the day it happened, as entered), what.
 * Written once and never changed. {@code order} is the dot of the change that wrote it: steps are folded in that
 * order, which respects what each device had seen when it acted and never trusts a laptop's clock.
 * The fields a kind does not use are null.
 */
public record Step(
        String id,
        String findingId,
        StepKind kind,
        LocalDate occurredOn,
        String operator,
        String text,
        LocalDate deadline,
        String leader,
        String department,
        String person,
        String approver,
        Verdict verdict,
        Escalation escalation,
        String measureId,
        String otherId,
        Dot order) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredOn, "occurredOn");
    }

    /** A step of {@code kind} with only a text (the most common shape). */
    public static Step of(String id, String findingId, StepKind kind, LocalDate on, String operator, String text) {
        return builder(id, findingId, kind, on).operator(operator).text(text).build();
    }

    /** A step built by name: {@code Step.builder(id, finding, kind, day).text("…").deadline(d).build()}. */
    public static Builder builder(String id, String findingId, StepKind kind, LocalDate on) {
        return new Builder(id, findingId, kind, on);
    }

    /** A copy to change by name. */
    public Builder toBuilder() {
        Builder b = new Builder(id, findingId, kind, occurredOn);
        b.operator = operator;
        b.text = text;
        b.deadline = deadline;
        b.leader = leader;
        b.department = department;
        b.person = person;
        b.approver = approver;
        b.verdict = verdict;
        b.escalation = escalation;
        b.measureId = measureId;
        b.otherId = otherId;
        b.order = order;
        return b;
    }

    public Step withDeadline(LocalDate d) {
        return toBuilder().deadline(d).build();
    }

    public Step withPeople(String leader, String department, String person) {
        return toBuilder().people(leader, department, person).build();
    }

    public Step withApprover(String a) {
        return toBuilder().approver(a).build();
    }

    public Step withVerdict(Verdict v) {
        return toBuilder().verdict(v).build();
    }

    public Step withEscalation(Escalation e) {
        return toBuilder().escalation(e).build();
    }

    public Step withMeasure(String m) {
        return toBuilder().measureId(m).build();
    }

    public Step withOther(String other) {
        return toBuilder().otherId(other).build();
    }

    public Step withOrder(Dot dot) {
        return toBuilder().order(dot).build();
    }

    /** Names each of the 16 fields where a positional constructor would not. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String findingId;
        private final StepKind kind;
        private final LocalDate occurredOn;
        private String operator;
        private String text;
        private LocalDate deadline;
        private String leader;
        private String department;
        private String person;
        private String approver;
        private Verdict verdict;
        private Escalation escalation;
        private String measureId;
        private String otherId;
        private Dot order;

        private Builder(String id, String findingId, StepKind kind, LocalDate occurredOn) {
            this.id = id;
            this.findingId = findingId;
            this.kind = kind;
            this.occurredOn = occurredOn;
        }

        /** The people a notice (交办) names: the leader in charge, the department, the person who rectifies. */
        public Builder people(String leader, String department, String person) {
            this.leader = leader;
            this.department = department;
            this.person = person;
            return this;
        }

        public Builder operator(String operator) {
            this.operator = operator;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder deadline(LocalDate deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder approver(String approver) {
            this.approver = approver;
            return this;
        }

        public Builder verdict(Verdict verdict) {
            this.verdict = verdict;
            return this;
        }

        public Builder escalation(Escalation escalation) {
            this.escalation = escalation;
            return this;
        }

        public Builder measureId(String measureId) {
            this.measureId = measureId;
            return this;
        }

        public Builder otherId(String otherId) {
            this.otherId = otherId;
            return this;
        }

        public Builder order(Dot order) {
            this.order = order;
            return this;
        }

        public Step build() {
            return new Step(
                    id,
                    findingId,
                    kind,
                    occurredOn,
                    operator,
                    text,
                    deadline,
                    leader,
                    department,
                    person,
                    approver,
                    verdict,
                    escalation,
                    measureId,
                    otherId,
                    order);
        }
    }
}
