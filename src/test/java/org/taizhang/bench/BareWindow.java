package org.taizhang.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The floor for the cold-start benchmark: a bare JavaFX window (one label), started like the program (a plain
 * main calling Application.launch from the class path) and timed the same way: {@code -Dtaizhang.startupProbe=FILE}
 * gets how long after the JVM started the window was shown, then it quits.
 */
public final class BareWindow extends Application {
    /** A plain class for main, as the program's Launcher: the java launcher refuses an Application on the class path. */
    public static final class Main {
        private Main() {}

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        stage.setScene(new Scene(new BorderPane(new Label("机关党建台账")), 1280, 720));
        stage.setTitle("bare");
        stage.show();
        long ms = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();
        String file = System.getProperty("taizhang.startupProbe");
        if (file != null) {
            Files.writeString(
                    Path.of(file),
                    "firstWindowMs=" + ms + "\nfirstWindowMsCpu="
                            + ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                            .getProcessCpuTime()
                                    / 1_000_000
                            + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        Platform.exit();
    }
}
