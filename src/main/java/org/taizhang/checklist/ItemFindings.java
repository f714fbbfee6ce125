package org.taizhang.checklist;

import java.math.BigDecimal;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.i18n.Messages;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.organization.model.Organization;

/**
 * 转为问题: an item an assessment scored below its points becomes a finding of the ledger for the branch, with the
 * item as its source (its category and clause as the finding's 问题类别 and 依据条款). Checklist depends on
 * inspection here, never the other way (docs/architecture.md).
 */
public final class ItemFindings {
    private final ChecklistService checklists;
    private final FindingService findings;
    private final Messages m;

    public ItemFindings(ChecklistService checklists, FindingService findings, Messages messages) {
        this.checklists = checklists;
        this.findings = findings;
        this.m = messages;
    }

    /** What 转为问题 gave: the finding, and whether it was recorded now (false: this item of this round had one). */
    public record Result(Finding finding, boolean recorded) {}

    /** The finding an item of an assessment becomes: one per assessment (branch, template, round, year) and item. */
    public static String findingId(String assessmentId, String itemKey) {
        return Ids.forKey("finding", "assessment-item", assessmentId, itemKey);
    }

    /** Whether the item was scored and fell short of its points (未达到, or a deduction or grade below full). */
    public static boolean failed(ChecklistItem item, BigDecimal points) {
        return !item.bonus() && points != null && points.compareTo(item.maxPoints()) < 0;
    }

    /**
     * Records the finding of {@code itemKey} in the assessment (待挂号), or gives the one recorded before; refused
     * when the item did not fall short.
     */
    public Result toFinding(String assessmentId, String itemKey) {
        Assessment a = checklists
                .assessment(assessmentId)
                .orElseThrow(() -> new DomainException("checklist.error.noSuchAssessment"));
        ChecklistTemplate t = checklists
                .template(a.templateId())
                .orElseThrow(() -> new DomainException("checklist.error.noSuchTemplate"));
        ChecklistCategory category = t.categories().stream()
                .filter(c -> c.items().stream().anyMatch(i -> i.key().equals(itemKey)))
                .findFirst()
                .orElseThrow(() -> new DomainException("checklist.error.itemNotFailed"));
        ChecklistItem item = t.item(itemKey).orElseThrow();
        Organization branch = findings.registry()
                .organization(a.organizationId())
                .orElseThrow(() -> new DomainException("checklist.error.itemNotFailed"));
        BigDecimal points = a.score(t, branch.kind()).points().get(itemKey);
        String id = findingId(assessmentId, itemKey);
        var held = findings.finding(id);
        if (held.isPresent()) {
            return new Result(held.get(), false);
        }
        if (!failed(item, points)) {
            throw new DomainException("checklist.error.itemNotFailed");
        }
        ItemAnswer answer = a.answers().get(itemKey);
        String description = m.get(
                "checklist.finding.description",
                m.get(a.round().messageKey()),
                item.number(),
                item.text(),
                points.stripTrailingZeros().toPlainString(),
                item.maxPoints().stripTrailingZeros().toPlainString());
        if (answer != null && answer.note() != null) {
            description = description + m.get("checklist.finding.note", answer.note());
        }
        Finding f = Finding.builder(id)
                .unit(branch.unitId(), branch.id())
                .category(category.name())
                .description(description)
                .basis(m.get("checklist.finding.basis", t.name(), item.number(), item.text()))
                .severity(item.veto() ? Severity.SERIOUS : Severity.ORDINARY)
                .type(RectificationType.DEADLINE)
                .source(FindingSource.ASSESSMENT, item.key())
                .found(checklists.today(), null)
                .build();
        Finding recorded = findings.recordOnce(f);
        return new Result(recorded, true);
    }
}
