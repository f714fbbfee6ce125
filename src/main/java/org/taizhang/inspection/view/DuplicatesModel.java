package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.List;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.Duplicates;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;

/**
 * Findings that are one problem on the 整改台账 page: 疑似重复 (two open findings recorded twice, merged on the
 * clerk's yes) and 屡查屡犯 (an open finding repeating an earlier closed one, counted as 反弹). Nothing is merged or
 * marked without the clerk.
 */
public final class DuplicatesModel {
    private final FindingService service;
    private final LedgerPage page;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;

    DuplicatesModel(FindingService service, LedgerPage page, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.page = page;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = page.messages();
    }

    /**
     * 疑似重复: pairs of open findings of one unit, category and round with similar text; the clerk picks one, and
     * on a yes the one to drop is merged into the one to keep (the numbered one, else the earlier number or the
     * earlier found).
     */
    public void reviewDuplicates() {
        List<Duplicates.Pair> pairs = Duplicates.pairs(List.copyOf(page.entries()));
        if (pairs.isEmpty()) {
            dialogs.showInfo(m.get("ledger.duplicates.title"), m.get("ledger.duplicates.none"));
            return;
        }
        List<String> choices = pairs.stream()
                .map(p -> m.get(
                        "ledger.duplicates.pair",
                        page.numberOf(p.first().finding()),
                        page.numberOf(p.second().finding()),
                        p.first().unitName(),
                        Math.round(p.similarity() * 100)))
                .toList();
        dialogs.choose(m.get("ledger.duplicates.title"), m.get("ledger.duplicates.choose", pairs.size()), choices)
                .ifPresent(i -> merge(pairs.get(i)));
    }

    private void merge(Duplicates.Pair pair) {
        LedgerEntry keep = kept(pair.first(), pair.second());
        LedgerEntry drop = keep == pair.first() ? pair.second() : pair.first();
        if (!dialogs.confirm(
                m.get("ledger.duplicates.title"),
                m.get(
                        "ledger.duplicates.confirm",
                        page.numberOf(drop.finding()),
                        drop.finding().description(),
                        page.numberOf(keep.finding()),
                        keep.finding().description()))) {
            return;
        }
        LocalDate day = page.today();
        tasks.run(
                "ledger.duplicates.title",
                p -> {
                    service.merge(drop.id(), keep.id(), day);
                    return null;
                },
                done -> page.loadAndChoose(keep.id()));
    }

    /** Which of two findings carries on (Duplicates.Pair#kept). */
    static LedgerEntry kept(LedgerEntry a, LedgerEntry b) {
        return new Duplicates.Pair(a, b, 1).kept();
    }

    /** The closed findings of the chosen one's unit of the same kind, which it may repeat. */
    public List<LedgerEntry> earlierOfSameKind() {
        LedgerEntry e = page.chosen();
        if (e == null || !e.state().isOpen() || e.finding().repeatOf() != null) {
            return List.of();
        }
        return page.entries().stream()
                .filter(x -> x.state() == FindingState.CLOSED
                        && x.finding().unitId().equals(e.finding().unitId())
                        && org.taizhang.inspection.StepRules.sameProblemKind(e.finding(), x.finding()))
                .toList();
    }

    /** Marks the chosen finding as repeating an earlier closed one the clerk picks (counted as 反弹). */
    public void markRepeat() {
        LedgerEntry e = page.chosen();
        List<LedgerEntry> earlier = earlierOfSameKind();
        if (e == null || earlier.isEmpty()) {
            return;
        }
        dialogs.choose(
                        m.get("ledger.repeat.title"),
                        m.get("ledger.repeat.choose", page.numberOf(e.finding())),
                        earlier.stream()
                                .map(x -> m.get(
                                        "ledger.repeat.candidate",
                                        page.numberOf(x.finding()),
                                        x.finding().description(),
                                        String.valueOf(x.timeline().closedOn())))
                                .toList())
                .ifPresent(i -> tasks.run(
                        "ledger.repeat.title",
                        p -> {
                            service.markRepeat(e.id(), earlier.get(i).id());
                            return null;
                        },
                        done -> page.reload()));
    }
}
