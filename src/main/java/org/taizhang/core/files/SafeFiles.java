package org.taizhang.core.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.taizhang.core.DomainException;
import org.taizhang.core.Ids;

/**
 * Writes a file so that a reader never sees half of it: write a temp file beside the target, force it to disk,
 * then move it over the target ({@link FileReplacer}: retried while another program holds the target). A full disk,
 * a pulled USB stick or a target still open in Excel leaves the old file as it was and no temp file.
 */
public final class SafeFiles {
    private SafeFiles() {}

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** For a file the user chose (an export): it follows the umask, so it can be shared like any other. */
    public static void write(Path target, Writer writer) {
        write(target, writer, false);
    }

    /** For the program's own data (attachments): folders and file owner-only ({@link OwnerOnly}). */
    public static void writeOwnerOnly(Path target, Writer writer) {
        write(target, writer, true);
    }

    private static void write(Path target, Writer writer, boolean ownerOnly) {
        write(target, writer, ownerOnly, FileReplacer.system());
    }

    /** With the move given: tests replace a target "held by another program". */
    static void write(Path target, Writer writer, boolean ownerOnly, FileReplacer replacer) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            // a folder given for a file: replacing it would fail as if the file were held open
            throw new org.taizhang.core.DomainException(
                    "file.isFolder", absolute, absolute.getFileSystem().getSeparator());
        }
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Path tempName = dir.resolve("." + absolute.getFileName() + "." + Ids.newId() + ".part");
            if (ownerOnly) {
                OwnerOnly.createDirectories(dir);
                temp = OwnerOnly.createFile(tempName);
            } else {
                Files.createDirectories(dir);
                // not createTempFile: its owner-only mode would stay on the exported file; this one follows the umask
                temp = Files.createFile(tempName);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            // an export over a workbook still open in Excel or WPS: retried briefly, then "close it first"
            replacer.replace(temp, absolute);
            temp = null;
        } catch (IOException e) {
            throw new DomainException(e, "file.writeFailed", absolute, IoReasons.of(e));
        } catch (RuntimeException e) {
            // a library that wraps the stream's IOException (OpenPDF's DocumentException on a full disk): the
            // same message as any failed write, not an internal error
            IOException io = ioCause(e);
            if (io == null || e instanceof DomainException) {
                throw e;
            }
            throw new DomainException(e, "file.writeFailed", absolute, IoReasons.of(io));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the stick may be gone; nothing more can be done about a leftover .part file
                }
            }
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
