package org.taizhang.core.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.taizhang.core.i18n.Text;

/**
 * Why a file operation failed, as the argument of a message. A {@link FileSystemException}'s message is just the
 * path (often a temp file the user never chose), so the reason is its {@code getReason()} (the system's own
 * words, e.g. "Read-only file system"), a localized text for the usual reasonless ones, or as a last resort
 * the exception's simple class name.
 */
public final class IoReasons {
    private IoReasons() {}

    /** A {@link String} or a {@link Text}; either one formats as a message argument. */
    public static Object of(IOException e) {
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null && !fse.getReason().isBlank()) {
                return fse.getReason();
            }
            return switch (fse) {
                case AccessDeniedException _ -> new Text("file.reason.accessDenied");
                case NoSuchFileException _ -> new Text("file.reason.noSuchFile");
                case FileAlreadyExistsException _ -> new Text("file.reason.notAFolder", fse.getFile());
                case NotDirectoryException _ -> new Text("file.reason.notAFolder", fse.getFile());
                default -> fse.getClass().getSimpleName();
            };
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : e.getClass().getSimpleName();
    }
}
