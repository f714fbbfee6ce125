package org.taizhang.core.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether a database lies on a network share or in a folder a sync client copies, told from its path. SQLite's WAL
 * keeps its index in shared memory that only one computer sees, so on an SMB or NFS share two computers can corrupt
 * the file; sync clients (OneDrive, Dropbox, 坚果云, 百度网盘) upload a database half-written and make conflict
 * copies of its -wal and -shm. The program warns and goes on: the clerk may have no other place.
 */
public record StorageLocation(Kind kind, String where) {
    public enum Kind {
        LOCAL,
        /** A UNC path or a network file system: {@link #where} is the share. */
        NETWORK,
        /** Inside a sync client's folder: {@link #where} is the folder's name. */
        SYNCED
    }

    private static final StorageLocation LOCAL = new StorageLocation(Kind.LOCAL, "");

    /** The sync clients' folder names, compared ignoring case. */
    private static final List<String> SYNC_FOLDERS =
            List.of("OneDrive", "Dropbox", "坚果云", "我的坚果云", "Nutstore", "BaiduNetdiskWorkspace", "iCloudDrive");

    private static final Set<String> NETWORK_FILE_SYSTEMS =
            Set.of("cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs", "ncpfs");

    /** A line of /proc/mounts: where a file system is mounted and its type. */
    record Mount(String point, String type) {}

    /**
     * Where {@code database} lies, reading the system's mount table where it has one (Linux) and asking Windows
     * whether its drive letter is a mapped network drive.
     */
    public static StorageLocation of(Path database) {
        return classify(database.toAbsolutePath().toString(), mounts(Path.of("/proc/mounts")), WindowsDrives::remote);
    }

    public boolean isLocal() {
        return kind == Kind.LOCAL;
    }

    /** The warning's message key, with {@code database} and {@link #where} as its arguments; empty when local. */
    public Optional<String> warningKey() {
        return switch (kind) {
            case LOCAL -> Optional.empty();
            case NETWORK -> Optional.of("store.location.network");
            case SYNCED -> Optional.of("store.location.synced");
        };
    }

    static StorageLocation classify(String path, List<Mount> mounts) {
        return classify(path, mounts, drive -> Optional.empty());
    }

    /**
     * @param networkDrives for a drive letter ("Z:"), the share it maps when it is a network drive: a mapped drive's
     *     path looks like a local disk's
     */
    static StorageLocation classify(String path, List<Mount> mounts, Function<String, Optional<String>> networkDrives) {
        Optional<String> share = uncShare(path);
        if (share.isPresent()) {
            return new StorageLocation(Kind.NETWORK, share.get());
        }
        Optional<String> drive = driveLetter(path);
        if (drive.isPresent()) {
            Optional<String> mapped = networkDrives.apply(drive.get());
            if (mapped.isPresent()) {
                String where = mapped.get().equalsIgnoreCase(drive.get())
                        ? drive.get()
                        : drive.get() + " (" + mapped.get() + ")";
                return new StorageLocation(Kind.NETWORK, where);
            }
        }
        Mount best = null;
        for (Mount m : mounts) {
            if (contains(m.point(), path)
                    && (best == null || m.point().length() > best.point().length())) {
                best = m;
            }
        }
        if (best != null && NETWORK_FILE_SYSTEMS.contains(best.type().toLowerCase(Locale.ROOT))) {
            return new StorageLocation(Kind.NETWORK, best.point() + " (" + best.type() + ")");
        }
        for (String segment : path.split("[/\\\\]")) {
            for (String sync : SYNC_FOLDERS) {
                // OneDrive for work is "OneDrive - <organisation>", Dropbox's team folders "Dropbox (<team>)"
                if (segment.equalsIgnoreCase(sync)
                        || segment.regionMatches(true, 0, sync + " - ", 0, sync.length() + 3)
                        || segment.regionMatches(true, 0, sync + " (", 0, sync.length() + 2)) {
                    return new StorageLocation(Kind.SYNCED, segment);
                }
            }
        }
        return LOCAL;
    }

    /**
     * {@code \\server\share\…}, {@code //server/share/…} and the long form {@code \\?\UNC\server\share\…}; not
     * {@code \\?\C:\…} or a device path {@code \\.\…}.
     */
    private static Optional<String> uncShare(String path) {
        String p = path.replace('/', '\\');
        if (p.regionMatches(true, 0, "\\\\?\\UNC\\", 0, 8)) {
            p = "\\\\" + p.substring(8);
        } else if (p.startsWith("\\\\?\\") || p.startsWith("\\\\.\\")) {
            return Optional.empty();
        }
        if (!p.startsWith("\\\\") || p.length() < 3 || p.charAt(2) == '\\') {
            return Optional.empty();
        }
        String[] parts = p.substring(2).split("\\\\");
        return Optional.of(parts.length > 1 ? "\\\\" + parts[0] + "\\" + parts[1] : "\\\\" + parts[0]);
    }

    /** "Z:" of {@code Z:\…} and of the long form {@code \\?\Z:\…}, upper-cased. */
    private static Optional<String> driveLetter(String path) {
        String p = path.startsWith("\\\\?\\") || path.startsWith("//?/") ? path.substring(4) : path;
        if (p.length() >= 2 && WindowsDrives.isDriveLetter(p.substring(0, 2))) {
            return Optional.of(p.substring(0, 2).toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static boolean contains(String mountPoint, String path) {
        if (mountPoint.equals("/")) {
            return path.startsWith("/");
        }
        return path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    /** The mount table, or none where the system has no such file (Windows) or it cannot be read. */
    static List<Mount> mounts(Path procMounts) {
        try {
            return parseMounts(Files.readString(procMounts, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static List<Mount> parseMounts(String table) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3) {
                mounts.add(new Mount(unescape(f[1]), f[2]));
            }
        }
        return mounts;
    }

    /** /proc/mounts writes a space as \040 (and tab, newline, backslash likewise), in the path's bytes. */
    private static String unescape(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\'
                    && i + 3 < raw.length
                    && isOctal(raw[i + 1])
                    && isOctal(raw[i + 2])
                    && isOctal(raw[i + 3])) {
                bytes.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
                i += 3;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
