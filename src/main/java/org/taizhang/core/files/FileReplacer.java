package org.taizhang.core.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.core.DomainException;

/**
 * Moves a finished temp file over its target. On Windows a target that another program holds open (Excel and WPS
 * keep a workbook open; OneDrive and virus scanners hold a file for a moment after it changed) cannot be replaced:
 * the move fails with "access denied" or "used by another process". A scanner lets go within a second, so the move
 * is tried a few times; a file still held after that is open in a program the clerk must close ({@code file.inUse}).
 */
public final class FileReplacer {
    private static final Logger LOG = LoggerFactory.getLogger(FileReplacer.class);

    /** The move itself; tests give one that fails. */
    @FunctionalInterface
    public interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    /** Waiting between tries; tests give one that only counts. */
    @FunctionalInterface
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    /** Tries; the waits between them grow by {@link #STEP_MILLIS}: 0.1 + 0.2 + 0.3 + 0.4 s, one second in all. */
    static final int TRIES = 5;

    static final long STEP_MILLIS = 100;

    private static final FileReplacer SYSTEM = new FileReplacer(FileReplacer::atomicMove, Thread::sleep);

    private final Mover mover;
    private final Pause pause;

    public FileReplacer(Mover mover, Pause pause) {
        this.mover = mover;
        this.pause = pause;
    }

    /** The file system's move, retried. */
    public static FileReplacer system() {
        return SYSTEM;
    }

    /**
     * Moves {@code temp} over {@code target}. A target held by another program after every try gives
     * {@code file.inUse} naming it; any other failure is the move's own {@link IOException}.
     */
    public void replace(Path temp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                mover.move(temp, target);
                return;
            } catch (IOException e) {
                if (!heldByAnotherProgram(e)) {
                    throw e;
                }
                if (attempt == TRIES) {
                    LOG.warn("{} still held after {} tries: {}", target, TRIES, e.toString());
                    throw new DomainException(e, "file.inUse", target);
                }
                try {
                    pause.pause(STEP_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DomainException(e, "file.inUse", target);
                }
            }
        }
    }

    /**
     * Windows' sharing and lock violations come as a plain {@link FileSystemException} (the system's words as its
     * reason), a file opened without delete sharing as {@link AccessDeniedException}. A read-only file system is
     * no program holding the file, and waiting would not change it.
     */
    static boolean heldByAnotherProgram(IOException e) {
        if (e instanceof AccessDeniedException) {
            return true;
        }
        return e.getClass() == FileSystemException.class
                && !String.valueOf(((FileSystemException) e).getReason()).contains("Read-only");
    }

    private static void atomicMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
