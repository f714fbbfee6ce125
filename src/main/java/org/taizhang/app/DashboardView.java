package org.taizhang.app;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;
import org.taizhang.organization.Organization;
import org.taizhang.organization.Registry;
import org.taizhang.organization.view.RegistryViewModel;

/** 工作台: the registry at a glance (counts, members, terms that are due), refreshed with the registry. */
final class DashboardView {
    private final VBox root = new VBox(14);
    private final FlowPane cards = new FlowPane(12, 12);
    private final Messages m;

    DashboardView(RegistryViewModel registry, Messages m) {
        this.m = m;
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
                        card("dashboard.units", r.units().size()),
                        card("dashboard.organizations", r.organizationCount()),
                        card("dashboard.branches", branches),
                        card("dashboard.communities", r.communities().size()),
                        card("dashboard.members", r.memberTotal()),
                        card("dashboard.termsExpired", expired));
    }

    private Node card(String key, long value) {
        Label v = new Label(String.valueOf(value));
        v.getStyleClass().add("stat-value");
        Label l = new Label(m.get(key));
        l.getStyleClass().add("stat-label");
        VBox card = new VBox(4, v, l);
        card.getStyleClass().add("stat-card");
        return card;
    }

    Node node() {
        return root;
    }
}
