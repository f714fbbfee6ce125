package org.taizhang.checklist;

import static org.taizhang.core.store.DeviceActions.ASSESSMENT_FORMS;
import static org.taizhang.core.store.DeviceActions.TEXTS;
import static org.taizhang.core.store.DeviceActions.pick;
import static org.taizhang.core.store.DeviceActions.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.checklist.files.ChecklistFiles;
import org.taizhang.checklist.model.Assessment;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.checklist.model.ChecklistTemplate;
import org.taizhang.checklist.model.Evidence;
import org.taizhang.checklist.model.ItemAnswer;
import org.taizhang.checklist.model.Round;
import org.taizhang.core.files.SheetData;
import org.taizhang.core.store.DeviceActions;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.FindingService;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * 标准化建设: templates drafted, versioned, published, deleted and restored; assessments started, answered, finished and reopened; evidence attached and removed; past results imported; direct ratings and quotas; an item made a finding (转为问题).
 * For the convergence property test (core.store.ConvergencePropertyTest): each action is a way a clerk changes this
 * feature's data, through its services, with the rules refusing some as they would a clerk. A new way to change
 * data (an import, a batch, a sample) is added here the day it is written.
 */
public final class ChecklistActions implements DeviceActions {
    /** How often the generator picks each action (the action is the index). */
    public static final List<Integer> WEIGHTS = List.of(2, 3, 2, 5, 8, 2, 3, 5, 4, 3, 2, 3, 1, 2, 3);

    private final Store store;
    private final RegistryService service;
    private final ChecklistService checklists;
    private final FindingService findings;

    private final DeviceActions.Rows deviceRows;

    public ChecklistActions(
            Store store,
            RegistryService service,
            ChecklistService checklists,
            FindingService findings,
            DeviceActions.Rows rows) {
        this.store = store;
        this.service = service;
        this.checklists = checklists;
        this.findings = findings;
        this.deviceRows = rows;
    }

    @Override
    public List<Integer> weights() {
        return WEIGHTS;
    }

    @Override
    public void act(int action, Pick s) throws IOException {
        Registry r = service.load();
        switch (action) {
            case 0 -> checklists.newVersion(BuiltInTemplates.site(2026).id(), 2027);
            case 1 -> editDraft(s);
            case 2 -> {
                ChecklistTemplate t = pick(checklists.templates(), s.a());
                if (t != null) {
                    checklists.publish(t.id());
                }
            }
            case 3 -> {
                Organization o = pick(
                        r.organizations().stream()
                                .sorted(Comparator.comparing(Organization::id))
                                .toList(),
                        s.a());
                ChecklistTemplate t = pick(
                        checklists.templates().stream()
                                .filter(ChecklistTemplate::isPublished)
                                .toList(),
                        s.b());
                if (o != null && t != null) {
                    checklists.startAssessment(o.id(), t.id(), Round.values()[s.c() % 3], 2026);
                }
            }
            case 4 -> answer(s);
            case 5 -> {
                Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
                if (a != null) {
                    if (a.isReadOnly()) {
                        checklists.reopen(a.id(), TEXTS[s.b() % 3]);
                    } else if (a.status() == Assessment.Status.PUBLICITY) {
                        checklists.closePublicity(a.id());
                    } else {
                        checklists.finish(a.id());
                    }
                }
            }
            case 6 -> importResult(r, s);
            case 7 -> {
                Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
                if (a != null) {
                    ChecklistTemplate t = checklists.template(a.templateId()).orElseThrow();
                    // three possible files: two devices often attach the same one (one attachment record)
                    Path photo = store.dataFolder().resolve("evidence-" + s.c() % 3 + ".txt");
                    Files.writeString(photo, "活动记录照片 " + s.c() % 3);
                    checklists.attachEvidence(a.id(), pick(t.items(), s.b()).key(), photo);
                }
            }
            case 8 -> {
                Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
                if (a != null) {
                    List<Evidence> all = checklists.evidence(a.id()).values().stream()
                            .flatMap(List::stream)
                            .toList();
                    Evidence e = pick(all, s.b());
                    if (e != null) {
                        checklists.removeEvidence(e.id());
                    }
                }
            }
            case 9 -> {
                // half the time a branch rated directly already (so ratings are changed and taken back)
                List<String> rated = checklists.directRatings(2026, 2026).stream()
                        .map(d -> d.organizationId())
                        .sorted()
                        .toList();
                Organization o = !rated.isEmpty() && s.c() % 2 == 0
                        ? r.organization(pick(rated, s.a())).orElse(null)
                        : pick(
                                r.organizations().stream()
                                        .filter(x -> x.kind().isBranch())
                                        .sorted(Comparator.comparing(Organization::id))
                                        .toList(),
                                s.a());
                List<String> ratings = checklists.ratingNames();
                if (o != null && rated.contains(o.id()) && s.b() % 2 == 0) {
                    checklists.clearDirectRating(o.id(), 2026);
                } else if (o != null && !ratings.isEmpty()) {
                    checklists.setDirectRating(o.id(), 2026, pick(ratings, s.b()), "区级以上先进" + s.c() % 3);
                }
            }
            case 10 -> {
                List<String> ratings = checklists.ratingNames();
                Map<String, java.math.BigDecimal> quotas = new LinkedHashMap<>();
                for (int i = 0; i < ratings.size() && i < s.a() % 3; i++) {
                    quotas.put(ratings.get(i), java.math.BigDecimal.valueOf(10 + s.b() % 4 * 10));
                }
                checklists.setQuotas(2026, quotas);
            }
            case 11 -> itemToFinding(s);
            case 12 -> templateDeletedOrRestored(s);
            case 13 -> templateThroughAWorkbook(s);
            case 14 -> filledForm(r, s);
            default -> throw new IllegalArgumentException("action " + action);
        }
    }

    private List<RecordState> rows(String table, boolean deleted) {
        return deviceRows.rows(table, deleted);
    }

    /** A clerk rewords an item of a draft, or changes its points (the category then no longer adds up). */
    private void editDraft(Pick s) {
        ChecklistTemplate t = pick(
                checklists.templates().stream().filter(x -> !x.isPublished()).toList(), s.a());
        if (t == null) {
            return;
        }
        List<ChecklistCategory> categories = new ArrayList<>();
        ChecklistItem target = pick(t.items(), s.b());
        for (ChecklistCategory c : t.categories()) {
            List<ChecklistItem> items = new ArrayList<>();
            for (ChecklistItem i : c.items()) {
                if (i.key().equals(target.key())) {
                    i = s.c() % 2 == 0
                            ? new ChecklistItem(
                                    i.key(),
                                    i.number(),
                                    i.text() + TEXTS[s.c() % 3],
                                    i.maxPoints(),
                                    i.mode(),
                                    i.deduction(),
                                    i.floor(),
                                    i.evidenceRequired(),
                                    i.methods(),
                                    i.veto(),
                                    i.bonus(),
                                    i.appliesTo(),
                                    i.replaces())
                            : new ChecklistItem(
                                    i.key(),
                                    i.number(),
                                    i.text(),
                                    i.maxPoints().add(java.math.BigDecimal.ONE),
                                    i.mode(),
                                    i.deduction(),
                                    i.floor(),
                                    i.evidenceRequired(),
                                    i.methods(),
                                    i.veto(),
                                    i.bonus(),
                                    i.appliesTo(),
                                    i.replaces());
                }
                items.add(i);
            }
            categories.add(new ChecklistCategory(c.key(), c.code(), c.name(), c.points(), items));
        }
        checklists.saveDraft(t.withCategories(categories));
    }

    /** 转为问题: an item of an assessment that lost points becomes the branch's finding (once per item and round). */
    private void itemToFinding(Pick s) {
        Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
        if (a == null) {
            return;
        }
        ChecklistTemplate t = checklists.template(a.templateId()).orElseThrow();
        List<String> answered = t.items().stream()
                .map(ChecklistItem::key)
                .filter(a.answers()::containsKey)
                .toList();
        String key = pick(answered, s.b());
        if (key != null) {
            new org.taizhang.checklist.ItemFindings(
                            checklists,
                            findings,
                            org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE))
                    .toFinding(a.id(), key);
        }
    }

    /** An inspector scores one item: met or not, a grade, a count. */
    private void answer(Pick s) {
        Assessment a = pick(checklists.assessmentsOfYear(2026), s.a());
        if (a == null) {
            return;
        }
        ChecklistTemplate t = checklists.template(a.templateId()).orElseThrow();
        ChecklistItem i = pick(t.items(), s.b());
        checklists.answer(
                a.id(),
                switch (i.mode()) {
                    case YES_NO -> ItemAnswer.met(i.key(), s.c() % 2 == 0);
                    case GRADED ->
                        ItemAnswer.scored(
                                i.key(), Integer.toString(s.c() % (i.maxPoints().intValue() + 1)));
                    case DEDUCTION -> ItemAnswer.occurrences(i.key(), s.c() % 4);
                });
    }

    /**
     * A one-row sheet of past results: the same branch, year and round give the same record on every device;
     * a name two branches share is a row error (nothing written), as it would be for a clerk.
     */
    private void importResult(Registry r, Pick s) {
        Organization o = pick(
                r.organizations().stream()
                        .filter(x -> x.kind().isBranch())
                        .sorted(Comparator.comparing(Organization::id))
                        .toList(),
                s.a());
        if (o == null) {
            return;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("单位", r.unit(o.unitId()).map(Unit::name).orElse(""));
        cells.put("组织名称", o.name());
        cells.put("年度", Integer.toString(2024 + s.b() % 2));
        cells.put("轮次", s.b() % 3 == 0 ? "自评" : "达标验收");
        cells.put("总分", Integer.toString(50 + s.c() % 50));
        cells.put("等级", s.c() % 2 == 0 ? "达标" : "");
        cells.put("结论", s.c() % 50 >= 10 ? "达标" : "未达标");
        new ChecklistFiles(checklists)
                .importResults(
                        new SheetData("往年结果", cells.keySet(), List.of(new SheetData.Row(2, cells))),
                        "往年结果.xlsx",
                        Progress.NONE);
    }

    /** A template deleted, or one deleted before restored. */
    private void templateDeletedOrRestored(Pick s) {
        ChecklistTemplate t = pick(checklists.templates(), s.a());
        if (t != null && s.b() % 2 == 0) {
            checklists.deleteTemplate(t.id());
        } else {
            restore(rows("checklist_template", true), s.a(), checklists::restoreTemplate);
        }
    }

    /**
     * A template written as a workbook and read back (导出 / 导入 Excel): the same draft again, or the next version of a
     * published one — saved in one transaction with the templates it was planned against (saveDraftPlanned).
     */
    private void templateThroughAWorkbook(Pick s) throws IOException {
        ChecklistTemplate t = pick(checklists.templates(), s.a());
        if (t == null) {
            return;
        }
        org.taizhang.checklist.files.ChecklistFiles files = new org.taizhang.checklist.files.ChecklistFiles(checklists);
        Path file = store.dataFolder().resolve("细则-" + s.b() % 2 + ".xlsx");
        files.exportTemplate(t.id(), file);
        files.importTemplate(file);
    }

    /**
     * 测评表: a branch's form exported, filled in Excel and imported (saveFormAnswers, one transaction); or a form filled
     * before, perhaps on another device, imported here — the same answers created on several devices (ids from the
     * branch, template, round and year).
     */
    private void filledForm(Registry r, Pick s) throws IOException {
        ChecklistFiles files = new ChecklistFiles(checklists);
        if (s.c() % 2 == 0 && !ASSESSMENT_FORMS.isEmpty()) {
            files.importForm(pick(ASSESSMENT_FORMS, s.a()), null, Progress.NONE);
            return;
        }
        Organization o = pick(
                r.organizations().stream()
                        .filter(x -> x.kind().isBranch())
                        .sorted(Comparator.comparing(Organization::id))
                        .toList(),
                s.a());
        ChecklistTemplate t = pick(
                checklists.templates().stream()
                        .filter(ChecklistTemplate::isPublished)
                        .toList(),
                s.b());
        if (o == null || t == null) {
            return;
        }
        Path file = store.dataFolder().resolve("测评表-" + java.util.UUID.randomUUID() + ".xlsx");
        files.exportForm(
                o.id(),
                t.id(),
                Round.values()[s.c() % 3],
                2026,
                file,
                org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE),
                Progress.NONE);
        fill(file, t, o, s);
        ASSESSMENT_FORMS.add(file);
        files.importForm(file, null, Progress.NONE);
    }

    /** Every third item (from a point the step picks) scored in the form's open cells, as an inspector types it. */
    private static void fill(Path file, ChecklistTemplate t, Organization o, Pick s) throws IOException {
        org.apache.poi.xssf.usermodel.XSSFWorkbook wb;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in);
        }
        try (wb) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> columns = new LinkedHashMap<>();
            Map<String, org.apache.poi.ss.usermodel.Row> rows = new LinkedHashMap<>();
            boolean header = false;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                org.apache.poi.ss.usermodel.Cell first = row.getCell(0);
                String text =
                        first == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(first);
                if (!header && "编号".equals(text)) {
                    header = true;
                    row.forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
                } else if (header && !text.isEmpty()) {
                    rows.put(text, row);
                }
            }
            List<ChecklistItem> items = t.items().stream()
                    .filter(i -> i.appliesTo(o.kind()) && !i.bonus() && rows.containsKey(i.number()))
                    .toList();
            for (int j = 0; j < items.size(); j++) {
                if ((j + s.b()) % 3 != 0) {
                    continue;
                }
                ChecklistItem i = items.get(j);
                org.apache.poi.ss.usermodel.Row row = rows.get(i.number());
                String column = i.mode() == org.taizhang.checklist.model.ScoringMode.DEDUCTION ? "扣分次数" : "评分";
                Integer c = columns.get(column);
                if (c == null) {
                    continue;
                }
                org.apache.poi.ss.usermodel.Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                switch (i.mode()) {
                    case YES_NO -> cell.setCellValue((s.c() + j) % 2 == 0 ? "达到" : "未达到");
                    case GRADED ->
                        cell.setCellValue((s.c() + j) % (i.maxPoints().intValue() + 1));
                    case DEDUCTION -> cell.setCellValue((s.c() + j) % 4);
                }
            }
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }
}
