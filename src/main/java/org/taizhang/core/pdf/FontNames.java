package org.taizhang.core.pdf;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The family names a TrueType / OpenType file or collection gives itself, read from its {@code name} table: a
 * font a user installed keeps the file name it came with (仿宋_GB2312.ttf, FZFSK.TTF), so only the names inside
 * say what it is. Only the headers are read (a few KB of a 20 MB font), so a whole Fonts folder is cheap to scan.
 */
final class FontNames {
    private static final int TTCF = 0x74746366; // 'ttcf'
    private static final int NAME = 0x6e616d65; // 'name'
    private static final int FAMILY = 1;
    private static final int SUBFAMILY = 2;
    private static final int TYPOGRAPHIC_FAMILY = 16;
    private static final int TYPOGRAPHIC_SUBFAMILY = 17;
    /** More faces than any real collection holds: a damaged header must not make us read forever. */
    private static final int MAX_FACES = 64;
    /** Real name tables are a few KB (up to some 100 KB with many languages). */
    private static final long MAX_NAME_TABLE = 1 << 20;

    /** One face: its index in a collection ({@code -1} in a single font), its family and style names. */
    record Face(int index, Set<String> families, Set<String> styles) {
        boolean isBold() {
            return styles.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("bold"));
        }
    }

    private FontNames() {}

    /** The faces of a font file; throws on a file that is no font (the caller skips it). */
    static List<Face> read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            List<Face> faces = new ArrayList<>();
            if (u32(ch, 0) == TTCF) {
                long count = Math.min(u32(ch, 8), MAX_FACES);
                for (int i = 0; i < count; i++) {
                    faces.add(face(ch, u32(ch, 12 + 4L * i), i));
                }
            } else {
                faces.add(face(ch, 0, -1));
            }
            return faces;
        }
    }

    /** Compared without case, spaces, '_' and '-': "FangSong_GB2312" and "Fangsong GB2312" are one family. */
    static String key(String family) {
        return family.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    /** Two reads per face: the table directory, then the whole name table (a Fonts folder holds hundreds). */
    private static Face face(FileChannel ch, long offset, int index) throws IOException {
        Set<String> families = new LinkedHashSet<>();
        Set<String> styles = new LinkedHashSet<>();
        int tables = u16(ch, offset + 4);
        ByteBuffer directory = ByteBuffer.wrap(bytes(ch, offset + 12, 16 * tables));
        for (int t = 0; t < tables; t++) {
            if (directory.getInt(16 * t) == NAME) {
                long length = directory.getInt(16 * t + 12) & 0xffffffffL;
                if (length > MAX_NAME_TABLE) {
                    throw new IOException("name table of " + length + " bytes");
                }
                long at = directory.getInt(16 * t + 8) & 0xffffffffL;
                readNames(ByteBuffer.wrap(bytes(ch, at, (int) length)), families, styles);
                break;
            }
        }
        return new Face(index, families, styles);
    }

    private static void readNames(ByteBuffer table, Set<String> families, Set<String> styles) {
        int count = table.getShort(2) & 0xffff;
        int strings = table.getShort(4) & 0xffff;
        for (int i = 0; i < count; i++) {
            int r = 6 + 12 * i;
            int platform = table.getShort(r) & 0xffff;
            int encoding = table.getShort(r + 2) & 0xffff;
            int nameId = table.getShort(r + 6) & 0xffff;
            boolean family = nameId == FAMILY || nameId == TYPOGRAPHIC_FAMILY;
            boolean style = nameId == SUBFAMILY || nameId == TYPOGRAPHIC_SUBFAMILY;
            if (!family && !style) {
                continue;
            }
            byte[] b = new byte[table.getShort(r + 8) & 0xffff];
            table.get(strings + (table.getShort(r + 10) & 0xffff), b);
            String text = decode(platform, encoding, b);
            if (text != null && !text.isBlank()) {
                (family ? families : styles).add(text.strip());
            }
        }
    }

    /**
     * Unicode (platform 0, and Windows 1 / 10) is UTF-16BE; old Chinese Windows fonts name themselves in GBK
     * (platform 3, encoding 3 "PRC"), one or two bytes in each 16-bit unit; Macintosh Roman is read for ASCII.
     */
    private static String decode(int platform, int encoding, byte[] b) {
        if (platform == 0 || platform == 3 && (encoding == 0 || encoding == 1 || encoding == 10)) {
            return new String(b, StandardCharsets.UTF_16BE);
        }
        if (platform == 3 && encoding == 3) {
            ByteArrayOutputStream gbk = new ByteArrayOutputStream();
            for (int i = 0; i + 1 < b.length; i += 2) {
                if (b[i] != 0) {
                    gbk.write(b[i]);
                }
                gbk.write(b[i + 1]);
            }
            return gbk.toString(Charset.forName("GBK"));
        }
        if (platform == 1 && encoding == 0) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    private static byte[] bytes(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                throw new EOFException("font header runs past the end of the file");
            }
        }
        return buf.array();
    }

    private static int u16(FileChannel ch, long at) throws IOException {
        return ByteBuffer.wrap(bytes(ch, at, 2)).getShort() & 0xffff;
    }

    private static long u32(FileChannel ch, long at) throws IOException {
        return ByteBuffer.wrap(bytes(ch, at, 4)).getInt() & 0xffffffffL;
    }
}
