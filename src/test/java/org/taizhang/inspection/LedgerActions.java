package org.taizhang.inspection;

import static org.taizhang.core.store.DeviceActions.FORMS;
import static org.taizhang.core.store.DeviceActions.SHEETS;
import static org.taizhang.core.store.DeviceActions.TEXTS;
import static org.taizhang.core.store.DeviceActions.pick;
import static org.taizhang.core.store.DeviceActions.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.DeviceActions;
import org.taizhang.core.store.RecordState;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.inspection.model.Escalation;
import org.taizhang.inspection.model.Finding;
import org.taizhang.inspection.model.FindingSource;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.Inspection;
import org.taizhang.inspection.model.InspectionTeam;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.RectificationType;
import org.taizhang.inspection.model.Severity;
import org.taizhang.inspection.model.StepKind;
import org.taizhang.inspection.model.Verdict;
import org.taizhang.inspection.model.Visit;
import org.taizhang.inspection.model.VisitMethod;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.model.Unit;

/**
 * 督查检查 and 整改销号: rounds, teams, visits and their photos; findings recorded, imported from a team's sheet, edited and taken through their steps; measures, evidence, categories; a unit's feedback form imported.
 * For the convergence property test (core.store.ConvergencePropertyTest): each action is a way a clerk changes this
 * feature's data, through its services, with the rules refusing some as they would a clerk. A new way to change
 * data (an import, a batch, a sample) is added here the day it is written.
 */
public final class LedgerActions implements DeviceActions {
    /** How often the generator picks each action (the action is the index). */
    public static final List<Integer> WEIGHTS = List.of(2, 5, 3, 16, 3, 3, 2, 3, 10, 2, 2, 5, 1);

    private final Store store;
    private final RegistryService service;
    private final FindingService findings;
    private final InspectionService inspections;
    private final InspectionFiles files;

    private final DeviceActions.Rows deviceRows;

    public LedgerActions(
            Store store,
            RegistryService service,
            FindingService findings,
            InspectionService inspections,
            InspectionFiles files,
            DeviceActions.Rows rows) {
        this.store = store;
        this.service = service;
        this.findings = findings;
        this.inspections = inspections;
        this.files = files;
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
            case 0 -> round(s);
            case 1 -> recordFinding(r, s);
            case 2 -> findings.registerPending();
            case 3 -> findingStep(s);
            case 4 -> measure(s);
            case 5 -> findingEvidence(s);
            case 6 -> {
                List<String> names = new ArrayList<>(FindingService.COMMON_CATEGORIES);
                names.remove(s.a() % names.size()); // one dropped, and named again another time
                if (s.b() % 2 == 0) {
                    java.util.Collections.reverse(names);
                }
                findings.saveCategories(names);
            }
            case 7 -> {
                LedgerEntry e = pick(ledger(), s.a());
                if (e != null) {
                    Finding f = e.finding();
                    findings.edit(new Finding(
                            f.id(),
                            f.inspectionId(),
                            f.visitId(),
                            f.unitId(),
                            f.organizationId(),
                            s.b() % 2 == 0 ? pick(FindingService.COMMON_CATEGORIES, s.c()) : f.category(),
                            s.b() % 2 == 1 ? f.description() + TEXTS[s.c() % 3] : f.description(),
                            f.basis(),
                            f.severity(),
                            f.type(),
                            f.source(),
                            f.sourceRef(),
                            f.foundOn(),
                            f.foundBy(),
                            f.repeatOf(),
                            f.mergedInto(),
                            f.number(),
                            f.numberYear(),
                            f.numberSeq(),
                            f.importBatch(),
                            f.internalNotes()));
                }
            }
            case 8 -> files.importFindings(pick(SHEETS, s.a()), Progress.NONE);
            case 9 -> {
                List<Inspection> rounds = inspections.inspections();
                if (s.b() % 2 == 0 && !rounds.isEmpty()) {
                    inspections.delete(pick(rounds, s.a()).id());
                } else {
                    restore(rows("inspection", true), s.a(), inspections::restore);
                }
            }
            case 10 -> {
                Inspection round = pick(inspections.inspections(), s.a());
                if (round != null) {
                    if (s.c() % 2 == 0) {
                        InspectionTeam team = pick(inspections.teams(round.id()), s.b());
                        if (team != null) {
                            inspections.deleteTeam(team.id());
                        }
                    } else {
                        Visit visit = pick(inspections.visits(round.id()), s.b());
                        if (visit != null) {
                            inspections.deleteVisit(visit.id());
                        }
                    }
                }
            }
            case 11 -> feedbackForm(r, s);
            case 12 -> visitPhoto(s);
            default -> throw new IllegalArgumentException("action " + action);
        }
    }

    private List<RecordState> rows(String table, boolean deleted) {
        return deviceRows.rows(table, deleted);
    }

    /** A unit's form sent from here, filled in by the unit; or a filled form imported here. */
    private void feedbackForm(Registry r, Pick s) throws IOException {
        if (FORMS.isEmpty() || s.b() % 2 == 0) {
            Unit u = pick(r.units(), s.a());
            if (u == null || files.feedbackFindings(u.id()).isEmpty()) {
                return;
            }
            Path form = store.dataFolder().resolve("反馈表-" + FORMS.size() + ".xlsx");
            files.exportFeedback(
                    u.id(),
                    form,
                    org.taizhang.core.i18n.Messages.forLocale(org.taizhang.core.i18n.Messages.CHINESE),
                    Progress.NONE);
            List<List<String>> cells = org.taizhang.inspection.files.InspectionFilesFixture.cells(form);
            String number = cells.get(4 + s.c() % (cells.size() - 4)).getFirst();
            org.taizhang.inspection.files.InspectionFilesFixture.fill(form, number, "整改进展情况", "已整改" + s.c() % 3);
            org.taizhang.inspection.files.InspectionFilesFixture.fill(form, number, "报告日期", "2026-07-1" + s.c() % 10);
            FORMS.add(form);
        } else {
            files.importFeedback(pick(FORMS, s.c()), null, Progress.NONE);
        }
    }

    private List<LedgerEntry> ledger() {
        return findings.ledger().stream()
                .sorted(Comparator.comparing(LedgerEntry::id))
                .toList();
    }

    /** Two rounds everyone may touch (ids from their titles), a team, a unit in scope, a visit. */
    private void round(Pick s) {
        String title = "2026年年中大督查" + (s.a() % 2 == 0 ? "" : "（二）");
        String id = org.taizhang.core.Ids.forKey("inspection", title);
        inspections.save(new Inspection(
                id,
                title,
                pick(Inspection.COMMON_KINDS, s.b()),
                2026,
                java.time.LocalDate.of(2026, 6, 1),
                java.time.LocalDate.of(2026, 6, 1 + s.c() % 20),
                TEXTS[s.c() % TEXTS.length]));
        String teamId = org.taizhang.core.Ids.forKey("team", id, "第一组");
        inspections.save(new InspectionTeam(teamId, id, "第一检查组", TEXTS[s.b() % 3], "张三、李四"));
        Unit u = pick(service.load().units(), s.c());
        if (u != null) {
            if (s.b() % 3 == 0) {
                inspections.removeFromScope(id, u.id());
            } else {
                inspections.putInScope(id, u.id(), teamId);
            }
            inspections.save(new Visit(
                    org.taizhang.core.Ids.forKey("visit", id, u.id()),
                    id,
                    teamId,
                    u.id(),
                    java.time.LocalDate.of(2026, 6, 2 + s.a() % 10),
                    java.util.EnumSet.of(VisitMethod.values()[s.b() % 3]),
                    TEXTS[s.a() % TEXTS.length]));
        }
    }

    private void recordFinding(Registry r, Pick s) {
        Unit u = pick(r.units(), s.a());
        if (u == null) {
            return;
        }
        List<Inspection> rounds = inspections.inspections();
        Finding f = findings.record(Finding.recorded(
                java.util.UUID.randomUUID().toString(),
                rounds.isEmpty() || s.c() % 2 == 0 ? null : pick(rounds, s.c()).id(),
                null,
                u.id(),
                null,
                pick(FindingService.COMMON_CATEGORIES, s.b()),
                "支部会议记录不全" + s.c() % 4,
                null,
                Severity.values()[s.b() % 3],
                RectificationType.values()[s.c() % 3],
                FindingSource.VISIT,
                null,
                java.time.LocalDate.of(2026, 6, 1 + s.b() % 28),
                null));
        // sometimes a repeat of an earlier closed finding of the unit
        ledger().stream()
                .filter(e ->
                        e.state() == FindingState.CLOSED && e.finding().unitId().equals(u.id()))
                .findFirst()
                .filter(e -> s.c() % 3 == 0)
                .ifPresent(e -> findings.markRepeat(f.id(), e.id()));
    }

    /**
     * One step of a finding's life, chosen among those its state allows here: devices often act on the same
     * finding without having seen each other's steps (a laptop reports progress while the hub closes).
     */
    private void findingStep(Pick s) throws IOException {
        LedgerEntry e = pick(ledger(), s.a());
        if (e == null) {
            return;
        }
        // one to four steps in a row, mostly the one that moves the finding on, so that findings reach every
        // state and devices often take different steps on the same finding before they exchange
        for (int n = 0; n <= s.c() % 4; n++) {
            FindingState state = findings.timeline(e.id()).state();
            List<StepKind> allowed = Lifecycle.allowed(state);
            if (allowed.isEmpty()) {
                return;
            }
            StepKind onward = switch (state) {
                case PENDING -> StepKind.REGISTER;
                case REGISTERED -> StepKind.NOTIFY;
                case NOTIFIED, RECTIFYING ->
                    findings.evidence(e.id()).isEmpty() ? StepKind.PROGRESS : StepKind.REQUEST_CLOSE;
                case CLOSE_REQUESTED -> (s.b() + n) % 3 == 0 ? StepKind.REJECT : StepKind.CLOSE;
                default -> pick(allowed, s.b() + n);
            };
            try {
                oneStep(e, (s.b() + n) % 5 < 3 ? onward : pick(allowed, s.b() + n), s, n);
            } catch (DomainException refused) {
                // a laptop may not number; evidence or measures missing: the clerk is told, nothing written
            }
        }
    }

    private void oneStep(LedgerEntry e, StepKind kind, Pick s, int n) throws IOException {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 7, 1 + (s.c() + n) % 28);
        String id = e.id();
        switch (kind) {
            case REGISTER -> findings.register(id);
            case NOTIFY ->
                findings.notify(
                        id,
                        new FindingService.Notice(
                                day.plusDays(30 + s.c()), TEXTS[s.c() % 3], "办公室", TEXTS[s.b() % 3], null),
                        day);
            case RECEIPT -> findings.receipt(id, day);
            case PROGRESS -> {
                Path file = store.dataFolder().resolve("progress-" + s.c() % 3 + ".txt");
                Files.writeString(file, "整改照片 " + s.c() % 3);
                findings.progress(id, "已整改" + s.c(), null, s.c() % 3 != 0 ? List.of(file) : List.of(), day);
            }
            case REQUEST_CLOSE -> findings.requestClose(id, null, day);
            case CLOSE -> findings.close(id, s.c() % 2 == 0 ? Verdict.GOOD : Verdict.FAIRLY_GOOD, null, day);
            case REJECT -> findings.reject(id, "佐证不足" + s.c() % 2, day);
            case REWORK -> findings.rework(id, Verdict.FAIR, null, day.plusDays(20), day);
            case EXTEND -> findings.extend(id, day.plusDays(200 + s.c()), "客观原因", "书记", day);
            case ESCALATE -> findings.escalate(id, Escalation.values()[s.c() % 7], null, day);
            case FOLLOW_UP -> findings.followUp(id, "回头看未反弹", day);
            case MERGE -> {
                LedgerEntry other = pick(ledger(), s.c());
                if (other != null) {
                    findings.merge(id, other.id(), day);
                }
            }
            case NOTE -> {
                // half the time 不是重复 (the 数据交换 page's 待处理): a 备注 naming another finding of the unit, a listed
                // pair of possible duplicates when there is one
                List<Duplicates.Pair> pairs = Duplicates.pairs(ledger());
                LedgerEntry other = ledger().stream()
                        .filter(x -> x.finding().unitId().equals(e.finding().unitId()) && !x.id().equals(id))
                        .findFirst()
                        .orElse(null);
                if (s.b() % 2 == 0 && !pairs.isEmpty()) {
                    Duplicates.Pair p = pick(pairs, s.c());
                    findings.markDistinct(p.dropped().id(), p.kept().id(), "核对：不是同一问题", day);
                } else if (s.b() % 2 == 0 && other != null) {
                    findings.markDistinct(id, other.id(), "核对：不是同一问题", day);
                } else {
                    findings.note(id, TEXTS[s.c() % 3] + "备注", day);
                }
            }
            default -> {}
        }
    }

    private void measure(Pick s) {
        LedgerEntry e = pick(ledger(), s.a());
        if (e == null) {
            return;
        }
        Measure m = pick(e.measures(), s.b());
        if (m == null || s.c() % 4 == 0) {
            findings.saveMeasure(new Measure(
                    java.util.UUID.randomUUID().toString(),
                    e.id(),
                    "建立制度" + s.c() % 3,
                    TEXTS[s.b() % 3],
                    java.time.LocalDate.of(2026, 8, 1),
                    null,
                    s.b()));
        } else if (s.c() % 4 == 1) {
            findings.deleteMeasure(m.id());
        } else {
            findings.saveMeasure(
                    s.c() % 4 == 2
                            ? m.doneOn(java.time.LocalDate.of(2026, 7, 1 + s.b() % 28))
                            : new Measure(
                                    m.id(),
                                    m.findingId(),
                                    m.text() + "并落实",
                                    m.owner(),
                                    m.deadline(),
                                    m.doneOn(),
                                    m.sortOrder()));
        }
    }

    private void findingEvidence(Pick s) throws IOException {
        LedgerEntry e = pick(ledger(), s.a());
        if (e == null) {
            return;
        }
        List<FindingService.Evidence> held = findings.evidence(e.id());
        if (!held.isEmpty() && s.c() % 3 == 0) {
            findings.removeEvidence(pick(held, s.b()).id());
        } else {
            Path file = store.dataFolder().resolve("finding-" + s.c() % 3 + ".txt");
            Files.writeString(file, "现场照片 " + s.c() % 3);
            findings.attach(e.id(), null, file);
        }
    }

    /** A visit's photo added or removed. */
    private void visitPhoto(Pick s) throws IOException {
        List<Visit> visits = inspections.inspections().stream()
                .flatMap(i -> inspections.visits(i.id()).stream())
                .sorted(Comparator.comparing(Visit::id))
                .toList();
        Visit visit = pick(visits, s.a());
        if (visit == null) {
            return;
        }
        List<FindingService.Evidence> photos = inspections.photos(visit.id());
        if (!photos.isEmpty() && s.b() % 2 == 0) {
            inspections.removePhoto(pick(photos, s.b()).id());
        } else {
            Path photo = store.dataFolder().resolve("visit-" + s.b() % 3 + ".txt");
            Files.writeString(photo, "走访照片 " + s.b() % 3);
            inspections.attachToVisit(visit.id(), photo);
        }
    }
}
