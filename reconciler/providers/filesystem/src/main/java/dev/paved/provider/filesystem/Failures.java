package dev.paved.provider.filesystem;

import dev.paved.provider.ProviderError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Turns an I/O failure into an error value that names the step and the subject, e.g.
 * {@code create local-files/prod/postgres/payments-api-db: permission denied (/srv/paved/prod/postgres)}.
 *
 * <p>Retrying cannot help when permission is denied (EACCES, or EPERM as for an immutable file), the file system
 * is read-only or cannot rename atomically, or a file stands where a directory belongs: those are permanent.
 * Every other I/O failure (a full disk, an I/O error, a file gone mid-way) is retryable.
 */
final class Failures {

    private Failures() {
    }

    static ProviderError of(String step, String subject, IOException e) {
        String where = e instanceof FileSystemException fse && fse.getFile() != null ? " (" + fse.getFile() + ")" : "";
        String reason = reason(e);
        String message = step + " " + subject + ": " + reason + where;
        return permanent(e, reason) ? ProviderError.permanent(message) : ProviderError.retryable(message);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException || hasReason(e, "Operation not permitted")) {
            return "permission denied";
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return "the file system cannot rename atomically";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || hasReason(e, "Not a directory")) {
            return "a file stands where a directory belongs";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason().toLowerCase(Locale.ROOT) : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static boolean permanent(IOException e, String reason) {
        return reason.equals("permission denied") || reason.equals("read-only file system")
                || reason.equals("a file stands where a directory belongs")
                || e instanceof AtomicMoveNotSupportedException;
    }

    /** EPERM and ENOTDIR have no exception class of their own in java.nio; their reason is the C library's text. */
    private static boolean hasReason(IOException e, String reason) {
        return e instanceof FileSystemException fse && reason.equalsIgnoreCase(fse.getReason());
    }
}
