package org.taizhang.core.attachment;

/**
 * One stored photo or document. {@code id} is the SHA-256 (lower-case hex) of the stored bytes; the
 * {@code original…} fields describe the file as it was added, before any scaling. Width and height are the
 * pixel size as encoded (EXIF orientation not applied) and null for documents. {@code originalMetadata} is a
 * small JSON object (file name, size, hash, pixel size, whether EXIF was kept, its DateTimeOriginal, …).
 */
public record Attachment(
        String id,
        String mediaType,
        String fileName,
        long byteSize,
        Integer width,
        Integer height,
        String originalSha256,
        long originalByteSize,
        Integer originalWidth,
        Integer originalHeight,
        String originalMetadata) {

    public boolean isImage() {
        return width != null;
    }
}
