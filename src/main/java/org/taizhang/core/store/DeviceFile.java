package org.taizhang.core.store;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.files.FileReplacer;
import org.taizhang.core.files.IoReasons;
import org.taizhang.core.files.OwnerOnly;

/**
 * {@code <db>.device}, beside the database: which device the database is, on which computer and path, and how
 * far its logical clock went. The database alone cannot tell that it is a copy: a file copied to another
 * computer, or a backup restored over it, carries the device id inside. Compared at open, this file tells:
 * a database without it (copied alone), from another computer or path, of another device id, or whose clock
 * is behind what this file saw (a restored backup, which would name new changes as ones already sent) gets a
 * new device id. A new id is always safe (only a little longer version vectors), so doubt renews.
 */
final class DeviceFile {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceFile.class);

    record Binding(String host, String path) {}

    record State(String deviceId, long counter, Binding binding) {}

    /** A drive letter's root, {@code E:\}: the part a stick may get differently each time it is plugged in. */
    private static final Pattern DRIVE_ROOT = Pattern.compile("^[A-Za-z]:[\\\\/]$");

    private DeviceFile() {}

    /**
     * The place a database is bound to: its absolute path; on a Windows drive, the volume's serial number and the
     * path below the drive letter instead. A portable copy on a stick comes back as E: one day and F: the next
     * and stays one device; a copy on another stick or on D: has another serial and a copy in another folder
     * another path, so both still get a new id. Shares (UNC roots) keep the whole path: shares of one server disk
     * share its serial.
     */
    static String place(Path database) {
        Path absolute = database.toAbsolutePath();
        String root = absolute.getRoot() == null ? "" : absolute.getRoot().toString();
        Integer serial = null;
        if (DRIVE_ROOT.matcher(root).matches()) { // asked only where it is used: a share may answer slowly
            try {
                if (Files.getFileStore(absolute).getAttribute("volume:vsn") instanceof Integer vsn) {
                    serial = vsn;
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
                // the volume cannot say: the absolute path, as before
            }
        }
        return place(absolute.toString(), root, serial);
    }

    /** The same, from strings a test can give (Windows paths on any system). */
    static String place(String absolute, String root, Integer volumeSerial) {
        if (volumeSerial == null || !DRIVE_ROOT.matcher(root).matches() || !absolute.startsWith(root)) {
            return absolute;
        }
        return String.format("volume %08X:%s", volumeSerial, absolute.substring(root.length()));
    }

    /** Null when the database may keep its id; otherwise the reason (for the log) to give it a new one. */
    static String reasonToRenew(State noted, String deviceId, long counter, Binding here, boolean newDatabase) {
        if (newDatabase) {
            return null;
        }
        if (noted == null) {
            return "no device file: the database was copied here or is older than version 2";
        }
        if (!noted.deviceId().equals(deviceId)) {
            return "the device file names device " + noted.deviceId() + ": another database was copied here";
        }
        if (!noted.binding().equals(here)) {
            return "the database was at " + noted.binding().path() + " on "
                    + noted.binding().host() + ": it was copied or moved here";
        }
        if (counter < noted.counter()) {
            return "the database's clock " + counter + " is behind " + noted.counter() + ": a backup was restored";
        }
        return null;
    }

    static State read(Path file) {
        try {
            Properties p = new Properties();
            try (Reader r = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
                p.load(r);
            }
            String device = p.getProperty("device");
            String counter = p.getProperty("counter");
            if (device == null || counter == null) {
                return null;
            }
            return new State(
                    device, Long.parseLong(counter), new Binding(p.getProperty("host", ""), p.getProperty("path", "")));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("device file {} unreadable: {}", file, e.toString());
            return null;
        }
    }

    static void write(Path file, State state) {
        write(file, state, FileReplacer.system());
    }

    /**
     * Replaces the file whole. A failure is the caller's to weigh ({@code file.inUse} when another program still
     * holds it after the retries, else {@code file.writeFailed}): a missing or stale file only makes the next open
     * give a new id, but an export must not hand out changes this file does not account for.
     */
    static void write(Path file, State state, FileReplacer replacer) {
        Properties p = new Properties();
        p.setProperty("device", state.deviceId());
        p.setProperty("counter", Long.toString(state.counter()));
        p.setProperty("host", state.binding().host());
        p.setProperty("path", state.binding().path());
        StringWriter text = new StringWriter();
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            p.store(text, "Taizhang: which device this database is (do not copy this file with the database)");
            Files.deleteIfExists(temp);
            OwnerOnly.createFile(temp);
            Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
            // OneDrive or a scanner may hold the old file for a moment after it changed
            replacer.replace(temp, file);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new DomainException(e, "file.writeFailed", file, IoReasons.of(e));
        } catch (DomainException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.debug("{} left behind: {}", temp, e.toString()); // the next write deletes it first
        }
    }
}
