package org.taizhang.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;

/** Where the database lives when --db does not say, from the environment the program was started with. */
class DataLocationTest {
    private static final String HOME = "/home/张三";

    @TempDir
    Path dir;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static String located(Map<String, String> env, String os) {
        return DataLocation.defaultDatabase(env, os, HOME, Optional.empty()).toString();
    }

    /** The table: operating system, variable, its value → the database. '-' for a variable that is not set. */
    @ParameterizedTest(name = "{0} {1}=[{2}] → {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Windows 11 | LOCALAPPDATA  | /c/Users/张三/AppData/Local |"
                        + " /c/Users/张三/AppData/Local/Taizhang/taizhang.db",
                // a blank or relative LOCALAPPDATA made the database relative to wherever the program started
                "Windows 11 | LOCALAPPDATA  | ``                          |"
                        + " /home/张三/AppData/Local/Taizhang/taizhang.db",
                "Windows 11 | LOCALAPPDATA  | `   `                       |"
                        + " /home/张三/AppData/Local/Taizhang/taizhang.db",
                "Windows 11 | LOCALAPPDATA  | AppData                     |"
                        + " /home/张三/AppData/Local/Taizhang/taizhang.db",
                "Windows 11 | LOCALAPPDATA  | -                           |"
                        + " /home/张三/AppData/Local/Taizhang/taizhang.db",
                "Windows 11 | LOCALAPPDATA  | `\"/c/Users/张三/Local\"`    | /c/Users/张三/Local/Taizhang/taizhang.db",
                "Linux      | XDG_DATA_HOME | /srv/数据                    | /srv/数据/taizhang/taizhang.db",
                "Linux      | XDG_DATA_HOME | ``                          | /home/张三/.local/share/taizhang/taizhang.db",
                "Linux      | XDG_DATA_HOME | share                       | /home/张三/.local/share/taizhang/taizhang.db",
                "Mac OS X   | XDG_DATA_HOME | /srv                        | /home/张三/Library/Application"
                        + " Support/Taizhang/taizhang.db",
                // TAIZHANG_HOME wins on every system; cmd.exe's set X="D:\台账" keeps the quotes in the value
                "Windows 11 | TAIZHANG_HOME | /mnt/台账                    | /mnt/台账/taizhang.db",
                "Windows 11 | TAIZHANG_HOME | `\"/mnt/台账 数据\"`          | /mnt/台账 数据/taizhang.db",
                "Linux      | TAIZHANG_HOME | `  '/mnt/台账'  `            | /mnt/台账/taizhang.db",
                "Linux      | TAIZHANG_HOME | `\"\"`                       |"
                        + " /home/张三/.local/share/taizhang/taizhang.db",
                "Linux      | TAIZHANG_HOME | `  `                        | /home/张三/.local/share/taizhang/taizhang.db",
            })
    void theDatabaseFollowsTheEnvironment(String os, String variable, String value, String expected) {
        Map<String, String> env = value.equals("-") ? env() : env(variable, value);

        assertThat(located(env, os)).isEqualTo(expected);
    }

    @Test
    void aQuotedWindowsFolderLosesItsQuotes() {
        assertThat(DataLocation.unquoted("\"D:\\台账\"")).isEqualTo("D:\\台账");
        assertThat(located(env("TAIZHANG_HOME", "\"D:\\台账\""), "Windows 11"))
                .isEqualTo(Path.of("D:\\台账", "taizhang.db").toString());
    }

    @Test
    void aTaizhangHomeThatIsNoPathIsRefusedInOneClearSentence() {
        assertThatThrownBy(() -> located(env("TAIZHANG_HOME", "D:\\台账\0"), "Linux"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("store.homeInvalid");
                    assertThat(Messages.forLocale(Messages.CHINESE).describe(e))
                            .contains("TAIZHANG_HOME")
                            .contains("不是有效的文件夹路径");
                });
    }

    // ---- the portable copy: a data folder beside the program

    @Test
    void aDataFolderBesideTheProgramHoldsTheDatabase() throws IOException {
        Path stick = Files.createDirectories(dir.resolve("U盘").resolve("Taizhang"));
        Files.createDirectories(stick.resolve("data"));

        assertThat(DataLocation.defaultDatabase(env(), "Windows 11", HOME, Optional.of(stick)))
                .isEqualTo(stick.resolve("data").resolve("taizhang.db"));
        assertThat(DataLocation.defaultDatabase(env("LOCALAPPDATA", "/c/Local"), "Linux", HOME, Optional.of(stick)))
                .isEqualTo(stick.resolve("data").resolve("taizhang.db"));
    }

    @Test
    void taizhangHomeComesBeforeThePortableFolder() throws IOException {
        Path stick = Files.createDirectories(dir.resolve("Taizhang"));
        Files.createDirectories(stick.resolve("data"));

        assertThat(DataLocation.defaultDatabase(
                        env("TAIZHANG_HOME", "/srv/台账"), "Windows 11", HOME, Optional.of(stick)))
                .isEqualTo(Path.of("/srv/台账/taizhang.db"));
    }

    @Test
    void withoutADataFolderBesideItTheProgramUsesTheUsersFolder() throws IOException {
        Path installed = Files.createDirectories(dir.resolve("Programs").resolve("Taizhang"));
        Files.writeString(installed.resolve("data"), "a file, not a folder");

        assertThat(DataLocation.defaultDatabase(
                        env("LOCALAPPDATA", "/c/Local"), "Windows 11", HOME, Optional.of(installed)))
                .isEqualTo(Path.of("/c/Local/Taizhang/taizhang.db"));
    }

    @Test
    void theProgramsFolderIsTheAppImagesRoot() throws IOException {
        Path root = dir.resolve("Taizhang");
        // jpackage's launcher names itself: Taizhang.exe in the root on Windows, bin/Taizhang on Linux
        assertThat(DataLocation.programFolder(root.resolve("Taizhang.exe").toString(), null))
                .hasValue(root);
        assertThat(DataLocation.programFolder(
                        root.resolve("bin").resolve("Taizhang").toString(), null))
                .hasValue(root);
        // java -jar: the jar's folder, or the image's root when the jar is in its app folder
        Path windowsJar = Files.createDirectories(root.resolve("app")).resolve("taizhang.jar");
        Path linuxJar =
                Files.createDirectories(root.resolve("lib").resolve("app")).resolve("taizhang.jar");
        Path looseJar = dir.resolve("taizhang.jar");
        for (Path jar : new Path[] {windowsJar, linuxJar, looseJar}) {
            Files.writeString(jar, "PK");
        }
        assertThat(DataLocation.programFolder(null, windowsJar)).hasValue(root);
        assertThat(DataLocation.programFolder("", linuxJar)).hasValue(root);
        assertThat(DataLocation.programFolder(null, looseJar)).hasValue(dir);
        // a build's classes folder is no program folder
        assertThat(DataLocation.programFolder(null, Files.createDirectories(dir.resolve("classes"))))
                .isEmpty();
        assertThat(DataLocation.programFolder(null, null)).isEmpty();
    }
}
