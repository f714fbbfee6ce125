package org.taizhang.core.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileOpenerTest {
    private final Path file = Path.of("整改后照片.png");
    private final List<String> tried = new ArrayList<>();

    private FileOpener way(String name, boolean works) {
        return p -> {
            tried.add(name + " " + p);
            return works;
        };
    }

    @Test
    void theNextWayIsTriedWhenOneCannotOpenIt() {
        boolean opened = FileOpener.firstOf(way("desktop", false), way("showDocument", true), way("third", true))
                .open(file);

        assertThat(opened).isTrue();
        assertThat(tried).containsExactly("desktop 整改后照片.png", "showDocument 整改后照片.png");
    }

    /** Tests run headless (java.awt.headless=true), as a machine without AWT's desktop would. */
    @Test
    void withoutADesktopShowDocumentStillOpensIt() {
        boolean opened = FileOpener.firstOf(FileOpener.desktop(), way("showDocument", true))
                .open(file);

        assertThat(opened).isTrue();
        assertThat(tried).containsExactly("showDocument 整改后照片.png");
    }

    /** Where there is no desktop the other way is used; where there is one, its refusal is the answer. */
    @Test
    void theDesktopsAbsenceOnlyLetsTheOtherWayTry() {
        boolean opened = FileOpener.desktopElse(way("showDocument", true)).open(file);

        assertThat(opened).isTrue();
        assertThat(tried).containsExactly("showDocument 整改后照片.png");
    }

    @Test
    void withoutHostServicesShowDocumentOpensNothing() {
        assertThat(FileOpener.showDocument(null).open(file)).isFalse();
    }
}
