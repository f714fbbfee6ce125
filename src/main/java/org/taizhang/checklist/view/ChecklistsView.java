package org.taizhang.checklist.view;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.DialogService;

/**
 * 标准化建设: the 达标验收 board, the scoring page (支部测评) and the standards (测评细则), as tabs. A tab reads the
 * database again each time it is chosen, so what the registry page or an import changed meanwhile shows.
 */
public final class ChecklistsView {
    private final TabPane tabs = new TabPane();

    public ChecklistsView(
            BoardViewModel board,
            AssessmentsViewModel assessments,
            TemplatesViewModel templates,
            Messages m,
            DialogService dialogs) {
        Tab scoring = new Tab(m.get("checklist.tab.assessments"), new AssessmentsView(assessments, m, dialogs).node());
        scoring.setId("tab-assessments");
        Tab boardTab = new Tab(
                m.get("checklist.tab.board"),
                new BoardView(board, m, dialogs, (community, unit, status) -> {
                            int year = board.yearProperty().get();
                            tabs.getSelectionModel().select(scoring);
                            assessments.load(year, () -> assessments.showOnly(community, unit, status));
                        })
                        .node());
        boardTab.setId("tab-board");
        Tab standards = new Tab(m.get("checklist.tab.templates"), new TemplatesView(templates, m, dialogs).node());
        standards.setId("tab-templates");
        for (Tab t : new Tab[] {boardTab, scoring, standards}) {
            t.setClosable(false);
            tabs.getTabs().add(t);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, t) -> {
            if (t == boardTab) {
                board.reload();
            } else if (t == scoring && old != boardTab) {
                assessments.reload();
            } else if (t == standards) {
                templates.reload();
            }
        });
        board.loadCurrentYear(() -> {});
        assessments.loadCurrentYear(() -> {});
        templates.reload();
    }

    public Node node() {
        return tabs;
    }
}
