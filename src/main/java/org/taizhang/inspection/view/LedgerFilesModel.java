package org.taizhang.inspection.view;

import java.nio.file.Path;
import java.util.List;
import org.taizhang.core.files.RowIssue;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Rejections;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.organization.model.Unit;

/**
 * The ledger's files from the window, as the command line has them: a unit's 整改情况反馈表 out and back, an
 * inspection team's 问题清单 in, and the 整改台账 out (what is shown, or everything). All run off the JavaFX thread;
 * a rejected file is shown row by row as a table that can be copied, and nothing is written.
 */
public final class LedgerFilesModel {
    private final InspectionFiles files;
    private final LedgerViewModel ledger;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;

    public LedgerFilesModel(
            InspectionFiles files, LedgerViewModel ledger, TaskRunner tasks, DialogService dialogs, Messages m) {
        this.files = files;
        this.ledger = ledger;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = m;
    }

    Messages messages() {
        return m;
    }

    /** The unit a feedback form is for: the unit filter's, else the chosen finding's. */
    Unit unitForFeedback() {
        if (ledger.filters().unitFilterProperty().get() != null) {
            return ledger.filters().unitFilterProperty().get();
        }
        var chosen = ledger.selectedProperty().get();
        return chosen == null
                ? null
                : ledger.filters().units().stream()
                        .filter(u -> u.id().equals(chosen.finding().unitId()))
                        .findFirst()
                        .orElse(null);
    }

    /** 导出整改情况反馈表: the unit's findings in 已交办 and 整改中, to send to the unit. */
    public void exportFeedback(Unit unit, Path file) {
        if (unit == null) {
            dialogs.showInfo(m.get("ledger.files.exportFeedback"), m.get("ledger.files.chooseUnit"));
            return;
        }
        tasks.run(
                "ledger.files.exportFeedback",
                p -> files.exportFeedback(unit.id(), file, m, p),
                n -> dialogs.offerToOpen(
                        m,
                        m.get("ledger.files.exportFeedback"),
                        m.get("ledger.files.feedbackWritten", unit.name(), n, file),
                        file));
    }

    /** 导入整改情况反馈表: the unit's progress reports, all or nothing; the same file twice adds nothing. */
    public void importFeedback(Path file) {
        tasks.run("ledger.files.importFeedback", p -> files.importFeedback(file, null, p), r -> {
            if (!r.errors().isEmpty()) {
                rejected("ledger.files.importFeedback", r.errors());
                return;
            }
            String message = r.alreadyImported()
                    ? m.get("ledger.files.feedbackAgain", r.unitName())
                    : m.get("ledger.files.feedbackRead", r.unitName(), r.added());
            ledger.load(() -> dialogs.showInfo(m.get("ledger.files.importFeedback"), message));
        });
    }

    /** 导入问题清单: an inspection team's spreadsheet, every row 待挂号; all or nothing, never the same file twice. */
    public void importFindings(Path file) {
        tasks.run("ledger.files.importFindings", p -> files.importFindings(file, p), r -> {
            if (!r.errors().isEmpty()) {
                rejected("ledger.files.importFindings", r.errors());
                return;
            }
            String read = m.get("ledger.files.findingsRead", r.recorded(), r.sheet());
            String said = r.unread().isEmpty()
                    ? read
                    : read + "\n" + m.get("ledger.files.unreadColumns", String.join("、", r.unread()));
            ledger.load(() -> dialogs.showInfo(m.get("ledger.files.importFindings"), said));
        });
    }

    /** 导出台账: the rows shown (with the filters) or all of them, as .xlsx or .pdf in the official layout, or .csv. */
    public void exportLedger(Path file, boolean shownOnly) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        org.taizhang.core.report.ReportFormat format = name.endsWith(".csv")
                ? org.taizhang.core.report.ReportFormat.CSV
                : name.endsWith(".pdf")
                        ? org.taizhang.core.report.ReportFormat.PDF
                        : org.taizhang.core.report.ReportFormat.XLSX;
        List<org.taizhang.inspection.model.LedgerEntry> rows =
                List.copyOf(shownOnly ? ledger.filters().shown() : ledger.entries());
        String title = m.get("ledger.files.ledgerTitle");
        tasks.run(
                "ledger.files.exportLedger",
                p -> files.writeLedger(rows, title, format, file, m, p),
                w -> dialogs.offerToOpen(
                        m,
                        m.get("ledger.files.exportLedger"),
                        m.get("ledger.files.ledgerWritten", w.rows(), file),
                        file));
    }

    private void rejected(String titleKey, List<RowIssue> errors) {
        Rejections.show(dialogs, m, m.get(titleKey), errors);
    }
}
