package org.taizhang.exchange.view;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.ui.Tables;
import org.taizhang.exchange.ExchangeService;
import org.taizhang.exchange.files.PackageFile;

/**
 * The page's small forms, each a dialog owned by the window (so centred on it): what to export and how to protect
 * it, a field laptop's preparation, and a package's passphrase. They only collect; the view model does the work.
 */
final class ExchangeForms {
    /** What the clerk chose for an export: the receiver (null: anyone), everything or not, the protection. */
    record ExportChoice(ExchangeService.Device to, boolean all, PackageFile.Protection protection) {}

    /** A laptop's preparation: its name and the protection (a passphrase or, explicitly, none). */
    record PrepareChoice(String name, PackageFile.Protection protection) {}

    private final Messages m;

    ExchangeForms(Messages m) {
        this.m = m;
    }

    /** The protection part of a form: to the receiver's key (when offered), a passphrase typed twice, or none. */
    private final class ProtectionPane {
        final ToggleGroup group = new ToggleGroup();
        final RadioButton toKey = new RadioButton(m.get("exchange.protection.key"));
        final RadioButton passphrase = new RadioButton(m.get("exchange.protection.passphrase"));
        final RadioButton none = new RadioButton(m.get("exchange.protection.none"));
        final PasswordField first = new PasswordField();
        final PasswordField second = new PasswordField();
        final Label problem = new Label();
        final VBox node;

        ProtectionPane(boolean offerKey) {
            toKey.setId("protectionKey");
            passphrase.setId("protectionPassphrase");
            none.setId("protectionNone");
            first.setId("passphrase1");
            second.setId("passphrase2");
            first.setPromptText(m.get("exchange.protection.type"));
            second.setPromptText(m.get("exchange.protection.repeat"));
            for (RadioButton r : List.of(toKey, passphrase, none)) {
                r.setToggleGroup(group);
            }
            first.disableProperty().bind(passphrase.selectedProperty().not());
            second.disableProperty().bind(passphrase.selectedProperty().not());
            problem.getStyleClass().add("issue-error");
            problem.setWrapText(true);
            HBox typed = new HBox(6, first, second);
            typed.setPadding(new Insets(0, 0, 0, 24));
            node = offerKey
                    ? new VBox(6, toKey, passphrase, typed, none, problem)
                    : new VBox(6, passphrase, typed, none, problem);
            passphrase.setSelected(true);
            problem.textProperty()
                    .bind(Bindings.createStringBinding(
                            this::problem,
                            group.selectedToggleProperty(),
                            first.textProperty(),
                            second.textProperty()));
        }

        String problem() {
            if (!passphrase.isSelected()) {
                return "";
            }
            if (first.getText().isEmpty()) {
                return m.get("exchange.protection.empty");
            }
            if (first.getText().length() < 6) {
                return m.get("exchange.protection.short");
            }
            return first.getText().equals(second.getText()) ? "" : m.get("exchange.protection.differ");
        }

        BooleanBinding invalid() {
            return Bindings.createBooleanBinding(
                    () -> group.getSelectedToggle() == null || !problem().isEmpty(),
                    group.selectedToggleProperty(),
                    first.textProperty(),
                    second.textProperty());
        }

        /** Null: to the receiver's key. */
        PackageFile.Protection chosen() {
            if (toKey.isSelected()) {
                return null;
            }
            if (none.isSelected()) {
                return PackageFile.Protection.none();
            }
            char[] typed = first.getText().toCharArray();
            first.clear();
            second.clear();
            return new PackageFile.Protection(typed);
        }
    }

    /**
     * 导出数据包: to whom (a laptop: its hub, fixed; the hub: one of its devices, or anyone), 仅对方未确认的 (the
     * default) or 全部, and the protection — to the receiver's key by default when it is known, said in words.
     */
    Optional<ExportChoice> export(Window owner, List<ExchangeService.Device> receivers, boolean onHub) {
        Dialog<ButtonType> d = dialog(owner, "exportForm", m.get("exchange.export.title"));
        GridPane grid = grid();
        ComboBox<ExchangeService.Device> to = new ComboBox<>();
        to.setId("exportTo");
        to.getItems().add(null);
        to.getItems().addAll(receivers);
        to.setConverter(Tables.converter(
                x -> x == null ? m.get("exchange.export.anyone") : x.name() == null ? x.deviceId() : x.name()));
        to.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ExchangeService.Device item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : to.getConverter().toString(item));
            }
        });
        Node receiver;
        if (onHub) {
            receiver = to;
            to.getSelectionModel().select(receivers.isEmpty() ? null : receivers.getFirst());
        } else {
            ExchangeService.Device hub = receivers.isEmpty() ? null : receivers.getFirst();
            to.getSelectionModel().select(hub);
            receiver = new Label(
                    hub == null
                            ? m.get("exchange.export.anyone")
                            : m.get("exchange.export.toHub", hub.name() == null ? hub.deviceId() : hub.name()));
        }
        ToggleGroup scope = new ToggleGroup();
        RadioButton unacknowledged = new RadioButton(m.get("exchange.export.unacknowledged"));
        unacknowledged.setId("exportUnacknowledged");
        RadioButton all = new RadioButton(m.get("exchange.export.all"));
        all.setId("exportAll");
        unacknowledged.setToggleGroup(scope);
        all.setToggleGroup(scope);
        unacknowledged.setSelected(true);
        ProtectionPane protection = new ProtectionPane(true);
        Label keyNote = new Label();
        keyNote.setWrapText(true);
        keyNote.setMaxWidth(480);
        Runnable follow = () -> {
            ExchangeService.Device target = to.getValue();
            boolean known = target != null && target.keyKnown();
            protection.toKey.setDisable(!known);
            if (known) {
                protection.toKey.setSelected(true);
                keyNote.setText(
                        m.get("exchange.export.keyKnown", to.getConverter().toString(target)));
            } else {
                if (protection.toKey.isSelected() || protection.group.getSelectedToggle() == null) {
                    protection.passphrase.setSelected(true);
                }
                keyNote.setText(
                        target == null
                                ? m.get("exchange.export.noReceiver")
                                : m.get(
                                        "exchange.export.keyUnknown",
                                        to.getConverter().toString(target)));
            }
        };
        to.valueProperty().addListener((o, was, now) -> follow.run());
        follow.run();
        grid.addRow(0, new Label(m.get("exchange.export.to")), receiver);
        grid.addRow(1, new Label(m.get("exchange.export.scope")), new VBox(6, unacknowledged, all));
        grid.addRow(2, new Label(m.get("exchange.export.protection")), new VBox(6, keyNote, protection.node));
        d.getDialogPane().setContent(grid);
        Button ok = okButton(d, m.get("exchange.export.next"));
        ok.disableProperty().bind(protection.invalid());
        Platform.runLater(() -> (onHub ? to : unacknowledged).requestFocus());
        return answered(d).map(b -> new ExportChoice(to.getValue(), all.isSelected(), protection.chosen()));
    }

    /** 准备外业机: the laptop's name and a passphrase typed twice, or an explicit 不加密. */
    Optional<PrepareChoice> prepare(Window owner) {
        Dialog<ButtonType> d = dialog(owner, "prepareForm", m.get("exchange.prepare.title"));
        GridPane grid = grid();
        TextField name = new TextField();
        name.setId("prepareName");
        name.setPromptText(m.get("exchange.prepare.namePrompt"));
        name.setPrefColumnCount(24);
        name.setTextFormatter(new javafx.scene.control.TextFormatter<String>(
                c -> c.getControlNewText().length() > 60 ? null : c));
        ProtectionPane protection = new ProtectionPane(false);
        Label note = new Label(m.get("exchange.prepare.note"));
        note.setWrapText(true);
        note.setMaxWidth(480);
        grid.addRow(0, new Label(m.get("exchange.prepare.name")), name);
        grid.addRow(1, new Label(m.get("exchange.export.protection")), protection.node);
        grid.add(note, 0, 2, 2, 1);
        d.getDialogPane().setContent(grid);
        Button ok = okButton(d, m.get("exchange.export.next"));
        ok.disableProperty().bind(name.textProperty().isEmpty().or(protection.invalid()));
        Platform.runLater(name::requestFocus);
        return answered(d).map(b -> new PrepareChoice(name.getText().strip(), protection.chosen()));
    }

    /** A package's passphrase; {@code again}: the one typed before did not open it. */
    Optional<char[]> passphrase(Window owner, String fileName, boolean again) {
        Dialog<ButtonType> d = dialog(owner, "passphraseForm", m.get("exchange.passphrase.title"));
        d.setHeaderText(
                again ? m.get("exchange.passphrase.again", fileName) : m.get("exchange.passphrase.needed", fileName));
        PasswordField field = new PasswordField();
        field.setId("packagePassphrase");
        field.setPrefColumnCount(24);
        VBox box = new VBox(8, new Label(m.get("exchange.passphrase.label")), field);
        box.setPadding(new Insets(12));
        d.getDialogPane().setContent(box);
        Button ok = okButton(d, m.get("exchange.passphrase.open"));
        ok.disableProperty().bind(field.textProperty().isEmpty());
        ((Button) d.getDialogPane()
                        .lookupButton(d.getDialogPane().getButtonTypes().get(1)))
                .setText(m.get("exchange.passphrase.skip"));
        Platform.runLater(field::requestFocus);
        Optional<char[]> typed = answered(d).map(b -> field.getText().toCharArray());
        field.clear();
        return typed;
    }

    private Dialog<ButtonType> dialog(Window owner, String id, String title) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle(m.get("app.title"));
        d.setHeaderText(title);
        d.setResizable(true);
        d.getDialogPane().setId(id);
        return d;
    }

    private Button okButton(Dialog<ButtonType> d, String text) {
        ButtonType ok = new ButtonType(text, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("exchange.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().setAll(ok, cancel);
        Button b = (Button) d.getDialogPane().lookupButton(ok);
        b.setId(d.getDialogPane().getId() + "Ok");
        return b;
    }

    private static Optional<ButtonType> answered(Dialog<ButtonType> d) {
        return d.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(12);
        g.setPadding(new Insets(12));
        return g;
    }
}
