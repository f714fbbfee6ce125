package org.taizhang.inspection;

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
        return new Step(
                id, findingId, kind, on, operator, text, null, null, null, null, null, null, null, null, null, null);
    }

    public Step withDeadline(LocalDate d) {
        return new Step(
                id,
                findingId,
                kind,
                occurredOn,
                operator,
                text,
                d,
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

    public Step withPeople(String leader, String department, String person) {
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

    public Step withApprover(String a) {
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
                a,
                verdict,
                escalation,
                measureId,
                otherId,
                order);
    }

    public Step withVerdict(Verdict v) {
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
                v,
                escalation,
                measureId,
                otherId,
                order);
    }

    public Step withEscalation(Escalation e) {
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
                e,
                measureId,
                otherId,
                order);
    }

    public Step withMeasure(String m) {
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
                m,
                otherId,
                order);
    }

    public Step withOther(String other) {
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
                other,
                order);
    }

    public Step withOrder(Dot dot) {
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
                dot);
    }
}
