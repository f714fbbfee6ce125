package org.taizhang.core.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for a test: a real full disk (a few hundred KB) or a real read-only file system (remount
 * ro). Needs Linux and the right to mount (root, as on the build machine); elsewhere the test is skipped.
 * Running as root also means chmod cannot make a file read-only for the test, hence the mounts.
 */
public final class TmpfsMount implements AutoCloseable {
    private final Path folder;

    private TmpfsMount(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code size} (e.g. "400k") on a new folder {@code folder}; skips the test if it cannot. */
    public static TmpfsMount mountOrSkip(Path folder, String size) throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs mounts need Linux");
        Files.createDirectories(folder);
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", folder.toString()),
                "cannot mount a tmpfs here (not root?)");
        return new TmpfsMount(folder);
    }

    public Path folder() {
        return folder;
    }

    public void remountReadOnly() {
        if (!run("mount", "-o", "remount,ro", folder.toString())) {
            throw new IllegalStateException("remount read-only failed: " + folder);
        }
    }

    @Override
    public void close() {
        run("umount", "-l", folder.toString());
    }

    /** chattr +i: a file even root cannot open for writing (ext4 and the like); false where unsupported. */
    public static boolean makeImmutable(Path file, boolean immutable) {
        return run("chattr", immutable ? "+i" : "-i", file.toString());
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
