package org.taizhang.inspection.view;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.Tables;
import org.taizhang.inspection.FindingService;
import org.taizhang.inspection.model.FindingState;
import org.taizhang.inspection.model.LedgerEntry;
import org.taizhang.inspection.model.Measure;
import org.taizhang.inspection.model.Warning;

/**
 * The 整改台账's table: the findings shown, coloured by warning, the key columns first (编号, 单位, 问题描述, 整改时限,
 * 状态, 预警; the others scroll at 1366×768), the selection kept with the page's chosen finding across reads, and the
 * figures under it.
 */
final class LedgerTable {
    private final LedgerViewModel vm;
    private final Messages m;
    private final TableView<LedgerEntry> table = new TableView<>();

    LedgerTable(LedgerViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    /** The table and the figures under it. */
    Node node() {
        table.setId("ledgerTable");
        table.setPlaceholder(new Label(m.get("ledger.empty")));
        TableColumn<LedgerEntry, LedgerEntry> number = new TableColumn<>(m.get("ledger.column.number"));
        number.setId("col-number");
        number.setPrefWidth(146);
        number.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cd.getValue()));
        number.setComparator(FindingService.LEDGER_ORDER);
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LedgerEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : vm.numberShown(e));
                getStyleClass().remove("unnumbered");
                if (!empty && e != null && !e.finding().isNumbered() && e.state() != FindingState.MERGED) {
                    getStyleClass().add("unnumbered");
                }
            }
        });
        TableColumn<LedgerEntry, FindingState> state =
                Tables.valueColumn(m.get("ledger.column.state"), 64, LedgerEntry::state, s -> m.get(s.labelKey()));
        TableColumn<LedgerEntry, Warning> warning = Tables.valueColumn(
                m.get("ledger.column.warning"),
                72,
                LedgerEntry::warning,
                w -> w == Warning.NONE ? "" : m.get(w.labelKey()));
        warning.setId("col-warning");
        table.getColumns()
                .addAll(List.of(
                        number,
                        Tables.textColumn(m.get("ledger.column.unit"), 110, LedgerEntry::unitName),
                        Tables.textColumn(
                                m.get("ledger.column.description"),
                                220,
                                e -> e.finding().description()),
                        Tables.valueColumn(
                                m.get("ledger.column.deadline"),
                                88,
                                e -> e.timeline().deadline(),
                                LocalDate::toString),
                        state,
                        warning,
                        Tables.textColumn(m.get("ledger.column.source"), 120, e -> sourceText(e, m)),
                        Tables.textColumn(m.get("ledger.column.organization"), 130, LedgerEntry::organizationName),
                        Tables.textColumn(
                                m.get("ledger.column.category"),
                                80,
                                e -> e.finding().category()),
                        Tables.textColumn(
                                m.get("ledger.column.type"),
                                72,
                                e -> m.get(e.finding().type().labelKey())),
                        Tables.textColumn(
                                m.get("ledger.column.leader"),
                                72,
                                e -> e.timeline().leader()),
                        Tables.textColumn(
                                m.get("ledger.column.department"),
                                96,
                                e -> e.timeline().department()),
                        Tables.textColumn(
                                m.get("ledger.column.person"),
                                64,
                                e -> e.timeline().person()),
                        Tables.textColumn(
                                m.get("ledger.column.progress"),
                                180,
                                e -> e.timeline().latestProgress()),
                        Tables.textColumn(m.get("ledger.column.measures"), 64, LedgerTable::measuresText),
                        Tables.valueColumn(
                                m.get("ledger.column.evidence"), 48, LedgerEntry::evidenceCount, String::valueOf),
                        Tables.valueColumn(
                                m.get("ledger.column.foundOn"),
                                88,
                                e -> e.finding().foundOn(),
                                LocalDate::toString),
                        Tables.valueColumn(
                                m.get("ledger.column.closedOn"),
                                88,
                                e -> e.timeline().closedOn(),
                                LocalDate::toString),
                        Tables.textColumn(m.get("ledger.column.community"), 110, LedgerEntry::communityName)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LedgerEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll(WARNING_CLASSES);
                if (!empty && e != null && e.warning() != Warning.NONE) {
                    getStyleClass().add(warningClass(e.warning()));
                }
            }
        });
        SortedList<LedgerEntry> sorted = new SortedList<>(vm.filters().shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        boolean[] syncing = {false};
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (!syncing[0] && e != null && e != vm.selectedProperty().get()) {
                vm.select(e);
            }
        });
        vm.selectedProperty().addListener((o, a, e) -> {
            if (table.getSelectionModel().getSelectedItem() != e) {
                syncing[0] = true;
                try {
                    if (e == null) {
                        table.getSelectionModel().clearSelection();
                    } else {
                        table.getSelectionModel().select(e);
                        table.scrollTo(e);
                    }
                } finally {
                    syncing[0] = false;
                }
            }
        });
        // a reload brings new rows: the chosen finding stays highlighted
        vm.filters().shown().addListener((ListChangeListener<LedgerEntry>) c -> {
            LedgerEntry e = vm.selectedProperty().get();
            if (e != null
                    && table.getSelectionModel().getSelectedItem() != e
                    && table.getItems().contains(e)) {
                syncing[0] = true;
                try {
                    table.getSelectionModel().select(e);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        Label figures = new Label();
        figures.setId("ledgerFigures");
        figures.getStyleClass().add("count-label");
        figures.textProperty()
                .bind(Bindings.createStringBinding(
                        vm.filters()::figures,
                        vm.filters().shown(),
                        vm.filters().countsProperty()));
        figures.setWrapText(true); // the whole sentence, on two lines when the table is narrow
        figures.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, table, figures);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setMinWidth(420);
        return box;
    }

    static final List<String> WARNING_CLASSES =
            List.of("warning-attention", "warning-soon", "warning-overdue", "warning-severe");

    static String warningClass(Warning w) {
        return switch (w) {
            case ATTENTION -> "warning-attention";
            case SOON -> "warning-soon";
            case OVERDUE -> "warning-overdue";
            case SEVERE -> "warning-severe";
            case NONE -> "";
        };
    }

    /** 来源 as clerks write it: the round's title, else where it came from (自查, 上级交办 …). */
    static String sourceText(LedgerEntry e, Messages m) {
        return e.inspectionTitle() != null
                ? e.inspectionTitle()
                : m.get(e.finding().source().labelKey());
    }

    private static String measuresText(LedgerEntry e) {
        if (e.measures().isEmpty()) {
            return "";
        }
        long done = e.measures().stream().filter(Measure::isDone).count();
        return done + "/" + e.measures().size();
    }
}
