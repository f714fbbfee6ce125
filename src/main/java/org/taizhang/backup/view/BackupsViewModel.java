package org.taizhang.backup.view;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.taizhang.backup.BackupService;
import org.taizhang.backup.IntegrityCheck;
import org.taizhang.backup.model.Problem;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.Backups;
import org.taizhang.core.store.Store;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.TaskRunner;

/**
 * 设置 → 备份与恢复 (issue 22): the copies with their date, why they were taken, size and what they hold; a copy
 * now; a restore of the chosen one (the window closes the database, restores and opens it again); a check of the
 * database; how many copies rotation keeps. Every read and write runs on the worker.
 */
public final class BackupsViewModel {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One row of the table, as shown. */
    public record Row(
            BackupService.Listed listed, String taken, String reason, String size, String holds, String state) {}

    private final Store store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final Consumer<Path> restoreAndReopen;
    final ObservableList<Row> rows = FXCollections.observableArrayList();
    final StringProperty keepDaily = new SimpleStringProperty("");
    final StringProperty keepMonthly = new SimpleStringProperty("");
    /** The second backup folder ("" for none) and what it holds or why it is out of reach. */
    final StringProperty secondFolder = new SimpleStringProperty("");

    final StringProperty secondState = new SimpleStringProperty("");

    /** {@code restoreAndReopen}: closes the database, restores the copy given and opens the window on it again. */
    public BackupsViewModel(
            Store store, TaskRunner tasks, DialogService dialogs, Messages m, Consumer<Path> restoreAndReopen) {
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = m;
        this.restoreAndReopen = restoreAndReopen;
    }

    private record Listing(List<BackupService.Listed> copies, Backups.Policy policy, java.util.Optional<Path> second) {}

    public Messages messages() {
        return m;
    }

    public void reload() {
        tasks.run(
                "backup.task.list",
                p -> new Listing(
                        BackupService.list(store.database()),
                        BackupService.policy(store),
                        BackupService.secondFolder(store)),
                l -> {
                    secondFolder.set(l.second().map(Path::toString).orElse(""));
                    rows.setAll(l.copies().stream().map(this::row).toList());
                    Backups.Policy policy = l.policy();
                    keepDaily.set(Integer.toString(policy.daily()));
                    keepMonthly.set(Integer.toString(policy.monthly()));
                });
    }

    Row row(BackupService.Listed l) {
        Backups.Copy c = l.copy();
        String holds = l.restorable()
                ? m.get(
                        "backup.view.holds",
                        l.contents().counts().getOrDefault("unit", 0),
                        l.contents().counts().getOrDefault("organization", 0),
                        l.contents().counts().getOrDefault("finding", 0))
                : "";
        return new Row(
                l,
                SHOWN.format(c.taken()),
                reason(c.plainReason()),
                String.format(java.util.Locale.ROOT, "%.1f MB", c.bytes() / 1e6),
                holds,
                l.restorable() ? m.get("backup.view.good") : m.describe(l.problem()));
    }

    /** {@code plain}: {@link Backups.Copy#plainReason}. */
    String reason(String plain) {
        if (plain.startsWith("before-v")) {
            return m.get("backup.view.reason.upgrade", plain.substring("before-v".length()));
        }
        return switch (plain) {
            case Backups.DAILY -> m.get("backup.view.reason.daily");
            case Backups.MANUAL -> m.get("backup.view.reason.manual");
            case Backups.BEFORE_RESTORE -> m.get("backup.view.reason.beforeRestore");
            case Backups.BEFORE_IMPORT -> m.get("backup.view.reason.beforeImport");
            case "before-switching-hub" -> m.get("backup.view.reason.beforeSwitchingHub");
            case "damaged" -> m.get("backup.view.reason.damaged");
            default -> plain;
        };
    }

    public void backupNow() {
        tasks.run("backup.task.create", p -> BackupService.create(store), copy -> {
            dialogs.showInfo(m.get("backup.task.create"), m.get("backup.view.created", copy));
            reload();
        });
    }

    /** Asks first (the safe answer is 否); the copy replaces what the database holds now, which is kept as a copy. */
    public void restore(Row row) {
        if (row == null) {
            dialogs.showInfo(m.get("backup.task.restore"), m.get("backup.view.chooseFirst"));
            return;
        }
        if (!store.actor().mayAdminister()) { // a restore is the 管理员's (issue 22)
            dialogs.showError(m.get("backup.task.restore"), m.get("access.adminOnly", store.operator()));
            return;
        }
        if (!row.listed().restorable()) {
            dialogs.showError(
                    m.get("backup.task.restore"), m.describe(row.listed().problem()));
            return;
        }
        if (dialogs.confirm(
                m.get("backup.task.restore"), m.get("backup.view.confirmRestore", row.taken(), row.holds()))) {
            restoreAndReopen.accept(row.listed().copy().file());
        }
    }

    /** Chooses the second folder (a network share, a USB disk) and brings it up to date at once. */
    public void chooseSecondFolder() {
        dialogs.chooseFolder(m.get("backup.view.chooseSecond")).ifPresent(folder -> saveSecondFolder(folder));
    }

    public void clearSecondFolder() {
        saveSecondFolder(null);
    }

    private void saveSecondFolder(Path folder) {
        tasks.run(
                "backup.task.second",
                p -> {
                    BackupService.saveSecondFolder(store, folder);
                    return BackupService.mirrorToSecond(store);
                },
                done -> {
                    secondFolder.set(folder == null ? "" : folder.toString());
                    showSecond(done);
                });
    }

    /** What the status bar and this page say of the second folder after it was brought up to date (or not). */
    public String describe(java.util.Optional<BackupService.SecondCopy> second) {
        if (second.isEmpty()) {
            return "";
        }
        BackupService.SecondCopy c = second.get();
        return c.problem() != null
                ? m.describe(c.problem())
                : m.get(
                        "backup.view.secondDone",
                        c.folder(),
                        c.mirrored().copies().size(),
                        c.mirrored().attachments());
    }

    void showSecond(java.util.Optional<BackupService.SecondCopy> second) {
        secondState.set(describe(second));
    }

    public void check() {
        tasks.run("backup.task.check", p -> new IntegrityCheck(store).run(p), problems -> {
            if (problems.isEmpty()) {
                dialogs.showInfo(m.get("backup.task.check"), m.get("backup.view.sound"));
            } else {
                dialogs.showTable(
                        m.get("backup.task.check"),
                        m.get("backup.view.problems", problems.size()),
                        true,
                        List.of(
                                m.get("backup.view.problemKind"),
                                m.get("backup.view.problemWhere"),
                                m.get("backup.view.problemDetail")),
                        problems.stream()
                                .map(p -> List.of(kind(p.kind()), p.where(), p.detail()))
                                .toList());
            }
        });
    }

    String kind(Problem.Kind kind) {
        return switch (kind) {
            case DAMAGED -> m.get("backup.kind.damaged");
            case FOREIGN_KEY -> m.get("backup.kind.foreignKey");
            case ATTACHMENT_MISSING -> m.get("backup.kind.attachmentMissing");
            case ATTACHMENT_CHANGED -> m.get("backup.kind.attachmentChanged");
            case NO_CREATE_ENTRY -> m.get("backup.kind.noCreateEntry");
            case REVISION_WITHOUT_HISTORY -> m.get("backup.kind.revisionWithoutHistory");
            case HISTORY_WITHOUT_RECORD -> m.get("backup.kind.historyWithoutRecord");
            case HISTORY_NAME -> m.get("backup.kind.historyName");
            case DUPLICATE_NUMBER -> m.get("backup.kind.duplicateNumber");
        };
    }

    /** Keeps the rotation's numbers (checked: whole numbers, 1–3650 days, 0–1200 months). */
    public void savePolicy() {
        Backups.Policy policy;
        try {
            policy = new Backups.Policy(
                    Integer.parseInt(keepDaily.get().strip()),
                    Integer.parseInt(keepMonthly.get().strip()));
        } catch (IllegalArgumentException e) {
            dialogs.showError(m.get("backup.task.policy"), m.get("backup.view.badPolicy"));
            return;
        }
        tasks.run(
                "backup.task.policy",
                p -> {
                    BackupService.savePolicy(store, policy);
                    return policy;
                },
                saved -> dialogs.showInfo(
                        m.get("backup.task.policy"), m.get("backup.view.policySaved", saved.daily(), saved.monthly())));
    }
}
