package org.taizhang.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Messages finds the bundles: beside core's, in a folder (the build) or a jar (the program as shipped). */
class MessagesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> PROGRAM = Map.of(
            "i18n/messages_zh_CN.properties", "app.title=台账\n",
            "i18n/messages_en.properties", "app.title=Ledger\n",
            "i18n/checklist_zh_CN.properties", "checklist.title=标准化建设\nchecklist.count=共 {0,number,#} 项\n",
            "i18n/checklist_en.properties", "checklist.title=Standards\nchecklist.count={0,number,#} items\n",
            "i18n/old/inspection_zh_CN.properties", "inspection.title=督查\n"); // not in i18n/ itself: no bundle

    @Test
    void aFeatureBundleInTheJarIsFoundWithoutBeingNamed() throws IOException {
        Path jar = dir.resolve("taizhang.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("i18n/"));
            for (var file : PROGRAM.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThat(Messages.bundleNames(loader)).containsExactly("messages", "checklist");
            assertThat(Messages.forLocale(Messages.ENGLISH, loader).get("checklist.count", 3))
                    .isEqualTo("3 items");
            assertThat(Messages.forLocale(Messages.CHINESE, loader).get("checklist.title"))
                    .isEqualTo("标准化建设");
            assertThat(Messages.forLocale(Messages.CHINESE, loader).get("inspection.title"))
                    .isEqualTo("!inspection.title!");
        }
    }

    @Test
    void aFeatureBundleInTheFolderIsFoundWithoutBeingNamed() throws IOException {
        write(PROGRAM);
        try (URLClassLoader loader = loaderOf(dir)) {
            assertThat(Messages.bundleNames(loader)).containsExactly("messages", "checklist");
            assertThat(Messages.forLocale(Messages.ENGLISH, loader).get("checklist.title"))
                    .isEqualTo("Standards");
            assertThat(Messages.forLocale(Messages.ENGLISH, loader).get("app.title"))
                    .isEqualTo("Ledger");
        }
    }

    @Test
    void aKeyInTwoBundlesIsRefused() throws IOException {
        write(PROGRAM);
        write(Map.of(
                "i18n/report_zh_CN.properties", "app.title=报表\n", "i18n/report_en.properties", "app.title=Reports\n"));
        try (URLClassLoader loader = loaderOf(dir)) {
            assertThatThrownBy(() -> Messages.forLocale(Messages.CHINESE, loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("app.title");
        }
    }

    @Test
    void aBundleWithoutItsEnglishIsRefusedRatherThanShownInChinese() throws IOException {
        write(PROGRAM);
        write(Map.of("i18n/report_zh_CN.properties", "report.title=报表\n"));
        try (URLClassLoader loader = loaderOf(dir)) {
            assertThat(Messages.forLocale(Messages.CHINESE, loader).get("report.title"))
                    .isEqualTo("报表");
            assertThatThrownBy(() -> Messages.forLocale(Messages.ENGLISH, loader))
                    .isInstanceOf(MissingResourceException.class);
        }
    }

    private void write(Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            Path f = dir.resolve(file.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Only the given jar or folder: the program's own bundles must not answer instead. */
    private static URLClassLoader loaderOf(Path jarOrFolder) throws IOException {
        return new URLClassLoader(new URL[] {jarOrFolder.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
