package dev.hooklab.run.agent;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The message of the {@code Errno} exception Ruby (MRI) raises when a system call fails:
 * {@code <strerror> @ <C function> - <path>}, e.g. {@code File exists @ dir_s_mkdir - /var/app}. The
 * agent fails the deployment with that message as it is.
 */
final class RubyErrno {
    /** {@code File.open}. */
    static final String OPEN = "rb_sysopen";
    /** {@code Dir.mkdir}. */
    static final String MKDIR = "dir_s_mkdir";
    /** {@code Dir.rmdir}. */
    static final String RMDIR = "dir_s_rmdir";
    /** {@code File.unlink}, {@code File.chmod}, {@code File.chown}, {@code File.utime}. */
    static final String APPLY = "apply2files";
    /** {@code File.stat}. */
    static final String STAT = "rb_file_s_stat";

    private RubyErrno() {
    }

    /** {@code <strerror> @ <function> - <instancePath>}. */
    static String message(IOException e, String function, String instancePath) {
        return strerror(e) + " @ " + function + " - " + instancePath;
    }

    /** {@code File.symlink}'s form: {@code <strerror> @ rb_file_s_symlink - (<target>, <link>)}. */
    static String symlink(IOException e, String target, String link) {
        return strerror(e) + " @ rb_file_s_symlink - (" + target + ", " + link + ")";
    }

    /** The C library's text for the error ({@code strerror}), as Ruby and Java both report it. */
    static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            // Java adds this to ELOOP when it opened without following links
            return fs.getReason().replace(" or unable to access attributes of symbolic link", "");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
