package org.taizhang.archfixture.cli;

import javafx.application.Platform;

/** Planted: the command line reaching for the window toolkit. */
final class ChecklistCommand {
    static void run() {
        Platform.exit();
    }
}
