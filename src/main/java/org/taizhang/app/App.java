package org.taizhang.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.taizhang.checklist.ChecklistService;
import org.taizhang.checklist.ItemFindings;
import org.taizhang.checklist.view.AssessmentsViewModel;
import org.taizhang.checklist.view.BoardViewModel;
import org.taizhang.checklist.view.ChecklistsView;
import org.taizhang.checklist.view.TemplatesViewModel;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.store.FirstRun;
import org.taizhang.core.store.StorageLocation;
import org.taizhang.core.store.Store;
import org.taizhang.core.ui.FxDialogService;
import org.taizhang.core.ui.Shell;
import org.taizhang.core.ui.TaskRunner;
import org.taizhang.core.ui.UnsavedEdits;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.view.ExchangeView;
import org.taizhang.exchange.view.ExchangeViewModel;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.InspectionService;
import org.taizhang.inspection.files.InspectionFiles;
import org.taizhang.inspection.sample.SampleFindings;
import org.taizhang.inspection.view.InspectionsView;
import org.taizhang.inspection.view.InspectionsViewModel;
import org.taizhang.inspection.view.LedgerFilesModel;
import org.taizhang.inspection.view.LedgerView;
import org.taizhang.inspection.view.LedgerViewModel;
import org.taizhang.inspection.view.RemindersModel;
import org.taizhang.inspection.view.RemindersPane;
import org.taizhang.inspection.view.SettingsModel;
import org.taizhang.inspection.view.SettingsPane;
import org.taizhang.operator.OperatorService;
import org.taizhang.operator.view.IdleLock;
import org.taizhang.operator.view.OperatorsPane;
import org.taizhang.operator.view.OperatorsViewModel;
import org.taizhang.operator.view.SignIn;
import org.taizhang.organization.RegistryService;
import org.taizhang.organization.view.RegistryView;
import org.taizhang.organization.view.RegistryViewModel;
import org.taizhang.report.DashboardService;
import org.taizhang.report.view.DashboardFiguresModel;
import org.taizhang.report.view.DashboardFiguresPane;

/**
 * The JavaFX application and composition root: it shows the window at once, opens the database in the
 * background, then wires the features by hand (constructor injection, no globals).
 */
public final class App extends Application {
    /** The page the window opens on: the clerk's 工作台. */
    static final String FIRST_SECTION = "dashboard";

    private Store store;
    private TaskRunner tasks;
    /** The forms of the pages built so far; closing the window asks about all of them. */
    private UnsavedEdits unsaved;
    /** Where the database lies (a network share, a synced folder), found as the window opens. */
    private StorageLocation location;

    public static void open(Path database, Locale locale) {
        Application.launch(App.class, "--db=" + database.toAbsolutePath(), "--lang=" + locale.getLanguage());
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Path database = Path.of(named.get("db"));
        Messages messages = Messages.forLocale(Locale.forLanguageTag(named.getOrDefault("lang", "zh")));
        Locale.setDefault(messages.locale()); // JavaFX's own control texts follow the default locale
        FxDialogService dialogs = new FxDialogService(stage, messages, getHostServices());
        tasks = new TaskRunner(messages, dialogs);
        openIn(stage, database, messages, dialogs);
    }

    /**
     * Opens the database in the window: a new shell whose pages are built as they are first shown. Called at the
     * start, and again after a restore has replaced what the database holds (every page is then built anew).
     */
    private void openIn(Stage stage, Path database, Messages messages, FxDialogService dialogs) {
        unsaved = new UnsavedEdits(dialogs, messages);
        Shell shell = new Shell(messages, tasks);
        // the database opens on the worker while the window is shown, not after; the window creates the database
        // on its first start, then offers the sample data
        tasks.run(
                "store.task.open",
                p -> {
                    Store opened = Store.openOrCreate(database);
                    try {
                        // the registry is read on the same trip, before the page that shows it is built
                        RegistryService registry = new RegistryService(opened);
                        return new Opened(opened, registry, RegistryViewModel.read(registry, messages));
                    } catch (RuntimeException e) {
                        opened.close();
                        throw e;
                    }
                },
                opened -> {
                    store = opened.store();
                    OperatorService operators = new OperatorService(store);
                    if (operators.signInNeeded()) { // several operators, or a password: who works here?
                        SignIn.ask(
                                operators,
                                tasks,
                                dialogs,
                                messages,
                                () -> wire(opened, shell, messages, dialogs, stage),
                                Platform::exit);
                    } else {
                        wire(opened, shell, messages, dialogs, stage);
                    }
                },
                error -> {
                    String text = error instanceof DomainException d
                            ? messages.describe(d)
                            : messages.get("task.internalError", String.valueOf(error));
                    if (Store.isDamage(error, database)) {
                        offerNewestBackup(stage, database, text, messages, dialogs);
                        return true;
                    }
                    dialogs.showError(messages.get("store.task.open"), text);
                    Platform.exit();
                    return true;
                });
        // office PCs run 1366×768 with a taskbar: fit the screen's free area, maximised when it is that small
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(
                // a StackPane under the content: the idle lock covers it there
                new Scene(
                        new javafx.scene.layout.StackPane(shell.root()),
                        Math.min(1280, screen.getWidth()),
                        Math.min(760, screen.getHeight() - 40)));
        stage.setTitle(messages.get("app.title") + " — " + database.getFileName());
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.setMaximized(screen.getWidth() <= 1440 || screen.getHeight() <= 800);
        askBeforeClosing(stage, unsaved, Platform::exit);
        stage.show();
        StartupProbe.mark("firstWindowMs");
        // a network share or a synced folder: said in the footer for good, and in a banner once the start is settled
        location = StorageLocation.of(database);
        shell.footer().showDatabase(database.toAbsolutePath() + (location.isLocal() ? "" : "  ⚠ " + location.where()));
    }

    /**
     * Closing the window asks about unsaved edits first (保存 / 放弃 / 取消), like every other way out of a form:
     * the request is held until every page's form is settled, and one question names them all; 取消 keeps the
     * window open. Before the database is open no page has joined, so there is nothing to lose.
     */
    static void askBeforeClosing(Stage stage, UnsavedEdits unsaved, Runnable exit) {
        boolean[] closing = {false};
        stage.setOnCloseRequest(e -> {
            if (closing[0]) {
                return;
            }
            e.consume();
            unsaved.whenSettled(() -> {
                closing[0] = true;
                stage.close();
                exit.run();
            });
        });
    }

    /** What the start's first job gives: the open store and the registry, read. */
    private record Opened(Store store, RegistryService registry, RegistryViewModel.Loaded loaded) {}

    private void wire(Opened start, Shell shell, Messages messages, FxDialogService dialogs, Stage stage) {
        Store opened = start.store();
        RegistryService registry = start.registry();
        Runnable showOperator = () -> shell.footer()
                .showOperator(messages.get(
                        "app.operator",
                        opened.operator(),
                        messages.get(opened.actor().role().messageKey())));
        showOperator.run();
        IdleLock idleLock = new IdleLock(
                (javafx.scene.layout.StackPane) stage.getScene().getRoot(),
                new OperatorService(opened),
                tasks,
                dialogs,
                messages,
                showOperator);
        tasks.run("operator.task.list", p -> new OperatorService(opened).idleLockMinutes(), idleLock::start);
        RegistryViewModel registryModel = new RegistryViewModel(registry, tasks, dialogs, messages);
        registryModel.joinClosePrompt(unsaved);
        RegistryView registryView = new RegistryView(registryModel);
        InspectionService inspections = new InspectionService(opened);
        FindingService findings = new FindingService(opened, registry);
        // one ledger page: the 工作台's reminders open it filtered, or on one finding
        LedgerViewModel[] ledger = {null};
        java.util.function.Supplier<LedgerViewModel> ledgerModel = () -> {
            if (ledger[0] == null) {
                ledger[0] = new LedgerViewModel(findings, inspections, tasks, dialogs, messages);
            }
            return ledger[0];
        };
        RemindersModel reminders = new RemindersModel(findings, tasks, messages);
        ChecklistService checklists = new ChecklistService(opened, registry);
        DashboardService dashboardService = new DashboardService(opened, findings, checklists);
        DashboardFiguresModel figures = new DashboardFiguresModel(messages);
        // the 工作台 says whether this laptop's changes reached the hub, or which laptops the hub has not heard from
        ExchangeViewModel exchangeStatus =
                new ExchangeViewModel(new ExchangeService(opened), opened, tasks, dialogs, messages);
        // the clerk's first page; its reminder counts are read again each time it is shown, so a step taken in the
        // ledger (or anything else that changed a finding) shows when the clerk comes back
        shell.add(new Shell.Section(
                "dashboard",
                "nav.dashboard",
                () -> dashboard(registryModel, figures, shown -> {
                            registryModel.show(shown);
                            shell.select("registry");
                        })
                        .with(new DashboardFiguresPane(figures, opening -> {
                                    if (opening instanceof DashboardFiguresModel.Figure f
                                            && f == DashboardFiguresModel.Figure.BOARD) {
                                        shell.select("checklists");
                                    } else {
                                        openLedger(ledgerModel.get(), opening);
                                        shell.select("ledger");
                                    }
                                })
                                .node())
                        .with(new RemindersPane(
                                        reminders,
                                        kind -> {
                                            ledgerModel.get().show(kind);
                                            shell.select("ledger");
                                        },
                                        id -> {
                                            ledgerModel.get().showFinding(id);
                                            shell.select("ledger");
                                        })
                                .node())
                        .with(ExchangeView.dashboardPart(exchangeStatus, () -> shell.select("exchange")))
                        .node(),
                () -> {
                    // one read of the ledger for the reminders and the key figures (20,000 findings: ~0.4 s)
                    tasks.run(
                            "report.task.dashboard",
                            p -> {
                                var rows = findings.ledger();
                                return java.util.Map.entry(rows, dashboardService.figures(rows));
                            },
                            read -> {
                                reminders.show(read.getKey());
                                figures.show(read.getValue());
                            });
                    exchangeStatus.reload();
                }));
        shell.add(new Shell.Section("registry", "nav.registry", registryView::node));
        shell.add(new Shell.Section("checklists", "nav.checklists", () -> {
            TemplatesViewModel templates = new TemplatesViewModel(checklists, tasks, dialogs, messages);
            templates.joinClosePrompt(unsaved);
            return new ChecklistsView(
                            new BoardViewModel(checklists, tasks, dialogs, messages),
                            new AssessmentsViewModel(
                                    checklists,
                                    registry,
                                    new ItemFindings(checklists, findings, messages),
                                    tasks,
                                    dialogs,
                                    messages),
                            templates,
                            messages,
                            dialogs)
                    .node();
        }));
        shell.add(new Shell.Section("inspections", "nav.inspections", () -> {
            InspectionsViewModel vm = new InspectionsViewModel(inspections, registry, tasks, dialogs, messages);
            vm.joinClosePrompt(unsaved);
            InspectionsView view = new InspectionsView(vm);
            vm.reload();
            return view.node();
        }));
        shell.add(new Shell.Section(
                "ledger",
                "nav.ledger",
                () -> new LedgerView(ledgerModel.get(), messages, dialogs)
                        .withFiles(new LedgerFilesModel(
                                new InspectionFiles(opened, registry), ledgerModel.get(), tasks, dialogs, messages))
                        .node()));
        shell.add(new Shell.Section("reports", "nav.reports", () -> {
            org.taizhang.report.view.ReportsViewModel vm = new org.taizhang.report.view.ReportsViewModel(
                    new org.taizhang.report.Reports(registry, checklists, findings, inspections),
                    tasks,
                    dialogs,
                    messages);
            javafx.scene.Node page = new org.taizhang.report.view.ReportsView(vm, messages, dialogs).node();
            vm.load();
            return page;
        }));
        shell.add(new Shell.Section("exchange", "nav.exchange", () -> {
            ExchangeViewModel vm = new ExchangeViewModel(new ExchangeService(opened), opened, tasks, dialogs, messages);
            ExchangeView view = new ExchangeView(vm, dialogs);
            vm.reload();
            return view.node();
        }));
        shell.add(new Shell.Section(
                "settings",
                "nav.settings",
                () -> new SettingsView(opened, messages)
                        .with(new SettingsPane(new SettingsModel(findings, tasks, dialogs, messages)).node())
                        .with(new org.taizhang.backup.view.BackupsPane(new org.taizhang.backup.view.BackupsViewModel(
                                        opened,
                                        tasks,
                                        dialogs,
                                        messages,
                                        copy -> restoreAndReopen(stage, opened, copy, messages, dialogs)))
                                .node())
                        .with(new OperatorsPane(new OperatorsViewModel(
                                                new OperatorService(opened), tasks, dialogs, messages, showOperator)
                                        .onIdleLockChanged(idleLock::start))
                                .node())
                        .node()));
        // the 工作台 first; -Dtaizhang.section=checklists (say) opens another page, for screenshots of it
        shell.select(System.getProperty("taizhang.section", FIRST_SECTION));
        registryModel.show(start.loaded());
        afterLayout(stage.getScene(), () -> {
            // the rows have been laid out on screen (the table's cells exist), not only handed to the table
            StartupProbe.mark("registryShownMs");
            // both are database reads: on the worker, never on the JavaFX thread
            tasks.run(
                    "firstRun.task.check",
                    p -> new boolean[] {FirstRun.isPending(opened), opened.wasHubUnderAnotherId()},
                    found -> {
                        boolean pending = found[0];
                        warnAboutLocation(opened, shell, messages, () -> {
                            if (pending) {
                                firstRun(opened, registryModel, reminders, shell, messages);
                            } else if (found[1]) {
                                confirmHub(opened, shell, messages);
                            } else {
                                remindAtStart(reminders, shell, messages);
                            }
                        });
                        StartupProbe.finishIfProbing();
                        // the second backup folder catches up after the start, off the window's way; out of reach,
                        // the status bar says so quietly and the work goes on
                        tasks.run(
                                "backup.task.second",
                                p -> org.taizhang.backup.BackupService.mirrorToSecond(opened),
                                second -> second.ifPresent(c -> shell.footer()
                                        .showNote(
                                                c.problem() == null ? "" : messages.get("app.secondMissing"),
                                                c.problem() == null ? "" : messages.describe(c.problem()))));
                    });
        });
    }

    /**
     * A damaged database is not opened (issue 22): the window says what is wrong and offers the newest copy that is
     * whole; 否 (the default) closes the program, the file untouched.
     */
    /** The 工作台's registry tiles; the 党支部 tile says how the branches moved once the key figures are read. */
    private static DashboardView dashboard(
            RegistryViewModel registry,
            DashboardFiguresModel figures,
            java.util.function.Consumer<RegistryViewModel.Shown> open) {
        DashboardView view = new DashboardView(registry, figures.messages(), open);
        figures.figuresProperty().addListener((o, was, f) -> {
            if (f != null) {
                view.trend(RegistryViewModel.Shown.BRANCHES, figures.branchesTrend(f));
            }
        });
        return view;
    }

    /** Opens the ledger on what a key figure, a bar or a due finding of the 工作台 counts. */
    private static void openLedger(LedgerViewModel ledger, DashboardFiguresModel.Opening opening) {
        switch (opening) {
            case DashboardFiguresModel.Figure f -> {
                switch (f) {
                    case OPEN -> ledger.filters().show(true, null, null, null);
                    case CLOSED ->
                        ledger.filters().show(false, org.taizhang.inspection.model.FindingState.CLOSED, null, null);
                    case OVERDUE -> ledger.show(RemindersModel.Kind.OVERDUE);
                    case SOON -> ledger.show(RemindersModel.Kind.SOON);
                    case ALL_FINDINGS, BOARD -> ledger.filters().clear();
                }
            }
            case DashboardFiguresModel.Community c -> ledger.filters().show(false, null, c.name(), null);
            case DashboardFiguresModel.Category c -> ledger.filters().show(false, null, null, c.name());
            case DashboardFiguresModel.Finding f -> ledger.showFinding(f.findingId());
        }
    }

    private void offerNewestBackup(
            Stage stage, Path database, String what, Messages messages, FxDialogService dialogs) {
        tasks.run("backup.task.list", p -> org.taizhang.backup.BackupService.newestRestorable(database), newest -> {
            if (newest.isEmpty()) {
                dialogs.showError(messages.get("store.task.open"), what + "\n\n" + messages.get("app.noBackup"));
                Platform.exit();
                return;
            }
            var copy = newest.get();
            if (!dialogs.confirm(
                    messages.get("store.task.open"),
                    what + "\n\n"
                            + messages.get(
                                    "app.offerBackup",
                                    copy.copy()
                                            .taken()
                                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                                    copy.contents().counts().getOrDefault("unit", 0),
                                    copy.contents().counts().getOrDefault("finding", 0)))) {
                Platform.exit();
                return;
            }
            tasks.run(
                    "backup.task.restore",
                    p -> org.taizhang.backup.BackupService.restore(
                            database, copy.copy().file(), java.time.Clock.systemUTC(), p),
                    restored -> openIn(stage, database, messages, dialogs),
                    failed -> {
                        dialogs.showError(
                                messages.get("backup.task.restore"),
                                failed instanceof DomainException d
                                        ? messages.describe(d)
                                        : messages.get("task.internalError", String.valueOf(failed)));
                        Platform.exit();
                        return true;
                    });
        });
    }

    /**
     * 恢复 (issue 22): once every form is settled, the database is closed, the copy restored
     * ({@link org.taizhang.backup.BackupService#restore}: emergency package, a copy of what it replaces, the copy
     * written in under the instance lock), and the window opens the database again, with every page built anew. A
     * refused restore changes nothing, and the database opens again as it was.
     */
    private void restoreAndReopen(Stage stage, Store opened, Path copy, Messages messages, FxDialogService dialogs) {
        Path database = opened.database();
        unsaved.whenSettled(() -> tasks.run(
                "backup.task.restore",
                p -> {
                    opened.close();
                    return org.taizhang.backup.BackupService.restore(database, copy, java.time.Clock.systemUTC(), p);
                },
                restored -> {
                    openIn(stage, database, messages, dialogs);
                    dialogs.showInfo(
                            messages.get("backup.task.restore"),
                            messages.get(
                                            "app.restored",
                                            copy.getFileName(),
                                            restored.before().getFileName())
                                    + restored.emergency()
                                            .map(e -> "\n\n"
                                                    + messages.get("app.restoredEmergency", e.records(), e.file()))
                                            .orElse(""));
                },
                error -> {
                    dialogs.showError(
                            messages.get("backup.task.restore"),
                            error instanceof DomainException d
                                    ? messages.describe(d)
                                    : messages.get("task.internalError", String.valueOf(error)));
                    openIn(stage, database, messages, dialogs);
                    return true;
                }));
    }

    /**
     * A database on a network share or in a synced folder opens, with a banner saying what may go wrong there; the
     * start's own question or reminder ({@code next}) follows once it is read (one banner shows at a time).
     */
    private void warnAboutLocation(Store opened, Shell shell, Messages m, Runnable next) {
        java.util.Optional<String> key = location == null ? java.util.Optional.empty() : location.warningKey();
        if (key.isEmpty()) {
            next.run();
            return;
        }
        shell.showBanner(
                m.get(key.get(), opened.database(), location.where()),
                List.of(m.get("store.location.understood")),
                List.of(next));
    }

    /** Runs {@code then} after the scene's next layout pass, i.e. once what was just set is on screen. */
    private static void afterLayout(Scene scene, Runnable then) {
        boolean[] done = {false};
        Runnable[] listener = {null};
        listener[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                // removed afterwards: the scene is walking its listeners right now
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    then.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /**
     * This database was the hub under another device id: a copy of the hub's file, or the hub restored after a disk
     * failure. Only a person can tell which; until confirmed it gives no numbers (a copy must never number too).
     */
    private void confirmHub(Store opened, Shell shell, Messages m) {
        shell.showBanner(
                m.get("formerHub.text"),
                List.of(m.get("formerHub.confirm"), m.get("formerHub.field")),
                List.of(
                        () -> tasks.run(
                                "formerHub.task",
                                p -> {
                                    opened.designateHub();
                                    return true;
                                },
                                x -> {}),
                        () -> {}));
    }

    /** 整改提醒 when the program starts: overdue and due-soon findings, with a way to the 工作台's list. */
    private void remindAtStart(RemindersModel reminders, Shell shell, Messages m) {
        if (System.getProperty("taizhang.startupProbe") != null) {
            return; // the start-up benchmark measures the registry, not the reminders
        }
        reminders.reload(() -> {
            RemindersModel.Reminders r = reminders.remindersProperty().get();
            if (r.any()) {
                shell.showBanner(
                        m.get(
                                "inspection.reminder.startupText",
                                r.count(RemindersModel.Kind.OVERDUE),
                                r.count(RemindersModel.Kind.SOON)),
                        List.of(m.get("inspection.reminder.startupTitle")),
                        List.of(() -> shell.select("dashboard")));
            }
        });
    }

    private void firstRun(
            Store opened, RegistryViewModel registryModel, RemindersModel reminders, Shell shell, Messages m) {
        Runnable done = () -> tasks.run(
                "firstRun.task",
                p -> {
                    FirstRun.markDone(opened);
                    return true;
                },
                x -> {});
        var registry = registryModel.registryProperty().get();
        if (registryModel.totalCount() > 0
                || !registry.units().isEmpty()
                || !registry.communities().isEmpty()) {
            done.run();
            return;
        }
        // who works here and the committee the reports name: asked with the choice, saved whichever is chosen
        javafx.scene.control.TextField operator = new javafx.scene.control.TextField();
        operator.setId("firstRunOperator");
        operator.setPromptText(m.get("firstRun.operator"));
        operator.setPrefColumnCount(8);
        javafx.scene.control.TextField committee = new javafx.scene.control.TextField();
        committee.setId("firstRunCommittee");
        committee.setPromptText(m.get("firstRun.committee"));
        committee.setPrefColumnCount(14);
        javafx.scene.layout.GridPane ask = new javafx.scene.layout.GridPane(6, 4);
        ask.addRow(0, new javafx.scene.control.Label(m.get("firstRun.operator")), operator);
        ask.addRow(1, new javafx.scene.control.Label(m.get("firstRun.committee")), committee);
        ask.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable names = () -> {
            String who = operator.getText().strip();
            String reporting = committee.getText().strip();
            tasks.run(
                    "firstRun.task",
                    p -> {
                        if (!who.isEmpty()) {
                            opened.setOperator(who);
                        }
                        if (!reporting.isEmpty()) {
                            new FindingService(opened, new RegistryService(opened)).saveCommittee(reporting);
                        }
                        return true;
                    },
                    x -> {});
        };
        shell.showBanner(
                m.get("firstRun.banner", m.get("firstRun.header"), m.get("firstRun.message")),
                ask,
                // which this computer is: a new database is a field device until a person makes it the hub
                List.of(m.get("firstRun.sample"), m.get("firstRun.emptyHub"), m.get("firstRun.empty")),
                List.of(
                        () -> {
                            names.run();
                            registryModel.importSample();
                            // after the registry's sample on the same worker: the templates and a year of
                            // assessments of the sample branches, as init --sample loads them
                            tasks.run(
                                    "firstRun.task.checklists",
                                    p -> {
                                        RegistryService registries = new RegistryService(opened);
                                        ChecklistService checklists = new ChecklistService(opened, registries);
                                        int made = checklists.importSample(
                                                checklists.today().getYear());
                                        // and the ledger's two inspection rounds, the same way
                                        SampleFindings.importInto(opened, registries);
                                        return made;
                                    },
                                    // the 工作台's reminders count the sample's findings
                                    n -> reminders.reload(() -> {}));
                            done.run();
                        },
                        () -> {
                            names.run();
                            tasks.run(
                                    "firstRun.task",
                                    p -> {
                                        opened.designateHub();
                                        FirstRun.markDone(opened);
                                        return true;
                                    },
                                    x -> {});
                        },
                        () -> {
                            names.run();
                            done.run();
                        }));
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * For the start-up benchmark: with {@code -Dtaizhang.startupProbe=FILE} the program appends how long after
     * the JVM started the window and the registry were shown, then quits.
     */
    static final class StartupProbe {
        private StartupProbe() {}

        static void mark(String what) {
            String file = System.getProperty("taizhang.startupProbe");
            if (file == null) {
                return;
            }
            long ms = System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            // and the CPU the process used so far (all its threads): comparable when other programs load the machine
            long cpuMs =
                    ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                            ? os.getProcessCpuTime() / 1_000_000
                            : -1;
            try {
                Files.writeString(
                        Path.of(file),
                        what + "=" + ms + "\n" + what + "Cpu=" + cpuMs + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static void finishIfProbing() {
            if (System.getProperty("taizhang.startupProbe") != null) {
                Platform.exit();
            }
        }
    }
}
