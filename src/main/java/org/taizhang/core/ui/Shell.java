package org.taizhang.core.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.taizhang.core.i18n.Messages;

/**
 * The main window's frame: the section navigation on the left (工作台, 组织台账 …), the chosen section in the
 * middle, the status bar below. Sections build their view on first visit.
 */
public final class Shell {
    private final BorderPane root = new BorderPane();
    private final VBox navigation = new VBox(2);
    private final StackPane content = new StackPane();
    private final VBox banner = new VBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final Messages messages;
    private final StatusFooter footer;

    /**
     * One entry of the navigation; {@code shown} runs each time the section is shown (its first build included),
     * for a page whose figures come from other pages' changes (the 工作台's counts).
     */
    public record Section(String id, String titleKey, Supplier<Node> view, Runnable shown) {
        public Section(String id, String titleKey, Supplier<Node> view) {
            this(id, titleKey, view, () -> {});
        }
    }

    public Shell(Messages messages, TaskRunner tasks) {
        this.messages = messages;
        this.footer = new StatusFooter(tasks, messages);
        root.getStylesheets().add(Shell.class.getResource("taizhang.css").toExternalForm());
        Label brand = new Label(messages.get("app.title"));
        brand.getStyleClass().add("brand");
        brand.setMaxWidth(Double.MAX_VALUE);
        navigation.getChildren().add(brand);
        navigation.getStyleClass().add("navigation");
        navigation.setPadding(new Insets(8, 6, 8, 6));
        navigation.setMinWidth(132); // wide enough for the Chinese names; English ones widen it instead of being cut
        navigation.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        root.setLeft(navigation);
        content.setPadding(new Insets(6));
        banner.setId("banner");
        BorderPane center = new BorderPane(content);
        center.setTop(banner);
        root.setCenter(center);
        root.setBottom(footer.node());
        VBox.setVgrow(content, Priority.ALWAYS);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // a section is always shown
            } else {
                show((String) now.getUserData());
            }
        });
        setContent(placeholder(messages.get("shell.opening")));
    }

    public void add(Section section) {
        sections.put(section.id(), section);
        ToggleButton button = new ToggleButton(messages.get(section.titleKey()));
        button.setId("nav-" + section.id());
        button.setUserData(section.id());
        button.setToggleGroup(group);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.getStyleClass().add("nav-button");
        navigation.getChildren().add(button);
    }

    /** Shows section {@code id} and selects its navigation button (a built section is kept and shown again). */
    public void select(String id) {
        group.getToggles().stream()
                .filter(t -> id.equals(t.getUserData()))
                .findFirst()
                .ifPresent(t -> {
                    if (t.isSelected()) {
                        show(id);
                    } else {
                        group.selectToggle(t);
                    }
                });
    }

    private void show(String id) {
        Section s = sections.get(id);
        if (s != null) {
            setContent(built.computeIfAbsent(id, k -> s.view().get()));
            s.shown().run();
        }
    }

    private void setContent(Node node) {
        content.getChildren().setAll(node);
    }

    /** A plain message for a section not built yet, or while the database opens. */
    public static Node placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("placeholder");
        StackPane pane = new StackPane(label);
        pane.setPadding(new Insets(40));
        return pane;
    }

    /**
     * A message across the top of the window with action buttons (the first-start choice), instead of a modal
     * dialog: the clerk can look at the program before deciding. Any button closes it.
     */
    public void showBanner(String text, java.util.List<String> buttonTexts, java.util.List<Runnable> actions) {
        showBanner(text, null, buttonTexts, actions);
    }

    /** A banner with fields ({@code ask}: what the buttons' actions read) between its text and its buttons. */
    public void showBanner(
            String text, Node ask, java.util.List<String> buttonTexts, java.util.List<Runnable> actions) {
        Label label = new Label(text);
        label.setWrapText(true);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(10, label);
        if (ask != null) {
            box.getChildren().add(ask);
        }
        box.getStyleClass().add("banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(10, 12, 10, 12));
        javafx.scene.layout.HBox.setHgrow(label, Priority.ALWAYS);
        for (int i = 0; i < buttonTexts.size(); i++) {
            Runnable action = actions.get(i);
            javafx.scene.control.Button b = new javafx.scene.control.Button(buttonTexts.get(i));
            b.setId("banner-" + i);
            // the text wraps; a button is never cut to "…" (its words are the choice)
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                banner.getChildren().clear();
                action.run();
            });
            box.getChildren().add(b);
        }
        banner.getChildren().setAll(box);
    }

    /** The section shown now (null before one is chosen). */
    public String selected() {
        javafx.scene.control.Toggle t = group.getSelectedToggle();
        return t == null ? null : (String) t.getUserData();
    }

    public StatusFooter footer() {
        return footer;
    }

    public Parent root() {
        return root;
    }
}
