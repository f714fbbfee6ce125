package org.taizhang.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.organization.model.Organization;
import org.taizhang.organization.model.Registry;
import org.taizhang.organization.view.RegistryViewModel;

/** 工作台: the registry at a glance (counts, members, terms that are due), refreshed with the registry. */
final class DashboardView {
    private final VBox root = new VBox(14);
    private final FlowPane cards = new FlowPane(12, 12);
    private final Messages m;

    private final java.util.function.Consumer<RegistryViewModel.Shown> open;
    /** A line under a tile (the branches' change since last month), kept across the tiles' rebuilds. */
    private final java.util.Map<RegistryViewModel.Shown, String> trends =
            new java.util.EnumMap<>(RegistryViewModel.Shown.class);

    private final java.util.Map<RegistryViewModel.Shown, Label> trendLabels =
            new java.util.EnumMap<>(RegistryViewModel.Shown.class);
    private final java.text.NumberFormat numbers;

    /** @param open opens the list behind a tile (the registry section, filtered) */
    DashboardView(RegistryViewModel registry, Messages m, java.util.function.Consumer<RegistryViewModel.Shown> open) {
        this.m = m;
        this.open = open;
        this.numbers = java.text.NumberFormat.getIntegerInstance(m.locale()); // 7,343
        Label title = new Label(m.get("dashboard.title"));
        title.getStyleClass().add("section-title");
        root.getChildren().addAll(title, cards);
        root.setPadding(new Insets(16));
        registry.registryProperty()
                .addListener((obs, old, r) -> show(r, registry.service().today()));
        show(registry.registryProperty().get(), registry.service().today());
    }

    private void show(Registry r, java.time.LocalDate today) {
        long branches = 0;
        long expired = 0;
        for (Organization o : r.organizations()) {
            branches += o.kind().isBranch() ? 1 : 0;
            expired += o.termExpired(today) ? 1 : 0;
        }
        cards.getChildren()
                .setAll(
                        card("dashboard.units", r.units().size(), RegistryViewModel.Shown.UNITS),
                        card("dashboard.organizations", r.organizationCount(), RegistryViewModel.Shown.ORGANIZATIONS),
                        card("dashboard.branches", branches, RegistryViewModel.Shown.BRANCHES),
                        card("dashboard.communities", r.communities().size(), RegistryViewModel.Shown.COMMUNITIES),
                        card("dashboard.members", r.memberTotal(), RegistryViewModel.Shown.MEMBERS),
                        card("dashboard.termsExpired", expired, RegistryViewModel.Shown.TERM_EXPIRED));
    }

    private Node card(String key, long value, RegistryViewModel.Shown behind) {
        Label v = new Label(numbers.format(value));
        v.getStyleClass().add("stat-value");
        Label l = new Label(m.get(key));
        l.getStyleClass().add("stat-label");
        Label trend = new Label(trends.getOrDefault(behind, ""));
        trend.setId("trend-" + key.substring(key.indexOf('.') + 1));
        trend.getStyleClass().add("trend-same"); // kept in every tile, empty or not: the tiles stay one height
        trendLabels.put(behind, trend);
        // a tile is a button onto the list it counts (16 任期已届满 → those 16)
        javafx.scene.control.Button card = new javafx.scene.control.Button(null, new VBox(4, v, l, trend));
        card.setId("tile-" + key.substring(key.indexOf('.') + 1));
        card.getStyleClass().add("stat-card");
        card.setOnAction(e -> open.accept(behind));
        return card;
    }

    /** Sets the line under a tile: how its figure moved since the end of last month. */
    void trend(RegistryViewModel.Shown tile, String text) {
        trends.put(tile, text);
        Label label = trendLabels.get(tile);
        if (label != null) {
            label.setText(text);
        }
    }

    /** Adds a feature's part of the 工作台 below the registry's tiles. */
    DashboardView with(Node part) {
        root.getChildren().add(part);
        return this;
    }

    /** The page scrolls: at 125% on 1366×768 the reminders and their list are taller than the window. */
    Node node() {
        if (scroll == null) {
            scroll = new javafx.scene.control.ScrollPane(root);
            scroll.setId("dashboardScroll");
            scroll.setFitToWidth(true);
        }
        return scroll;
    }

    private javafx.scene.control.ScrollPane scroll;
}
