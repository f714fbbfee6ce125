package org.taizhang.checklist.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.checklist.AnswerRules;
import org.taizhang.checklist.Scoring;
import org.taizhang.core.DomainException;
import org.taizhang.core.Issue;
import org.taizhang.core.ValidationException;
import org.taizhang.organization.model.OrganizationKind;

/**
 * One assessment: one branch × one template × one round in a year, answered item by item. Its total, result
 * and rating are always computed ({@link #score}), never typed. The flow seen in practice: scoring → (for
 * 达标验收) 公示 for a period → result. A finished assessment is read-only; reopening it is an explicit action
 * with a reason, kept in history.
 */
public record Assessment(
        String id,
        String organizationId,
        String templateId,
        Round round,
        int year,
        Status status,
        LocalDate publicityStart,
        LocalDate publicityEnd,
        String reopenReason,
        Map<String, ItemAnswer> answers) {

    /** 公示 lasts this many working days unless the clerk sets other dates. */
    public static final int PUBLICITY_WORKING_DAYS = 5;

    public enum Status {
        /** 评分中: items are being answered. */
        SCORING("checklist.status.scoring"),
        /** 公示中: an acceptance result is on public notice. */
        PUBLICITY("checklist.status.publicity"),
        /** 已完成: the result stands. */
        FINISHED("checklist.status.finished");

        private final String messageKey;

        Status(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public Assessment {
        answers = Map.copyOf(answers);
    }

    public static Assessment start(
            String id, String organizationId, ChecklistTemplate template, Round round, int year) {
        if (!template.isPublished()) {
            throw new DomainException("checklist.error.templateNotPublished", template.name());
        }
        return new Assessment(
                id, organizationId, template.id(), round, year, Status.SCORING, null, null, null, Map.of());
    }

    public boolean isReadOnly() {
        return status != Status.SCORING;
    }

    public Scoring.Score score(ChecklistTemplate template, OrganizationKind kind) {
        return Scoring.score(template, kind, answers);
    }

    /** The assessment with {@code answer} in place; refused when finished or when the answer does not fit. */
    public Assessment answer(ChecklistTemplate template, ItemAnswer answer) {
        if (isReadOnly()) {
            throw new DomainException("checklist.error.readOnly");
        }
        ChecklistItem item = template.item(answer.itemKey())
                .orElseThrow(() -> new DomainException("checklist.error.noSuchItem", answer.itemKey()));
        List<Issue> issues = AnswerRules.check(item, answer);
        if (issues.stream().anyMatch(Issue::isError)) {
            throw new ValidationException(issues);
        }
        Map<String, ItemAnswer> next = new LinkedHashMap<>(answers);
        next.put(answer.itemKey(), answer);
        return with(status, publicityStart, publicityEnd, reopenReason, next);
    }

    /**
     * Ends the scoring: refused while any item is unscored or an answer does not fit. A 达标验收 goes on public
     * notice from {@code today} for {@link #PUBLICITY_WORKING_DAYS} working days; the other rounds are done.
     */
    public Assessment finish(ChecklistTemplate template, OrganizationKind kind, LocalDate today) {
        if (isReadOnly()) {
            throw new DomainException("checklist.error.readOnly");
        }
        List<Issue> issues = new ArrayList<>();
        Scoring.Score score = score(template, kind);
        for (String key : score.unscored()) {
            template.item(key)
                    .ifPresent(i -> issues.add(Issue.error(i.number(), "checklist.error.unscored", i.number())));
        }
        for (ItemAnswer a : answers.values()) {
            template.item(a.itemKey()).ifPresent(i -> issues.addAll(AnswerRules.check(i, a)));
        }
        if (issues.stream().anyMatch(Issue::isError)) {
            throw new ValidationException(issues);
        }
        if (round == Round.ACCEPTANCE) {
            return with(Status.PUBLICITY, today, addWorkingDays(today, PUBLICITY_WORKING_DAYS), null, answers);
        }
        return with(Status.FINISHED, null, null, null, answers);
    }

    /**
     * Another end of the 公示 (a public holiday or 调休 in the period, which the program does not know): not before
     * its start; only while on notice.
     */
    public Assessment publicityUntil(LocalDate end) {
        if (status != Status.PUBLICITY) {
            throw new DomainException("checklist.error.notInPublicity");
        }
        if (end == null || end.isBefore(publicityStart)) {
            throw new ValidationException(
                    List.of(Issue.error("publicityEnd", "checklist.error.publicityEnd", publicityStart)));
        }
        return with(status, publicityStart, end, reopenReason, answers);
    }

    /** The 公示 is over: the acceptance result stands. */
    public Assessment closePublicity() {
        if (status != Status.PUBLICITY) {
            throw new DomainException("checklist.error.notInPublicity");
        }
        return with(Status.FINISHED, publicityStart, publicityEnd, reopenReason, answers);
    }

    /** Back to scoring, with the reason (kept in history); only a finished or publicised assessment. */
    public Assessment reopen(String reason) {
        if (!isReadOnly()) {
            throw new DomainException("checklist.error.notFinished");
        }
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(List.of(Issue.error("reopenReason", "checklist.error.reopenReason")));
        }
        return with(Status.SCORING, null, null, reason.strip(), answers);
    }

    private Assessment with(Status s, LocalDate start, LocalDate end, String reason, Map<String, ItemAnswer> a) {
        return new Assessment(id, organizationId, templateId, round, year, s, start, end, reason, a);
    }

    /**
     * {@code days} working days after {@code from} (Saturdays and Sundays skipped). Public holidays and 调休
     * working weekends are not known to the program: the clerk edits the end date when they fall in the period.
     */
    public static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate d = from;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
