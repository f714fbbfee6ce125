package org.taizhang.core.attachment;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The two EXIF tags the store needs, read from an APP1 Exif segment: Orientation (to turn thumbnails upright)
 * and DateTimeOriginal (when the photo was taken, for the metadata). Anything malformed reads as "absent";
 * a photo is never refused because of its EXIF.
 */
record ExifTags(int orientation, String dateTimeOriginal) {
    static final ExifTags NONE = new ExifTags(1, null);

    private static final int TIFF_START = 10; // 0xFF 0xE1, 2 length bytes, "Exif\0\0"
    private static final int ORIENTATION = 0x0112;
    private static final int EXIF_IFD = 0x8769;
    private static final int DATE_TIME_ORIGINAL = 0x9003;
    private static final int TYPE_ASCII = 2;
    private static final int TYPE_SHORT = 3;

    /** Tags of the first segment; {@link #NONE} when there is none or it cannot be read. */
    static ExifTags of(List<byte[]> exifSegments) {
        if (exifSegments.isEmpty() || exifSegments.getFirst().length <= TIFF_START + 8) {
            return NONE;
        }
        byte[] segment = exifSegments.getFirst();
        try {
            ByteBuffer tiff = ByteBuffer.wrap(segment, TIFF_START, segment.length - TIFF_START)
                    .slice();
            if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
                tiff.order(ByteOrder.LITTLE_ENDIAN);
            } else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
                return NONE;
            }
            if (tiff.getShort(2) != 42) {
                return NONE;
            }
            int ifd0 = tiff.getInt(4);
            int orientation = 1;
            int at = entry(tiff, ifd0, ORIENTATION);
            if (at >= 0 && (tiff.getShort(at + 2) & 0xFFFF) == TYPE_SHORT) {
                int value = tiff.getShort(at + 8) & 0xFFFF;
                orientation = value >= 1 && value <= 8 ? value : 1;
            }
            String taken = null;
            int pointer = entry(tiff, ifd0, EXIF_IFD);
            if (pointer >= 0) {
                int dateAt = entry(tiff, tiff.getInt(pointer + 8), DATE_TIME_ORIGINAL);
                if (dateAt >= 0 && (tiff.getShort(dateAt + 2) & 0xFFFF) == TYPE_ASCII) {
                    taken = ascii(tiff, dateAt);
                }
            }
            return new ExifTags(orientation, taken);
        } catch (IndexOutOfBoundsException e) {
            return NONE;
        }
    }

    /** Offset of the 12-byte entry of {@code tag} in the IFD at {@code ifd}, or -1. */
    private static int entry(ByteBuffer tiff, int ifd, int tag) {
        if (ifd < 8 || ifd > tiff.limit() - 2) {
            return -1;
        }
        int count = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int at = ifd + 2 + 12 * i;
            if ((tiff.getShort(at) & 0xFFFF) == tag) {
                return at;
            }
        }
        return -1;
    }

    private static String ascii(ByteBuffer tiff, int at) {
        int count = tiff.getInt(at + 4);
        if (count <= 0 || count > 64) {
            return null;
        }
        int from = count <= 4 ? at + 8 : tiff.getInt(at + 8);
        byte[] text = new byte[count];
        tiff.get(from, text);
        String s = new String(text, StandardCharsets.US_ASCII).replace("\0", "").strip();
        return s.isEmpty() || !s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? null : s;
    }
}
