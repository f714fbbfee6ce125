package org.taizhang.inspection.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;
import org.taizhang.core.files.FormWorkbook;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.InspectionSettings;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.Timeline;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Unit;

/**
 * The 整改情况反馈表 round trip on a real database: exported for a unit, filled (or spoiled) with POI as the unit's
 * clerk would in Excel, imported back as progress reports. A bad file writes nothing; the same file twice adds
 * nothing.
 */
class FeedbackFormTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final String INTERNAL = "内部备注：该单位书记态度消极";
    private static final String OPINION = "核查意见：佐证材料中会议记录不全";

    @TempDir
    Path dir;

    private final Messages m = Messages.forLocale(Messages.CHINESE);
    private Store store;
    private FindingService service;
    private InspectionFiles files;
    private Unit unit;
    private Unit otherUnit;

    @BeforeEach
    void open() {
        store = Store.openOrCreate(
                dir.resolve("t.db"),
                Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        RegistryService registry = new RegistryService(store);
        registry.importSample(Progress.NONE);
        service = new FindingService(store, registry);
        store.designateHub(); // numbers are given on the hub only (a new database is a field device)
        files = new InspectionFiles(store, registry);
        unit = registry.load().units().get(0);
        otherUnit = registry.load().units().get(1);
        store.setOperator("王清");
        InspectionSettings s = service.settings();
        service.saveSettings(new InspectionSettings(s.operator(), true, true, s.numberFormat(), s.warnings()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A finding of {@code u}, numbered and sent with a deadline: what a feedback form lists. */
    private Finding notified(Unit u, String text) {
        Finding f = service.record(Finding.recorded(
                        Ids.newId(),
                        null,
                        null,
                        u.id(),
                        null,
                        "三会一课",
                        text,
                        "《支部工作条例》第九条",
                        Severity.ORDINARY,
                        RectificationType.DEADLINE,
                        FindingSource.VISIT,
                        null,
                        TODAY.minusDays(30),
                        null)
                .withInternalNotes(INTERNAL));
        service.register(f.id());
        service.notify(
                f.id(), new FindingService.Notice(TODAY.plusDays(30), "李副局长", "办公室", "赵敏", null), TODAY.minusDays(20));
        return service.finding(f.id()).orElseThrow();
    }

    private Path photo() throws IOException {
        Path p = dir.resolve("evidence-" + System.nanoTime() + ".txt");
        Files.writeString(p, "整改佐证 " + System.nanoTime());
        return p;
    }

    private Path export(Unit u) {
        Path file = dir.resolve(u.name() + "-" + System.nanoTime() + ".xlsx");
        files.exportFeedback(u.id(), file, m, Progress.NONE);
        return file;
    }

    private long steps(Finding f) {
        return service.timeline(f.id()).entries().size();
    }

    @Test
    void aFormListsTheUnitsOpenFindingsWithTheRejectionReasonAndNoInternalField() throws IOException {
        Finding a = notified(unit, "支部委员会会议未按月召开");
        Finding b = notified(unit, "党费收缴台账不全");
        notified(otherUnit, "别的单位的问题");
        service.progress(b.id(), "已补齐台账", null, List.of(photo()), TODAY.minusDays(10));
        service.requestClose(b.id(), null, TODAY.minusDays(9));
        service.reject(b.id(), "缺少2026年1-3月的收缴记录", TODAY.minusDays(5));
        service.note(b.id(), OPINION, TODAY.minusDays(5));
        service.record(Finding.recorded(
                Ids.newId(), null, null, unit.id(), null, null, "尚未挂号的问题", null, null, null, null, null, TODAY, null));

        Path form = export(unit);

        List<List<String>> cells = InspectionFilesFixture.cells(form);
        String all = cells.toString();
        assertThat(cells.getFirst().getFirst()).isEqualTo("整改情况反馈表");
        assertThat(cells.get(1).getFirst()).contains("反馈单位：" + unit.name()).contains("共 2 个问题");
        assertThat(cells.get(3))
                .containsExactly("问题编号", "问题类别", "问题描述", "依据条款", "整改类型", "整改时限", "整改措施", "退回意见", "整改进展情况", "报告日期");
        assertThat(cells.subList(4, cells.size())).extracting(List::getFirst).containsExactly(a.number(), b.number());
        assertThat(cells.get(5)).contains("缺少2026年1-3月的收缴记录", "党费收缴台账不全");
        assertThat(all).doesNotContain(INTERNAL, OPINION, "别的单位的问题", "尚未挂号的问题");
    }

    @Test
    void aFilledFormAddsProgressOnceAndTheSameFileAgainAddsNothing() throws IOException {
        Finding a = notified(unit, "支部委员会会议未按月召开");
        Finding b = notified(unit, "党费收缴台账不全");
        Path form = export(unit);
        InspectionFilesFixture.fill(form, a.number(), "整改进展情况", "已制定年度会议计划，6月起按月召开");
        InspectionFilesFixture.fill(form, a.number(), "报告日期", "2026/6/10");

        FeedbackImport first = files.importFeedback(form, unit.id(), Progress.NONE);

        assertThat(first.errors()).isEmpty();
        assertThat(first.added()).isEqualTo(1);
        assertThat(first.unitName()).isEqualTo(unit.name());
        Timeline t = service.timeline(a.id());
        assertThat(t.state()).isEqualTo(FindingState.RECTIFYING);
        assertThat(t.latestProgress()).isEqualTo("已制定年度会议计划，6月起按月召开");
        assertThat(t.latestProgressOn()).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(t.entries().getLast().step().operator()).isEqualTo("王清");
        assertThat(service.timeline(b.id()).state()).isEqualTo(FindingState.NOTIFIED); // an empty row adds nothing

        long before = steps(a);
        FeedbackImport again = files.importFeedback(form, null, Progress.NONE);
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.added()).isZero();
        assertThat(steps(a)).isEqualTo(before);

        // the same form corrected and sent again: only the new report is added
        InspectionFilesFixture.fill(form, b.number(), "整改进展情况", "已补齐台账");
        FeedbackImport corrected = files.importFeedback(form, null, Progress.NONE);
        assertThat(corrected.added()).isEqualTo(1);
        assertThat(steps(a)).isEqualTo(before);
        assertThat(service.timeline(b.id()).latestProgressOn()).isEqualTo(TODAY); // blank date: the day of the import
    }

    @Test
    void badCellsAreReportedRowByRowInChineseAndNothingIsWritten() throws IOException {
        Finding a = notified(unit, "支部委员会会议未按月召开");
        Finding b = notified(unit, "党费收缴台账不全");
        Finding c = notified(unit, "阵地建设不达标");
        Path form = export(unit);
        InspectionFilesFixture.fill(form, a.number(), "整改进展情况", "已整改");
        InspectionFilesFixture.fill(form, a.number(), "报告日期", "六月十日");
        InspectionFilesFixture.fill(form, b.number(), "报告日期", "2026-06-01");
        InspectionFilesFixture.fill(form, c.number(), "整改进展情况", "已整改");
        InspectionFilesFixture.fill(form, c.number(), "报告日期", "2026-07-01");

        FeedbackImport result = files.importFeedback(form, null, Progress.NONE);

        assertThat(result.applied()).isFalse();
        assertThat(FormWorkbook.lines(result.errors(), m))
                .containsExactly(
                        "“整改情况反馈表”表第5行“报告日期”列：“六月十日”不是日期，请按 2026-05-01 的格式填写。",
                        "“整改情况反馈表”表第6行“整改进展情况”列：填了报告日期，但没有填写整改进展情况。",
                        "“整改情况反馈表”表第7行“报告日期”列：报告日期 2026-07-01 晚于今天。");
        assertThat(service.timeline(a.id()).state()).isEqualTo(FindingState.NOTIFIED);
        assertThat(service.timeline(c.id()).state()).isEqualTo(FindingState.NOTIFIED);
    }

    @Test
    void aTamperedLockedCellIsRefusedAndNothingIsWritten() throws IOException {
        Finding a = notified(unit, "支部委员会会议未按月召开");
        Path form = export(unit);
        InspectionFilesFixture.fill(form, a.number(), "整改进展情况", "已整改");
        InspectionFilesFixture.fill(form, a.number(), "整改时限", "2027-12-31"); // a longer deadline, by hand

        FeedbackImport result = files.importFeedback(form, null, Progress.NONE);

        assertThat(FormWorkbook.lines(result.errors(), m))
                .containsExactly("“整改情况反馈表”表第5行“整改时限”列：此格是导出时给定的内容，不能修改；请改回原样，或重新导出一份表单。");
        assertThat(service.timeline(a.id()).state()).isEqualTo(FindingState.NOTIFIED);
    }

    @Test
    void anotherUnitsFormIsRefusedNamingBoth() throws IOException {
        Finding a = notified(otherUnit, "支部委员会会议未按月召开");
        Path form = export(otherUnit);
        InspectionFilesFixture.fill(form, a.number(), "整改进展情况", "已整改");

        FeedbackImport result = files.importFeedback(form, unit.id(), Progress.NONE);

        assertThat(FormWorkbook.lines(result.errors(), m))
                .containsExactly("这是" + otherUnit.name() + "的反馈表，不是" + unit.name() + "的。");
        assertThat(service.timeline(a.id()).state()).isEqualTo(FindingState.NOTIFIED);
    }

    @Test
    void aFindingThatMovedOnSinceTheExportRejectsTheFile() throws IOException {
        Finding a = notified(unit, "支部委员会会议未按月召开");
        Finding b = notified(unit, "党费收缴台账不全");
        Path form = export(unit);
        service.progress(b.id(), "已补齐", null, List.of(photo()), TODAY);
        service.requestClose(b.id(), null, TODAY);
        InspectionFilesFixture.fill(form, a.number(), "整改进展情况", "已整改");
        InspectionFilesFixture.fill(form, b.number(), "整改进展情况", "又补充了材料");

        FeedbackImport result = files.importFeedback(form, null, Progress.NONE);

        assertThat(FormWorkbook.lines(result.errors(), m))
                .containsExactly("“整改情况反馈表”表第6行：问题“" + b.number() + "”现在是“待核查”状态，不能再报整改进展。");
        assertThat(service.timeline(a.id()).state()).isEqualTo(FindingState.NOTIFIED);
    }

    @Test
    void anEmptyFormAndAUnitWithNothingToReportAreRefused() throws IOException {
        notified(unit, "支部委员会会议未按月召开");
        Path form = export(unit);
        assertThat(FormWorkbook.lines(
                        files.importFeedback(form, null, Progress.NONE).errors(), m))
                .containsExactly("反馈表中没有填写任何整改进展。");

        assertThatThrownBy(() -> files.exportFeedback(otherUnit.id(), dir.resolve("x.xlsx"), m, Progress.NONE))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("feedback.error.nothingToSend"));
        assertThat(dir.resolve("x.xlsx")).doesNotExist();
    }
}
