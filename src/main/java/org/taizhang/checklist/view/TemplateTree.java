package org.taizhang.checklist.view;

import java.math.BigDecimal;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.taizhang.checklist.model.ChecklistCategory;
import org.taizhang.checklist.model.ChecklistItem;
import org.taizhang.core.i18n.Messages;

/**
 * 测评细则's tree of a template's categories and items (keys as values, described with their points: a category whose
 * items do not add up says so), built again only when its shape changes, so an edit of a node's fields keeps the
 * clerk's caret.
 */
final class TemplateTree {
    private final TemplateFormModel form;
    private final Messages m;
    final TreeView<String> tree = new TreeView<>();
    /** While the node's fields are being filled from the tree, their listeners must not write back. */
    boolean filling;

    TemplateTree(TemplateFormModel form, Messages messages) {
        this.form = form;
        this.m = messages;
        tree.setId("templateTree");
        tree.setShowRoot(false);
        tree.setPrefHeight(260);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                setText(empty || key == null ? null : describe(key));
            }
        });
    }

    /** Builds the tree again from the form, unless it has the same shape (then only its texts). */
    void rebuild() {
        if (sameShape()) {
            tree.refresh(); // an edit of a node's fields: keep the tree (and the clerk's caret) as it is
            return;
        }
        String chosen = tree.getSelectionModel().getSelectedItem() == null
                ? null
                : tree.getSelectionModel().getSelectedItem().getValue();
        TreeItem<String> top = new TreeItem<>("");
        for (ChecklistCategory c : form.categoriesProperty().get()) {
            TreeItem<String> ci = new TreeItem<>(c.key());
            ci.setExpanded(true);
            for (ChecklistItem i : c.items()) {
                ci.getChildren().add(new TreeItem<>(i.key()));
            }
            top.getChildren().add(ci);
        }
        filling = true;
        try {
            tree.setRoot(top);
            if (chosen != null) {
                select(chosen);
            }
        } finally {
            filling = false;
        }
    }

    /** Whether the tree already holds exactly these categories and items, in this order. */
    private boolean sameShape() {
        TreeItem<String> top = tree.getRoot();
        List<ChecklistCategory> categories = form.categoriesProperty().get();
        if (top == null || top.getChildren().size() != categories.size()) {
            return false;
        }
        for (int c = 0; c < categories.size(); c++) {
            TreeItem<String> ci = top.getChildren().get(c);
            ChecklistCategory category = categories.get(c);
            if (!ci.getValue().equals(category.key())
                    || ci.getChildren().size() != category.items().size()) {
                return false;
            }
            for (int i = 0; i < category.items().size(); i++) {
                if (!ci.getChildren()
                        .get(i)
                        .getValue()
                        .equals(category.items().get(i).key())) {
                    return false;
                }
            }
        }
        return true;
    }

    void select(String key) {
        for (TreeItem<String> c : tree.getRoot().getChildren()) {
            if (c.getValue().equals(key)) {
                tree.getSelectionModel().select(c);
                return;
            }
            for (TreeItem<String> i : c.getChildren()) {
                if (i.getValue().equals(key)) {
                    tree.getSelectionModel().select(i);
                    return;
                }
            }
        }
    }

    private String describe(String key) {
        for (ChecklistCategory c : form.categoriesProperty().get()) {
            if (c.key().equals(key)) {
                BigDecimal sum = c.items().stream()
                        .filter(i -> !i.bonus() && i.maxPoints() != null)
                        .map(ChecklistItem::maxPoints)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                String points = TemplateFormModel.plain(c.points());
                return c.points() != null && sum.compareTo(c.points()) == 0
                        ? m.get("checklist.view.categoryNode", c.code(), c.name(), points)
                        : m.get(
                                "checklist.view.categoryNodeOff",
                                c.code(),
                                c.name(),
                                points,
                                TemplateFormModel.plain(sum));
            }
            for (ChecklistItem i : c.items()) {
                if (i.key().equals(key)) {
                    return m.get(
                            "checklist.view.itemNode",
                            i.number(),
                            i.text(),
                            TemplateFormModel.plain(i.maxPoints()),
                            m.get(i.mode().messageKey()));
                }
            }
        }
        return key;
    }

    /** The chosen category, or the chosen item's; null when nothing is chosen. */
    ChecklistCategory categoryOfSelection() {
        TreeItem<String> s = tree.getSelectionModel().getSelectedItem();
        if (s == null) {
            return null;
        }
        String key =
                s.getParent() == tree.getRoot() ? s.getValue() : s.getParent().getValue();
        return form.categoriesProperty().get().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    /** The chosen item, or null (nothing or a category chosen). */
    ChecklistItem selectedItem() {
        TreeItem<String> s = tree.getSelectionModel().getSelectedItem();
        if (s == null || s.getParent() == tree.getRoot()) {
            return null;
        }
        return form.categoriesProperty().get().stream()
                .flatMap(c -> c.items().stream())
                .filter(i -> i.key().equals(s.getValue()))
                .findFirst()
                .orElse(null);
    }
}
