package org.taizhang.core.attachment;

import static org.taizhang.core.store.schema.Tables.ATTACHMENT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;
import org.taizhang.core.attachment.Photos.Format;
import org.taizhang.core.files.FileNames;
import org.taizhang.core.files.IoReasons;
import org.taizhang.core.files.SafeFiles;
import org.taizhang.core.store.Store;
import org.taizhang.core.store.schema.tables.records.AttachmentRecord;

/**
 * Photos and documents in the data folder, addressed by the SHA-256 of the stored bytes: the file lives at
 * {@code attachments/ab/abcdef…} (no extension), its JPEG thumbnail at {@code attachments/thumbs/ab/abcdef….jpg},
 * and its row in the {@code attachment} table. Because a file's name is its content's hash, the same photo added
 * twice, or on two devices, is one file and one record.
 */
public final class AttachmentStore {
    public static final int DEFAULT_MAX_SIDE = 2000;
    public static final int DEFAULT_THUMB_SIDE = 240;

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD = 16;
    /**
     * The generated size columns are Integer and jOOQ silently wraps larger values, so bigger files are refused
     * rather than recorded with a wrong size; no ledger photo or document comes near it.
     */
    static final long MAX_BYTES = Integer.MAX_VALUE;
    // read as long all the same, so a wider column type later needs no change here
    private static final Field<Long> BYTE_SIZE = ATTACHMENT.BYTE_SIZE;
    private static final Field<Long> ORIGINAL_BYTE_SIZE = ATTACHMENT.ORIGINAL_BYTE_SIZE;

    private final Store store;
    private final Path folder;
    private final int maxSide;
    private final int thumbSide;

    public AttachmentStore(Store store) {
        this(store, DEFAULT_MAX_SIDE, DEFAULT_THUMB_SIDE);
    }

    /**
     * @param maxSide photos whose longer side exceeds this many pixels are scaled down to it
     * @param thumbSide the longer side of thumbnails, in pixels
     */
    public AttachmentStore(Store store, int maxSide, int thumbSide) {
        if (maxSide < 1 || thumbSide < 1) {
            throw new IllegalArgumentException("sides must be positive: " + maxSide + ", " + thumbSide);
        }
        this.store = store;
        this.folder = store.dataFolder().resolve("attachments");
        this.maxSide = maxSide;
        this.thumbSide = thumbSide;
    }

    /**
     * Stores {@code file} and returns its record. A file added before (same bytes, whatever its name) returns the
     * existing record and writes nothing.
     *
     * @throws DomainException {@code attachment.error.notFound}, {@code attachment.error.unreadable} (cannot be
     *     read, or claims to be a JPEG or PNG and is not one), {@code attachment.error.tooLarge} (over 2 GiB) or
     *     {@code attachment.error.writeFailed}
     */
    public Attachment add(Path file) {
        Path source = file.toAbsolutePath();
        if (!Files.isRegularFile(source)) {
            throw new DomainException("attachment.error.notFound", source);
        }
        if (sizeOf(source) > MAX_BYTES) {
            throw new DomainException("attachment.error.tooLarge", source);
        }
        byte[] head = readHead(source);
        Optional<Format> format = Format.sniff(head);
        return format.isPresent() ? addPhoto(source, format.get()) : addDocument(source, head);
    }

    private Attachment addPhoto(Path source, Format format) {
        byte[] original;
        try {
            original = Files.readAllBytes(source);
        } catch (IOException e) {
            throw notReadable(source, e);
        }
        String originalSha = hex(sha256().digest(original));
        Optional<Attachment> known = findByOriginal(originalSha);
        if (known.isPresent()) {
            return known.get();
        }
        Photos.Prepared photo;
        try {
            photo = Photos.prepare(original, format, maxSide, thumbSide);
        } catch (IOException e) {
            throw notReadable(source, e);
        }
        String id = hex(sha256().digest(photo.stored()));
        writeUnlessPresent(source, id, out -> out.write(photo.stored()));
        Path thumb = thumbnailPath(id);
        if (!Files.isRegularFile(thumb)) {
            write(source, thumb, out -> out.write(photo.thumbnail()));
        }
        OriginalMetadata metadata = new OriginalMetadata(
                fileName(source),
                original.length,
                originalSha,
                format.mediaType,
                lastModified(source),
                photo.originalWidth(),
                photo.originalHeight(),
                photo.exifKept(),
                photo.exifKept() ? photo.exif().orientation() : null,
                photo.exif().dateTimeOriginal(),
                photo.scaled());
        LOG.info(
                "photo {} stored as {} ({} → {} bytes{})",
                source,
                id,
                original.length,
                photo.stored().length,
                photo.scaled() ? ", scaled to " + photo.width() + "×" + photo.height() : "");
        return save(new Attachment(
                id,
                format.mediaType,
                fileName(source),
                photo.stored().length,
                photo.width(),
                photo.height(),
                originalSha,
                original.length,
                photo.originalWidth(),
                photo.originalHeight(),
                metadata.toJson()));
    }

    private Attachment addDocument(Path source, byte[] head) {
        String mediaType = documentType(source, head);
        Hashed original;
        try {
            original = hash(source);
        } catch (IOException e) {
            throw notReadable(source, e);
        }
        String id = original.sha256();
        Optional<Attachment> known = findByOriginal(id);
        if (known.isPresent()) {
            return known.get();
        }
        // streamed, not read into memory: documents may be large; the copy is hashed again so that a file
        // changed between the two reads is refused instead of stored under a wrong name
        writeUnlessPresent(source, id, out -> {
            MessageDigest digest = sha256();
            try (InputStream in = Files.newInputStream(source)) {
                in.transferTo(new DigestOutputStream(out, digest));
            }
            if (!hex(digest.digest()).equals(id)) {
                throw new IOException("the file changed while it was being stored");
            }
        });
        OriginalMetadata metadata = new OriginalMetadata(
                fileName(source),
                original.size(),
                id,
                mediaType,
                lastModified(source),
                null,
                null,
                false,
                null,
                null,
                false);
        LOG.info("document {} stored as {} ({} bytes)", source, id, original.size());
        return save(new Attachment(
                id,
                mediaType,
                fileName(source),
                original.size(),
                null,
                null,
                id,
                original.size(),
                null,
                null,
                metadata.toJson()));
    }

    /**
     * The media type of a file that is not a JPEG or PNG by content. A file named like a photo that is not one
     * is refused: it is most likely a damaged photo, and storing it would only show up later as a broken picture.
     */
    private static String documentType(Path source, byte[] head) {
        if (startsWith(head, PDF_MAGIC)) {
            return "application/pdf";
        }
        String probed;
        try {
            probed = Files.probeContentType(source);
        } catch (IOException e) {
            probed = null;
        }
        if (probed != null && Format.ofMediaType(probed).isPresent()) {
            throw new DomainException("attachment.error.unreadable", source);
        }
        return probed == null || probed.isBlank() ? OCTET_STREAM : probed;
    }

    /**
     * Writes the row. The files are already on disk: should this fail, they stay behind unreferenced, which is
     * harmless because a file's name is its content's hash, so adding the file again simply reuses them.
     */
    private Attachment save(Attachment a) {
        store.write(ctx -> {
            Integer deleted = ctx.select(ATTACHMENT.DELETED)
                    .from(ATTACHMENT)
                    .where(ATTACHMENT.ID.eq(a.id()))
                    .fetchOne(ATTACHMENT.DELETED);
            // stored bytes already known from another original: the first record keeps its provenance
            if (deleted == null) {
                store.tracked(ctx).save(record(a));
            } else if (deleted != 0) {
                store.tracked(ctx).restore(ATTACHMENT, a.id()); // added again: explicitly back, as it was
            }
            return null;
        });
        return find(a.id()).orElseThrow();
    }

    private static AttachmentRecord record(Attachment a) {
        AttachmentRecord r = ATTACHMENT.newRecord();
        r.setId(a.id());
        r.setMediaType(a.mediaType());
        r.setFileName(a.fileName());
        r.setByteSize(a.byteSize());
        r.setWidth(a.width());
        r.setHeight(a.height());
        r.setOriginalSha256(a.originalSha256());
        r.setOriginalByteSize(a.originalByteSize());
        r.setOriginalWidth(a.originalWidth());
        r.setOriginalHeight(a.originalHeight());
        r.setOriginalMetadata(a.originalMetadata());
        return r;
    }

    /** The record of a stored attachment; empty when unknown or deleted. */
    public Optional<Attachment> find(String id) {
        checkId(id);
        return store.read()
                .select(
                        ATTACHMENT.ID,
                        ATTACHMENT.MEDIA_TYPE,
                        ATTACHMENT.FILE_NAME,
                        BYTE_SIZE,
                        ATTACHMENT.WIDTH,
                        ATTACHMENT.HEIGHT,
                        ATTACHMENT.ORIGINAL_SHA256,
                        ORIGINAL_BYTE_SIZE,
                        ATTACHMENT.ORIGINAL_WIDTH,
                        ATTACHMENT.ORIGINAL_HEIGHT,
                        ATTACHMENT.ORIGINAL_METADATA)
                .from(ATTACHMENT)
                .where(ATTACHMENT.ID.eq(id))
                .and(ATTACHMENT.DELETED.eq(0))
                .fetchOptional(AttachmentStore::toAttachment);
    }

    private static Attachment toAttachment(Record r) {
        return new Attachment(
                r.get(ATTACHMENT.ID),
                r.get(ATTACHMENT.MEDIA_TYPE),
                r.get(ATTACHMENT.FILE_NAME),
                r.get(BYTE_SIZE),
                r.get(ATTACHMENT.WIDTH),
                r.get(ATTACHMENT.HEIGHT),
                r.get(ATTACHMENT.ORIGINAL_SHA256),
                r.get(ORIGINAL_BYTE_SIZE),
                r.get(ATTACHMENT.ORIGINAL_WIDTH),
                r.get(ATTACHMENT.ORIGINAL_HEIGHT),
                r.get(ATTACHMENT.ORIGINAL_METADATA));
    }

    /** An earlier record of the same original whose stored file is still intact. */
    private Optional<Attachment> findByOriginal(String originalSha) {
        List<String> ids = store.read()
                .select(ATTACHMENT.ID)
                .from(ATTACHMENT)
                .where(ATTACHMENT.ORIGINAL_SHA256.eq(originalSha))
                .and(ATTACHMENT.DELETED.eq(0))
                .orderBy(ATTACHMENT.CREATED_AT)
                .fetch(ATTACHMENT.ID);
        for (String id : ids) {
            if (ID.matcher(id).matches() && verify(id)) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** Where the stored bytes of {@code id} live (whether or not the file is there). */
    public Path file(String id) {
        checkId(id);
        return folder.resolve(id.substring(0, 2)).resolve(id);
    }

    /**
     * The stored file copied to the temp folder under the name it was added with, extension included, for opening
     * it in its program: a stored file has no extension, and Windows then asks which program should open it. One
     * folder per attachment, so two photos both named IMG_0001.JPG stay apart; a copy already there with the right
     * bytes is used as it is (the viewer may still hold it open, and Windows would refuse to replace it).
     *
     * @throws DomainException {@code attachment.error.openFailed}
     */
    public Path copyToOpen(Attachment a) {
        Path stored = file(a.id());
        Path folder = openFolder().resolve(a.id().substring(0, 16));
        Path copy = folder.resolve(openName(a));
        if (intact(copy, a.id())) {
            return copy;
        }
        try {
            SafeFiles.writeOwnerOnly(copy, out -> Files.copy(stored, out));
        } catch (DomainException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DomainException(
                    e,
                    "attachment.error.openFailed",
                    a.fileName(),
                    folder,
                    cause instanceof IOException io ? IoReasons.of(io) : String.valueOf(cause.getMessage()));
        }
        return copy;
    }

    /** Per user: on a shared Linux machine another user's folder of that name could not be written. */
    private static Path openFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"))
                .resolve(FileNames.safe("taizhang-open-" + System.getProperty("user.name")));
    }

    /** The name it was added with (made legal here: it may come from another system), given an extension if none. */
    static String openName(Attachment a) {
        String name = FileNames.safe(a.fileName());
        String extension = switch (a.mediaType()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
        boolean hasExtension = name.lastIndexOf('.') > 0;
        return hasExtension || extension.isEmpty() ? name : FileNames.safe(name + extension);
    }

    private static boolean intact(Path copy, String id) {
        try {
            return Files.isRegularFile(copy) && hash(copy).sha256().equals(id);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The JPEG thumbnail of a stored photo; empty for documents and for missing or unreadable files. A missing
     * thumbnail is made again from the stored photo: it is derived data, and files from another device may
     * arrive without one.
     */
    public Optional<Path> thumbnail(String id) {
        Path thumb = thumbnailPath(id);
        if (Files.isRegularFile(thumb)) {
            return Optional.of(thumb);
        }
        Path stored = file(id);
        try {
            Optional<Format> format = Format.sniff(head(stored));
            if (format.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(stored);
            Photos.Decoded decoded = Photos.decode(bytes, format.get(), maxSide);
            int orientation = ExifTags.of(JpegSegments.exifSegments(bytes)).orientation();
            byte[] jpeg = Photos.thumbnail(decoded.image(), thumbSide, orientation);
            SafeFiles.writeOwnerOnly(thumb, out -> out.write(jpeg));
            return Optional.of(thumb);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | DomainException e) {
            LOG.warn("no thumbnail for attachment {}: {}", id, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Bytes that arrived in a package, stored under their SHA-256 before the records that name them commit; a file
     * already there intact is kept (content-addressed files are never overwritten).
     *
     * @throws DomainException {@code attachment.error.received} when the bytes do not hash to {@code id}
     */
    public void storeReceived(String id, byte[] bytes) {
        checkId(id);
        String sha;
        try {
            sha = java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!sha.equals(id)) {
            throw new DomainException("attachment.error.received", id);
        }
        if (verify(id)) {
            return;
        }
        org.taizhang.core.files.SafeFiles.writeOwnerOnly(file(id), out -> out.write(bytes));
    }

    /**
     * {@link #storeReceived(String, byte[])} for a file received in a package and staged on disk: streamed, never
     * read whole; checked against {@code id} before it is stored.
     */
    public void storeReceived(String id, Path staged) {
        checkId(id);
        try {
            if (!hash(staged).sha256().equals(id)) {
                throw new DomainException("attachment.error.received", id);
            }
        } catch (IOException e) {
            throw new DomainException(e, "attachment.error.received", id);
        }
        if (verify(id)) {
            return;
        }
        org.taizhang.core.files.SafeFiles.writeOwnerOnly(file(id), out -> Files.copy(staged, out));
    }

    /** True when the stored file of {@code id} is there and its bytes still hash to {@code id}. */
    public boolean verify(String id) {
        try {
            return hash(file(id)).sha256().equals(id);
        } catch (IOException e) {
            return false;
        }
    }

    private Path thumbnailPath(String id) {
        checkId(id);
        return folder.resolve("thumbs").resolve(id.substring(0, 2)).resolve(id + ".jpg");
    }

    /** Ids may come from an imported package: anything but 64 hex digits could point outside the folder. */
    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an attachment id: " + id);
        }
    }

    /** Writes a content-addressed file unless an intact copy is already there (then nothing is written). */
    private void writeUnlessPresent(Path source, String id, SafeFiles.Writer writer) {
        if (!verify(id)) {
            write(source, file(id), writer);
        }
    }

    private void write(Path source, Path target, SafeFiles.Writer writer) {
        try {
            SafeFiles.writeOwnerOnly(target, writer);
        } catch (DomainException e) {
            // the cause's own message names SafeFiles' temp file; the reason says why
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DomainException(
                    e,
                    "attachment.error.writeFailed",
                    source,
                    folder,
                    cause instanceof IOException io ? IoReasons.of(io) : String.valueOf(cause.getMessage()));
        }
    }

    private static byte[] readHead(Path source) {
        try {
            return head(source);
        } catch (NoSuchFileException e) {
            throw new DomainException(e, "attachment.error.notFound", source);
        } catch (IOException e) {
            throw notReadable(source, e);
        }
    }

    private static long sizeOf(Path source) {
        try {
            return Files.size(source);
        } catch (IOException e) {
            throw notReadable(source, e);
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static DomainException notReadable(Path source, Exception cause) {
        if (cause instanceof NoSuchFileException) {
            return new DomainException(cause, "attachment.error.notFound", source);
        }
        return new DomainException(cause, "attachment.error.unreadable", source);
    }

    private record Hashed(String sha256, long size) {}

    private static Hashed hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new Hashed(hex(digest.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String fileName(Path source) {
        return String.valueOf(source.getFileName());
    }

    private static String lastModified(Path source) {
        try {
            return Files.getLastModifiedTime(source).toInstant().toString();
        } catch (IOException e) {
            return null;
        }
    }
}
