package org.taizhang.app;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; {@link #open} starts it on a database and returns when the window closes. */
public final class App extends Application {
    public static void open(Path database, Locale locale) {
        Application.launch(App.class, "--db=" + database, "--lang=" + locale.getLanguage());
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Taizhang");
        stage.show();
    }
}
