package org.taizhang.archfixture.checklist.view;

import javafx.scene.control.Label;

/** Allowed: a view uses JavaFX. */
public final class ChecklistView {
    final Label title = new Label();
}
