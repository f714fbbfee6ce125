package org.taizhang.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
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
}
