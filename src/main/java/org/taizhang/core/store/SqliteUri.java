package org.taizhang.core.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file as an SQLite URI filename (sqlite.org/uri.html), for the options only a URI carries ({@code immutable}).
 * {@link Path#toUri()} will not do on Windows: a share {@code \\server\share\台账.db} becomes
 * {@code file://server/share/…}, and SQLite refuses any authority but empty or {@code localhost}. Here the
 * authority is always empty and the share stays in the path, {@code file:////server/share/…}, which SQLite hands
 * to Windows as {@code //server/share/…}; a drive path becomes {@code file:///C:/…} (SQLite drops the slash
 * before a drive letter).
 */
final class SqliteUri {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqliteUri() {}

    static String of(Path file) {
        Path absolute = file.toAbsolutePath();
        return of(absolute.toString(), absolute.getFileSystem().getSeparator().charAt(0));
    }

    /**
     * The same, from an absolute path written with {@code separator} (so a test can give Windows paths on Linux;
     * a backslash in a Linux file name is a character, not a separator).
     */
    static String of(String absolute, char separator) {
        String path = separator == '/' ? absolute : absolute.replace(separator, '/');
        if (!path.startsWith("/")) {
            path = "/" + path; // C:/… → /C:/…
        }
        StringBuilder uri = new StringBuilder("file://");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/:-._~".indexOf(c) >= 0)) {
                uri.append((char) c);
            } else {
                // '?' '#' '%' would end or break the path; SQLite decodes %HH back to the UTF-8 bytes
                uri.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return uri.toString();
    }
}
