package org.taizhang.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.taizhang.core.i18n.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
    }

    /** The dialog window {@code show} opened (it waits for an answer, so it is shown later on the FX thread). */
    private static Stage shown(FxRobot robot, Runnable show) {
        javafx.application.Platform.runLater(show);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream()
                .filter(w -> w instanceof Stage s && s.getScene().getRoot() instanceof DialogPane)
                .map(w -> (Stage) w)
                .findFirst()
                .orElseThrow();
    }

    private static void assertCentredOn(Window dialog, Window owner) {
        double x = dialog.getX() + dialog.getWidth() / 2;
        double y = dialog.getY() + dialog.getHeight() / 2;
        assertThat(x).isBetween(owner.getX(), owner.getX() + owner.getWidth());
        assertThat(y).isBetween(owner.getY(), owner.getY() + owner.getHeight());
    }

    @Test
    void errorsAndQuestionsAreTitledAndCentredOnTheWindow(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE));
        robot.interact(() -> {
            stage.setX(300);
            stage.setY(200);
            stage.setWidth(800);
            stage.setHeight(600);
        });
        List<Runnable> kinds = List.of(
                () -> dialogs.showError("无法保存", "“党员人数”不是整数。"),
                () -> dialogs.confirm("删除“市委办”？", ""),
                () -> dialogs.choose("有未保存的修改", "", List.of("保存", "放弃", "取消")),
                () -> dialogs.askText("公示期", "结束日期：", "2026-12-10"));
        for (Runnable kind : kinds) {
            Stage dialog = shown(robot, kind);

            assertThat(dialog.getOwner()).isSameAs(stage);
            assertThat(dialog.getTitle()).isNotBlank();
            assertCentredOn(dialog, stage);
            robot.interact(dialog::close);
        }
    }

    @Test
    void whenTheSystemCannotOpenAFileTheClerkIsToldWhereItIs(FxRobot robot) {
        java.nio.file.Path file = java.nio.file.Path.of("/tmp/导出/问题整改台账.xlsx");
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE), f -> false);

        Stage dialog = shown(robot, () -> dialogs.open(file));

        String text = ((DialogPane) dialog.getScene().getRoot()).getContentText();
        assertThat(text)
                .contains("系统打不开“问题整改台账.xlsx”", "Excel 或 WPS", file.getParent().toString());
        robot.interact(dialog::close);
    }

    @Test
    void aFileTheSystemOpensSaysNothing(FxRobot robot) {
        java.util.List<java.nio.file.Path> opened = new java.util.ArrayList<>();
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE), f -> opened.add(f));

        robot.interact(() -> dialogs.open(java.nio.file.Path.of("问题整改台账.xlsx")));

        assertThat(opened).hasSize(1);
        assertThat(robot.listWindows())
                .noneMatch(w -> w instanceof Stage s && s.getScene().getRoot() instanceof DialogPane);
    }

    @Test
    void aDialogOverAFormIsOwnedByThatForm(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE));
        Stage[] made = new Stage[1];
        robot.interact(() -> made[0] = new Stage());
        Stage form = made[0];
        robot.interact(() -> {
            form.initOwner(stage);
            form.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
            form.show();
            form.requestFocus();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.junit.jupiter.api.Assumptions.assumeTrue(form.isFocused(), "the platform gives windows focus");

        Stage dialog = shown(robot, () -> dialogs.showError("销号被拒绝", "至少需要一份佐证材料。"));

        assertThat(dialog.getOwner()).isSameAs(form);
        robot.interact(() -> {
            dialog.close();
            form.close();
        });
    }

    @Test
    void aConfirmationsDefaultIsTheSafeAnswer(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE));
        Alert[] alert = new Alert[1];
        robot.interact(() -> alert[0] = dialogs.confirmation("删除“市委办”？", ""));

        ButtonType no = alert[0].getButtonTypes().get(1);
        ButtonType yes = alert[0].getButtonTypes().get(0);
        assertThat(no.getText()).isEqualTo("否");
        assertThat(((Button) alert[0].getDialogPane().lookupButton(no)).isDefaultButton())
                .isTrue();
        assertThat(((Button) alert[0].getDialogPane().lookupButton(yes)).isDefaultButton())
                .isFalse();
    }

    @Test
    void aSuggestedFileNameBuiltFromDataIsMadeLegal() {
        // a unit named with a "/" and a template named CON: Windows would make a folder of one, refuse the other
        assertThat(FxDialogService.saveChooser("导出", "党建/组织科整改情况反馈表.xlsx", "Excel", "*.xlsx")
                        .getInitialFileName())
                .isEqualTo("党建／组织科整改情况反馈表.xlsx");
        assertThat(FxDialogService.saveChooser("导出", "CON.xlsx", "Excel", "*.xlsx")
                        .getInitialFileName())
                .isEqualTo("CON_.xlsx");
    }

    /** A form of one field, which must not be empty. */
    private static final class OneField extends FormModel<String> {
        final javafx.beans.property.StringProperty text = new javafx.beans.property.SimpleStringProperty("");

        OneField() {
            track(text);
        }

        @Override
        protected void fill(String record) {
            text.set(record);
        }

        @Override
        public String read() {
            return text.get();
        }

        @Override
        protected String blank() {
            return "";
        }

        @Override
        protected List<org.taizhang.core.Issue> check(String record) {
            return record == null || record.isBlank()
                    ? List.of(org.taizhang.core.Issue.error("text", "date.unreadable", ""))
                    : List.of();
        }
    }

    @Test
    void aFormInADialogWaitsForItsChecksAndStaysUntilTheWorkIsWritten(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE));
        Messages m = Messages.forLocale(Messages.CHINESE);
        OneField form = new OneField();
        robot.interact(form::startNew);
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.textProperty().bindBidirectional(form.text);
        Runnable[] close = new Runnable[1];
        int[] more = {0};
        robot.interact(() -> dialogs.showForm(
                new FormDialog("oneForm", "新增", field)
                        .checkedBy(form, m)
                        .buttons("保存", "取消")
                        .more("保存并新增", next -> more[0]++),
                c -> close[0] = c));
        Button ok = robot.lookup("#oneFormOk").queryButton();
        Stage dialog = (Stage) ok.getScene().getWindow();
        assertThat(dialog.getOwner()).isSameAs(stage);
        assertThat(dialog.getTitle()).isEqualTo("新增");
        assertThat(ok.getText()).isEqualTo("保存");
        assertThat(ok.isDisabled()).as("the form has an error").isTrue();
        assertThat(robot.lookup("#oneFormMore").queryButton().isDisabled()).isTrue();

        robot.interact(() -> form.text.set("有内容"));
        assertThat(ok.isDisabled()).isFalse();
        robot.interact(ok::fire);
        assertThat(close[0]).as("the work is asked for").isNotNull();
        assertThat(dialog.isShowing()).as("and the dialog waits for it").isTrue();
        robot.interact(() -> robot.lookup("#oneFormMore").queryButton().fire());
        assertThat(more[0]).isEqualTo(1);
        assertThat(dialog.isShowing()).isTrue();
        robot.interact(close[0]);
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void aSmallFormSaysWhetherItWasConfirmed(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE));
        java.util.concurrent.atomic.AtomicReference<Boolean> answer =
                new java.util.concurrent.atomic.AtomicReference<>();
        javafx.scene.control.TextField name = new javafx.scene.control.TextField();
        Stage dialog =
                shown(robot, () -> answer.set(dialogs.askForm(new FormDialog("teamForm", "新增检查组", name).focus(name))));
        assertThat(dialog.getOwner()).isSameAs(stage);
        assertThat(dialog.getTitle()).isEqualTo("新增检查组");
        robot.interact(() -> robot.lookup("#teamFormOk").queryButton().fire());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.get()).isTrue();

        Stage again = shown(robot, () -> answer.set(dialogs.askForm(new FormDialog("teamForm", "新增检查组", name))));
        robot.interact(() -> robot.lookup("#teamFormCancel").queryButton().fire());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(again.isShowing()).isFalse();
        assertThat(answer.get()).isFalse();
    }

    @Test
    void aWindowToReadOpensBesideTheProgramsWithItsStyle(FxRobot robot) {
        FxDialogService dialogs = new FxDialogService(stage, Messages.forLocale(Messages.CHINESE));
        robot.interact(() -> stage.getScene().getStylesheets().setAll("data:text/css,.root{}"));
        javafx.scene.control.Label text = new javafx.scene.control.Label("支部档案");
        robot.interact(() -> dialogs.showWindow("市委办 · 第一党支部", new javafx.scene.layout.StackPane(text), 300, 200));
        Stage window = (Stage) text.getScene().getWindow();
        assertThat(window.getOwner()).isSameAs(stage);
        assertThat(window.getTitle()).isEqualTo("市委办 · 第一党支部");
        assertThat(window.getModality()).isEqualTo(javafx.stage.Modality.NONE);
        assertThat(window.getScene().getStylesheets()).containsExactly("data:text/css,.root{}");
        robot.interact(window::close);
    }
}
