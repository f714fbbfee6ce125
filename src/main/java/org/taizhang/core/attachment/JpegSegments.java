package org.taizhang.core.attachment;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough of the JPEG marker structure to carry EXIF across a re-encode: ImageIO drops it, so the original
 * APP1 "Exif" segments are copied byte for byte into the scaled file. Only the header is walked (up to SOS);
 * the compressed data is never touched.
 */
final class JpegSegments {
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] JFIF_ID = {'J', 'F', 'I', 'F', 0};

    /** One header segment: marker byte and its span in the file, from the 0xFF to the end of its payload. */
    private record Segment(int marker, int start, int end) {}

    /** Header segments in file order and the offset where the walk stopped (SOS, EOI or damage). */
    private record Header(List<Segment> segments, int end) {}

    private JpegSegments() {}

    static boolean isJpeg(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == SOI && (bytes[2] & 0xFF) == 0xFF;
    }

    /** The APP1 Exif segments (marker, length and payload, exactly as in the file); empty when there are none. */
    static List<byte[]> exifSegments(byte[] jpeg) {
        List<byte[]> found = new ArrayList<>();
        if (!isJpeg(jpeg)) {
            return found;
        }
        for (Segment s : header(jpeg).segments()) {
            if (s.marker() == APP1 && payloadStartsWith(jpeg, s, EXIF_ID)) {
                found.add(Arrays.copyOfRange(jpeg, s.start(), s.end()));
            }
        }
        return found;
    }

    /**
     * {@code jpeg} with {@code segments} placed right after SOI. A JFIF APP0 segment is dropped when segments are
     * inserted: EXIF and JFIF both want to come first, and Java's own JPEG reader rejects a JFIF segment that
     * does not, so the result looks like a camera's file (SOI, APP1 Exif, tables, image).
     */
    static byte[] withSegmentsAfterSoi(byte[] jpeg, List<byte[]> segments) {
        if (segments.isEmpty() || !isJpeg(jpeg)) {
            return jpeg;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 64 * 1024);
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        Header header = header(jpeg);
        for (Segment s : header.segments()) {
            if (!(s.marker() == APP0 && payloadStartsWith(jpeg, s, JFIF_ID))) {
                out.write(jpeg, s.start(), s.end() - s.start());
            }
        }
        out.write(jpeg, header.end(), jpeg.length - header.end());
        return out.toByteArray();
    }

    private static Header header(byte[] b) {
        List<Segment> segments = new ArrayList<>();
        int pos = 2;
        while (pos + 1 < b.length && (b[pos] & 0xFF) == 0xFF) {
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte before a marker
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                segments.add(new Segment(marker, pos, pos + 2)); // markers without a length
                pos += 2;
                continue;
            }
            if (pos + 3 >= b.length) {
                break;
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > b.length) {
                break; // damaged: leave the rest as it is
            }
            segments.add(new Segment(marker, pos, pos + 2 + length));
            pos += 2 + length;
        }
        return new Header(segments, pos);
    }

    private static boolean payloadStartsWith(byte[] b, Segment s, byte[] prefix) {
        int from = s.start() + 4;
        return s.end() - from >= prefix.length
                && Arrays.equals(b, from, from + prefix.length, prefix, 0, prefix.length);
    }
}
