package org.taizhang.checklist.view;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.taizhang.checklist.model.BranchRecord;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.model.Organization;

/**
 * 支部档案: a branch's registry data, its standing and rating over the plan's years (up or down against the
 * year before), and the items its latest finished assessment did not fully meet.
 */
final class BranchRecordView {
    private BranchRecordView() {}

    /** Opens it beside the page, through the dialog service: a clerk reads it while scoring. */
    static void show(DialogService dialogs, BranchRecord record, String unitName, String communityName, Messages m) {
        dialogs.showWindow(
                m.get("checklist.record.title", unitName, record.branch().name()),
                node(record, unitName, communityName, m),
                760,
                560);
    }

    static VBox node(BranchRecord record, String unitName, String communityName, Messages m) {
        Organization o = record.branch();
        Label title = new Label(unitName + " · " + o.name());
        title.getStyleClass().add("section-title");
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        String[][] rows = {
            {m.get("checklist.record.kind"), o.kind().fileName()},
            {m.get("checklist.record.secretary"), o.secretary() == null ? "" : o.secretary()},
            {m.get("checklist.record.members"), o.memberCount() == null ? "" : Integer.toString(o.memberCount())},
            {
                m.get("checklist.record.term"),
                o.termStart() == null ? "" : o.termStart() + " — " + (o.termEnd() == null ? "" : o.termEnd())
            },
            {m.get("checklist.view.community"), communityName}
        };
        for (int i = 0; i < rows.length; i++) {
            facts.add(new Label(rows[i][0]), 0, i);
            facts.add(new Label(rows[i][1]), 1, i);
        }

        TableView<BranchRecord.Year> years = new TableView<>(FXCollections.observableArrayList(record.years()));
        years.setId("recordYears");
        years.setPrefHeight(130);
        years.setMinHeight(130); // three years and the header, never squeezed by the items below
        List<BranchRecord.Year> all = record.years(); // newest first
        years.getColumns()
                .addAll(
                        Tables.valueColumn(
                                m.get("checklist.view.year"), 60, BranchRecord.Year::year, y -> Integer.toString(y)),
                        Tables.textColumn(
                                m.get("checklist.view.status"),
                                80,
                                y -> m.get(y.standing().messageKey())),
                        Tables.textColumn(
                                m.get("checklist.view.round"),
                                100,
                                y -> y.round() == null ? "" : m.get(y.round().messageKey())),
                        Tables.valueColumn(
                                m.get("checklist.view.score"), 60, BranchRecord.Year::total, TemplateFormModel::plain),
                        Tables.textColumn(
                                m.get("checklist.view.rating"), 60, y -> y.rating() == null ? "" : y.rating()),
                        Tables.textColumn(m.get("checklist.record.change"), 80, y -> change(all, y, m)),
                        Tables.textColumn(
                                m.get("checklist.record.source"),
                                90,
                                y -> y.direct()
                                        ? m.get("checklist.record.direct")
                                        : y.imported() ? m.get("checklist.record.imported") : ""));

        TableView<BranchRecord.OpenItem> open = new TableView<>(FXCollections.observableArrayList(record.openItems()));
        open.setId("recordOpenItems");
        open.setPlaceholder(new Label(m.get("checklist.record.noOpenItems")));
        open.getColumns()
                .addAll(
                        Tables.textColumn(m.get("checklist.view.number"), 50, BranchRecord.OpenItem::number),
                        Tables.textColumn(m.get("checklist.view.itemText"), 420, BranchRecord.OpenItem::text),
                        Tables.valueColumn(
                                m.get("checklist.view.points"),
                                60,
                                BranchRecord.OpenItem::points,
                                TemplateFormModel::plain),
                        Tables.valueColumn(
                                m.get("checklist.view.maxPoints"),
                                60,
                                BranchRecord.OpenItem::maxPoints,
                                TemplateFormModel::plain));
        Label openTitle = new Label(m.get("checklist.record.openItems"));
        openTitle.getStyleClass().add("form-title");
        Label yearsTitle = new Label(m.get("checklist.record.years"));
        yearsTitle.getStyleClass().add("form-title");
        VBox box = new VBox(8, title, facts, yearsTitle, years, openTitle, open);
        VBox.setVgrow(open, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        box.setId("branchRecord");
        return box;
    }

    /** ↑ / ↓ / 持平 against the year before, by score (a rating follows the score). */
    private static String change(List<BranchRecord.Year> newestFirst, BranchRecord.Year y, Messages m) {
        int i = newestFirst.indexOf(y);
        if (i < 0
                || i + 1 >= newestFirst.size()
                || y.total() == null
                || newestFirst.get(i + 1).total() == null) {
            return "";
        }
        int c = y.total().compareTo(newestFirst.get(i + 1).total());
        return m.get(c > 0 ? "checklist.record.up" : c < 0 ? "checklist.record.down" : "checklist.record.same");
    }
}
