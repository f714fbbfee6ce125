package org.taizhang.core.attachment;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoding, scaling and encoding of the two photo formats the store understands (JPEG and PNG), with
 * java.awt.image and ImageIO only. Memory streams throughout: ImageIO's default file cache would leave temp
 * files behind on a full disk.
 */
final class Photos {
    static final float JPEG_QUALITY = 0.88f;

    enum Format {
        JPEG("image/jpeg", "jpeg"),
        PNG("image/png", "png");

        private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

        final String mediaType;
        private final String imageIoName;

        Format(String mediaType, String imageIoName) {
            this.mediaType = mediaType;
            this.imageIoName = imageIoName;
        }

        /** The format the first bytes of a file announce, whatever its name says. */
        static Optional<Format> sniff(byte[] head) {
            if (JpegSegments.isJpeg(head)) {
                return Optional.of(JPEG);
            }
            if (head.length >= PNG_MAGIC.length
                    && Arrays.equals(head, 0, PNG_MAGIC.length, PNG_MAGIC, 0, PNG_MAGIC.length)) {
                return Optional.of(PNG);
            }
            return Optional.empty();
        }

        static Optional<Format> ofMediaType(String mediaType) {
            return Arrays.stream(values())
                    .filter(f -> f.mediaType.equalsIgnoreCase(mediaType))
                    .findFirst();
        }
    }

    /** A decoded picture; {@code width} and {@code height} are the file's, even when decoded at a lower resolution. */
    record Decoded(BufferedImage image, int width, int height) {}

    private Photos() {}

    /**
     * Decodes {@code bytes}. Pictures more than twice {@code targetSide} are decoded subsampled, so a huge (or
     * forged) pixel size cannot exhaust memory, while at least twice the target stays for smooth scaling.
     *
     * @throws IOException when the bytes are not a readable picture of {@code format}
     */
    static Decoded decode(byte[] bytes, Format format, int targetSide) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new IOException("empty picture");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int factor = Math.max(1, Math.max(width, height) / (2 * targetSide));
            if (factor > 1) {
                param.setSourceSubsampling(factor, factor, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new IOException("no picture in the file");
            }
            return new Decoded(image, width, height);
        } catch (RuntimeException e) {
            // ImageIO's decoders answer some damaged files with runtime exceptions
            throw new IOException("cannot decode " + format + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }

    /** Width and height so that the longer side is at most {@code side}, proportions kept; never enlarged. */
    static int[] fit(int width, int height, int side) {
        int longest = Math.max(width, height);
        if (longest <= side) {
            return new int[] {width, height};
        }
        double scale = (double) side / longest;
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /**
     * Scales by halving with bilinear steps and one last bicubic step: a single bicubic step from far above the
     * target skips most source pixels and looks grainy.
     */
    static BufferedImage resize(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            boolean last = w == width && h == height;
            current = draw(
                    current,
                    w,
                    h,
                    alpha,
                    last ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        } while (w != width || h != height);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha, Object hint) {
        BufferedImage target =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (alpha) {
                g.setComposite(AlphaComposite.Src);
            } else {
                g.setColor(Color.WHITE); // transparent PNG pixels become white in a JPEG thumbnail
                g.fillRect(0, 0, width, height);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** A JPEG thumbnail whose longer side is at most {@code side}, turned upright by the EXIF orientation. */
    static byte[] thumbnail(BufferedImage image, int side, int orientation) {
        int[] size = fit(image.getWidth(), image.getHeight(), side);
        BufferedImage small = size[0] == image.getWidth() && size[1] == image.getHeight()
                ? draw(image, size[0], size[1], false, RenderingHints.VALUE_INTERPOLATION_BICUBIC)
                : resize(image, size[0], size[1], false);
        return encode(upright(small, orientation), Format.JPEG);
    }

    /** Applies EXIF orientation 2–8; the mapping is an exact pixel permutation, so no interpolation happens. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // needs a quarter turn clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: needs a quarter turn anticlockwise
        };
        boolean swap = orientation >= 5;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** Encodes in {@code format}; JPEG at {@link #JPEG_QUALITY}. JPEG needs an image without alpha. */
    static byte[] encode(BufferedImage image, Format format) {
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(format.imageIoName).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            // only memory is written here; failing means a broken JDK, not something the user can fix
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** What {@link #prepare} makes of an added photo. */
    record Prepared(
            byte[] stored,
            int width,
            int height,
            int originalWidth,
            int originalHeight,
            boolean scaled,
            boolean exifKept,
            ExifTags exif,
            byte[] thumbnail) {}

    /**
     * The bytes to store for a photo and its thumbnail. A photo within {@code maxSide} is stored exactly as
     * given; a larger one is scaled down in its own format, a JPEG keeping the original's EXIF segments byte for
     * byte (ImageIO would drop them).
     *
     * @throws IOException when the bytes are not a readable picture of {@code format}
     */
    static Prepared prepare(byte[] original, Format format, int maxSide, int thumbSide) throws IOException {
        Decoded decoded = decode(original, format, maxSide);
        List<byte[]> exif = format == Format.JPEG ? JpegSegments.exifSegments(original) : List.of();
        ExifTags tags = ExifTags.of(exif);
        int[] size = fit(decoded.width(), decoded.height(), maxSide);
        boolean scaled = size[0] != decoded.width() || size[1] != decoded.height();
        BufferedImage picture = decoded.image();
        byte[] stored = original;
        if (scaled) {
            picture = resize(
                    picture,
                    size[0],
                    size[1],
                    format == Format.PNG && picture.getColorModel().hasAlpha());
            stored = format == Format.JPEG
                    ? JpegSegments.withSegmentsAfterSoi(encode(picture, Format.JPEG), exif)
                    : encode(picture, Format.PNG);
        }
        return new Prepared(
                stored,
                size[0],
                size[1],
                decoded.width(),
                decoded.height(),
                scaled,
                !exif.isEmpty(),
                tags,
                thumbnail(picture, thumbSide, tags.orientation()));
    }
}
