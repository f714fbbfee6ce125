package org.taizhang.core.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.taizhang.core.Issue;
import org.taizhang.core.i18n.Messages;

/** A form's checks as lines under it: ✗ an error (blocks 保存), ! a warning. */
public final class IssueLabels {
    private IssueLabels() {}

    public static String text(Issue i, Messages m) {
        return (i.isError() ? "✗ " : "! ") + m.get(i.messageKey(), i.args());
    }

    /** The lines of {@code issues}, shown while {@code shown} holds (a blank new form is not yet wrong). */
    public static VBox list(String id, ObservableList<Issue> issues, ObservableBooleanValue shown, Messages m) {
        VBox box = new VBox(2);
        box.setId(id);
        Runnable fill = () -> {
            box.getChildren().clear();
            if (!shown.get()) {
                return;
            }
            for (Issue i : issues) {
                Label l = new Label(text(i, m));
                l.setWrapText(true);
                l.getStyleClass().add(i.isError() ? "issue-error" : "issue-warning");
                box.getChildren().add(l);
            }
        };
        issues.addListener((ListChangeListener<Issue>) c -> fill.run());
        shown.addListener(o -> fill.run());
        fill.run();
        box.visibleProperty().bind(shown);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
