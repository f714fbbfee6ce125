package org.taizhang.archfixture.checklist;

import javafx.beans.property.SimpleStringProperty;

/** Planted: a feature's domain holding a JavaFX property. */
final class ChecklistItem {
    final SimpleStringProperty text = new SimpleStringProperty();
}
