package org.taizhang.core.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** The texts a window shows cut to "…": a labeled control whose text on screen is not its whole text. */
public final class CutTexts {
    private CutTexts() {}

    /** Call on the JavaFX thread after a layout pass. */
    public static List<String> in(Node root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    private static void walk(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t
                        && t.getText() != null
                        && !t.getText().equals(l.getText())) {
                    cut.add(l.getText() + " → " + t.getText());
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, cut);
            }
        }
    }
}
