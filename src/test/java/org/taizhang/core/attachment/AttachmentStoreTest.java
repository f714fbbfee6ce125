package org.taizhang.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taizhang.core.store.schema.Tables.ATTACHMENT;
import static org.taizhang.core.store.schema.Tables.HISTORY;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.store.Store;

class AttachmentStoreTest {
    private static final String TAKEN = "2024:05:01 09:30:00";
    private static byte[] bigJpeg; // drawn and encoded once: it takes most of a second

    private static byte[] bigJpeg() throws IOException {
        if (bigJpeg == null) {
            bigJpeg = jpeg(4000, 3000);
        }
        return bigJpeg.clone();
    }

    @TempDir
    Path dir;

    private Store store;
    private AttachmentStore attachments;
    private Path inbox;

    @BeforeEach
    void open() throws IOException {
        store = Store.openOrCreate(dir.resolve("t.db"));
        attachments = new AttachmentStore(store);
        inbox = Files.createDirectories(dir.resolve("inbox"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aLargeJpegIsScaledToTheLongestSideAndKeepsItsExifByteForByte() throws Exception {
        byte[] exif = exifSegment(1);
        Path photo = write("IMG_0001.jpg", withExif(bigJpeg(), exif));

        Attachment a = attachments.add(photo);

        byte[] stored = Files.readAllBytes(attachments.file(a.id()));
        assertThat(a.id()).isEqualTo(sha256(stored));
        assertThat(attachments.file(a.id()))
                .isEqualTo(dir.resolve("attachments")
                        .resolve(a.id().substring(0, 2))
                        .resolve(a.id()));
        assertThat(a.mediaType()).isEqualTo("image/jpeg");
        assertThat(a.fileName()).isEqualTo("IMG_0001.jpg");
        assertThat(a.width()).isEqualTo(2000);
        assertThat(a.height()).isEqualTo(1500);
        assertThat(a.byteSize()).isEqualTo(stored.length);
        assertThat(a.originalWidth()).isEqualTo(4000);
        assertThat(a.originalHeight()).isEqualTo(3000);
        assertThat(a.originalSha256()).isEqualTo(sha256(Files.readAllBytes(photo)));
        assertThat(a.originalByteSize()).isEqualTo(Files.size(photo));
        assertThat(size(stored)).containsExactly(2000, 1500);
        assertThat(Arrays.copyOfRange(stored, 0, 2 + exif.length))
                .as("SOI, then the original APP1 Exif segment unchanged")
                .isEqualTo(concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, exif));
        assertThat(JpegSegments.exifSegments(stored)).singleElement().isEqualTo(exif);
        assertThat(a.originalMetadata())
                .contains(
                        "\"fileName\":\"IMG_0001.jpg\"",
                        "\"width\":4000",
                        "\"height\":3000",
                        "\"exifKept\":true",
                        "\"dateTimeOriginal\":\"" + TAKEN + "\"",
                        "\"sha256\":\"" + a.originalSha256() + "\"",
                        "\"byteSize\":" + Files.size(photo),
                        "\"scaled\":true");
        assertThat(attachments.find(a.id())).contains(a);

        Path thumb = attachments.thumbnail(a.id()).orElseThrow();
        assertThat(thumb)
                .isEqualTo(dir.resolve("attachments/thumbs")
                        .resolve(a.id().substring(0, 2))
                        .resolve(a.id() + ".jpg"));
        assertThat(size(Files.readAllBytes(thumb))).containsExactly(240, 180);
    }

    @Test
    void theScaledJpegIsReadableWithItsMetadataByJavasOwnReader() throws Exception {
        Attachment a = attachments.add(write("a.jpg", withExif(bigJpeg(), exifSegment(1))));

        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (ImageInputStream in =
                ImageIO.createImageInputStream(attachments.file(a.id()).toFile())) {
            reader.setInput(in);
            assertThat(reader.getImageMetadata(0)).isNotNull(); // refuses a JFIF segment that is not first
            assertThat(reader.read(0).getWidth()).isEqualTo(2000);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void addingTheSameFileTwiceReturnsTheSameRecordAndWritesNothing() throws Exception {
        Path photo = write("IMG_0002.jpg", withExif(bigJpeg(), exifSegment(1)));
        Attachment first = attachments.add(photo);
        Path stored = attachments.file(first.id());
        Files.setLastModifiedTime(stored, FileTime.fromMillis(0));
        Map<Path, Long> filesBefore = files();

        Attachment second = attachments.add(photo);
        Attachment renamedCopy = attachments.add(write("copy.jpg", Files.readAllBytes(photo)));

        assertThat(second).isEqualTo(first);
        assertThat(renamedCopy).isEqualTo(first);
        assertThat(store.read().fetchCount(ATTACHMENT)).isEqualTo(1);
        assertThat(store.read().fetchCount(HISTORY, HISTORY.ENTITY_ID.eq(first.id())))
                .isEqualTo(1);
        assertThat(Files.getLastModifiedTime(stored).toMillis()).isZero();
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void aSmallPngIsStoredUnchanged() throws Exception {
        BufferedImage image = new BufferedImage(100, 50, BufferedImage.TYPE_INT_ARGB);
        paint(image);
        byte[] png = encode(image, "png");
        Path file = write("chart.png", png);

        Attachment a = attachments.add(file);

        assertThat(a.id()).isEqualTo(sha256(png));
        assertThat(a.originalSha256()).isEqualTo(a.id());
        assertThat(Files.readAllBytes(attachments.file(a.id()))).isEqualTo(png);
        assertThat(a.mediaType()).isEqualTo("image/png");
        assertThat(a.width()).isEqualTo(100);
        assertThat(a.height()).isEqualTo(50);
        assertThat(a.originalMetadata()).contains("\"exifKept\":false", "\"scaled\":false");
        assertThat(size(Files.readAllBytes(attachments.thumbnail(a.id()).orElseThrow())))
                .containsExactly(100, 50);
    }

    @Test
    void aDocumentIsStoredAsItIsWithoutThumbnail() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Path file = write("会议记录.pdf", pdf);

        Attachment a = attachments.add(file);

        assertThat(a.id()).isEqualTo(sha256(pdf));
        assertThat(Files.readAllBytes(attachments.file(a.id()))).isEqualTo(pdf);
        assertThat(a.mediaType()).isIn("application/pdf", "application/octet-stream");
        assertThat(a.fileName()).isEqualTo("会议记录.pdf");
        assertThat(a.byteSize()).isEqualTo(pdf.length);
        assertThat(a.width()).isNull();
        assertThat(a.height()).isNull();
        assertThat(a.originalWidth()).isNull();
        assertThat(attachments.thumbnail(a.id())).isEmpty();
        assertThat(Files.exists(dir.resolve("attachments/thumbs"))).isFalse();
    }

    @Test
    void aFileWithTheJpegMagicAndGarbageAfterItIsRefusedAndNothingIsStored() throws Exception {
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        Path file = write("photo.jpg", garbage);

        assertThatThrownBy(() -> attachments.add(file))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("attachment.error.unreadable"));
        assertThat(store.read().fetchCount(ATTACHMENT)).isZero();
        assertThat(files()).isEmpty();
    }

    @Test
    void aFileNamedLikeAPhotoThatIsNoPictureIsRefused() throws Exception {
        Path file = write("photo.jpg", "not a photo".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> attachments.add(file))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("attachment.error.unreadable"));
        assertThat(store.read().fetchCount(ATTACHMENT)).isZero();
        assertThat(files()).isEmpty();
    }

    @Test
    void verifyFindsAStoredFileDamagedOrMissing() throws Exception {
        Attachment a = attachments.add(write("chart.png", encode(painted(100, 50), "png")));
        assertThat(attachments.verify(a.id())).isTrue();

        Path stored = attachments.file(a.id());
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(stored, bytes);
        assertThat(attachments.verify(a.id())).isFalse();

        Files.delete(stored);
        assertThat(attachments.verify(a.id())).isFalse();
    }

    @Test
    void aMissingInputIsReportedAsNotFound() {
        Path missing = dir.resolve("nowhere/IMG_0003.jpg");

        assertThatThrownBy(() -> attachments.add(missing)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("attachment.error.notFound");
            assertThat(e.args()).containsExactly(missing.toAbsolutePath());
        });
    }

    @Test
    void aFileOverTwoGigabytesIsRefusedBeforeItIsRead() throws Exception {
        Path huge = inbox.resolve("video.mp4");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(AttachmentStore.MAX_BYTES + 1); // sparse: takes no disk space
        }

        assertThatThrownBy(() -> attachments.add(huge))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("attachment.error.tooLarge"));
    }

    @Test
    void aFailedWriteIsADomainErrorAndLeavesNoRecord() throws Exception {
        Files.writeString(dir.resolve("attachments"), "a file where the folder should be");
        Path file = write("chart.png", encode(painted(100, 50), "png"));

        assertThatThrownBy(() -> attachments.add(file)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("attachment.error.writeFailed");
            assertThat(String.valueOf(e.args()[2]))
                    .as("the reason, not just a path")
                    .doesNotStartWith(dir.toString());
        });
        assertThat(store.read().fetchCount(ATTACHMENT)).isZero();
    }

    @Test
    void sidesAreConfigurableAndThumbnailsAreTurnedUprightByTheExifOrientation() throws Exception {
        AttachmentStore small = new AttachmentStore(store, 1000, 100);
        // orientation 6: the camera was held upright, the pixels lie on their side
        Attachment a = small.add(write("portrait.jpg", withExif(bigJpeg(), exifSegment(6))));

        assertThat(a.width()).isEqualTo(1000);
        assertThat(a.height()).isEqualTo(750);
        assertThat(a.originalMetadata()).contains("\"orientation\":6");
        assertThat(size(Files.readAllBytes(small.thumbnail(a.id()).orElseThrow())))
                .containsExactly(75, 100);
    }

    @Test
    void orientationsSixAndEightTurnTheRightWay() {
        BufferedImage leftRedRightBlue = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        leftRedRightBlue.setRGB(0, 0, 0xFF0000);
        leftRedRightBlue.setRGB(1, 0, 0x0000FF);

        BufferedImage clockwise = Photos.upright(leftRedRightBlue, 6);
        BufferedImage anticlockwise = Photos.upright(leftRedRightBlue, 8);

        assertThat(List.of(clockwise.getWidth(), clockwise.getHeight())).containsExactly(1, 2);
        assertThat(clockwise.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(clockwise.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(anticlockwise.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(anticlockwise.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void aLostThumbnailIsMadeAgainFromTheStoredPhoto() throws Exception {
        Attachment a = attachments.add(write("a.jpg", jpeg(800, 600)));
        Path thumb = attachments.thumbnail(a.id()).orElseThrow();
        Files.delete(thumb);

        assertThat(attachments.thumbnail(a.id())).contains(thumb);
        assertThat(size(Files.readAllBytes(thumb))).containsExactly(240, 180);
    }

    @Test
    void anIdThatIsNoHashIsRefusedSoItCannotPointOutsideTheFolder() {
        assertThatThrownBy(() -> attachments.file("../../t.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> attachments.find("ab")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- test data

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(inbox.resolve(name), bytes);
    }

    private static BufferedImage painted(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        paint(image);
        return image;
    }

    private static void paint(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        int w = image.getWidth();
        int h = image.getHeight();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 30, 30), w, h, new Color(250, 220, 120)));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.setColor(Color.DARK_GRAY);
        for (int x = 0; x < w; x += Math.max(2, w / 50)) {
            g.drawLine(x, 0, w - x, h);
        }
        g.dispose();
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        return encode(painted(width, height), "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    /** Puts {@code segment} after ImageIO's JFIF APP0, as many cameras and editors lay out their files. */
    private static byte[] withExif(byte[] jpeg, byte[] segment) {
        assertThat(jpeg[3] & 0xFF).as("ImageIO writes JFIF APP0 first").isEqualTo(0xE0);
        int afterApp0 = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return concat(
                Arrays.copyOfRange(jpeg, 0, afterApp0), segment, Arrays.copyOfRange(jpeg, afterApp0, jpeg.length));
    }

    /**
     * A well-formed APP1 Exif segment: big-endian TIFF, IFD0 with Orientation and the Exif IFD pointer, the Exif
     * IFD with DateTimeOriginal, and some trailing bytes that must survive unchanged.
     */
    private static byte[] exifSegment(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(100);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 2); // IFD0 at 8
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 1); // Exif IFD at 38
        tiff.putShort((short) 0x9003).putShort((short) 2).putInt(20).putInt(56);
        tiff.putInt(0);
        tiff.put((TAKEN + "\0").getBytes(StandardCharsets.US_ASCII)); // at 56
        tiff.put("taizhang-maker-note-0123456789".getBytes(StandardCharsets.US_ASCII), 0, 24);
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static List<Integer> size(byte[] image) throws IOException {
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(image));
        return List.of(read.getWidth(), read.getHeight());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every regular file under the attachment folder with its size. */
    private Map<Path, Long> files() throws IOException {
        Path folder = dir.resolve("attachments");
        if (!Files.exists(folder)) {
            return Map.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .collect(Collectors.toMap(p -> p, p -> p.toFile().length()));
        }
    }
}
