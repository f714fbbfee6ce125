package org.taizhang.organization.view;

import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.TextFields;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.HistoryText;
import org.taizhang.core.ui.Pickers;
import org.taizhang.core.ui.RecordPageView;
import org.taizhang.core.ui.RecordPageView.FormGrid;
import org.taizhang.core.ui.Tables;
import org.taizhang.organization.RegistryHistory;
import org.taizhang.organization.files.RegistryColumns;
import org.taizhang.organization.model.Community;
import org.taizhang.organization.model.Unit;

/** The 共同体 tab: communities with their lead unit, liaison 工委委员 and member organizations. */
public final class CommunitiesView {
    private final Node node;

    public CommunitiesView(RegistryViewModel vm) {
        Messages m = vm.messages();
        CommunityFormModel f = vm.communityForm;
        TableView<Community> table = new TableView<>();
        table.setId("communityTable");
        table.setPlaceholder(new Label(m.get("registry.table.empty")));
        table.getColumns()
                .setAll(java.util.List.of(
                        Tables.textColumn(m.get("community.column.name"), 180, Community::name),
                        Tables.textColumn(
                                m.get("community.column.leadUnit"),
                                200,
                                c -> vm.registryProperty()
                                        .get()
                                        .unit(c.leadUnitId())
                                        .map(Unit::name)
                                        .orElse("")),
                        Tables.textColumn(m.get("community.column.liaison"), 180, Community::liaison),
                        Tables.valueColumn(
                                m.get("community.column.members"),
                                70,
                                c -> vm.registryProperty()
                                        .get()
                                        .membersOf(c.id())
                                        .size(),
                                String::valueOf)));
        TextField search = TextFields.createClearableTextField();
        search.setId("communitySearch");
        search.setPromptText(m.get("community.search.prompt"));
        Tables.searchable(table, vm.communityItems, search, Community::name);
        RecordPageView.follow(table, vm.communities);

        SearchableComboBox<Unit> lead = new SearchableComboBox<>(f.unitChoices);
        lead.setId("communityLeadUnit");
        lead.setConverter(Tables.converter(u -> u == null ? "" : u.name()));
        Pickers.pinyin(lead, m);
        lead.valueProperty().bindBidirectional(f.leadUnit);
        ListView<String> members = new ListView<>(f.members);
        members.setPrefHeight(180);
        FormGrid grid = new FormGrid(f)
                .field(
                        m.get("community.form.name"),
                        RecordPageView.text("communityName", f.name),
                        RegistryColumns.COMMUNITY_NAME)
                .field(m.get("community.form.leadUnit"), lead, RegistryColumns.COMMUNITY_LEAD_UNIT)
                .field(m.get("community.form.liaison"), RecordPageView.text("communityLiaison", f.liaison), null)
                .field(
                        m.get("community.form.remark"),
                        RecordPageView.text("communityRemark", f.remark),
                        RegistryColumns.REMARK)
                .field(m.get("community.form.members"), members, null);
        Node form = RecordPageView.formPane(
                vm.communities,
                m,
                "community",
                m.get("community.form.newTitle"),
                m.get("community.form.editTitle"),
                grid,
                h -> HistoryText.describe(
                        h, RegistryHistory.ofCommunity(h, vm.registryProperty().get()), m, ZoneId.systemDefault()));
        VBox left = new VBox(6, search, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, form);
        split.setDividerPositions(0.62);
        node = split;
    }

    public Node node() {
        return node;
    }
}
