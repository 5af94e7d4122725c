package org.hybridta.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * File errors in the words of a one-line message: {@code out/indicators.csv: no space left on device},
 * {@code /proc/x: no such file or directory}. The file named is the one the user asked for, never a hidden
 * temporary or probe file.
 */
public final class IoErrors {
    private IoErrors() {}

    /** {@code FILE: reason} when the exception names a file, else the reason alone. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
            return fs.getFile() + other + ": " + reason(e);
        }
        return reason(e);
    }

    /** Why a file operation failed, without the file's name: {@code no such file or directory}, {@code permission denied}, …. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof FileAlreadyExistsException) return "exists already";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return lowerFirst(fs.getReason());
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : lowerFirst(msg.strip());
    }

    /**
     * The same failure said about {@code file}: an operation on a hidden temporary or probe file failed, and the
     * message must name what the user asked for. Keeps the kind ({@link NoSuchFileException},
     * {@link AccessDeniedException}) and the cause.
     */
    public static FileSystemException about(Path file, IOException e) {
        return about(file.toString(), e);
    }

    /** {@link #about(Path, IOException)} for something that is not a path, such as {@code standard output}. */
    public static FileSystemException about(String name, IOException e) {
        FileSystemException out;
        if (e instanceof NoSuchFileException) out = new NoSuchFileException(name, null, reason(e));
        else if (e instanceof AccessDeniedException) out = new AccessDeniedException(name, null, reason(e));
        else out = new FileSystemException(name, null, reason(e));
        out.initCause(e);
        return out;
    }

    /** "No space left on device" → "no space left on device"; an acronym ("EOF …", "I/O …") keeps its case. */
    private static String lowerFirst(String s) {
        if (s.isEmpty() || !Character.isUpperCase(s.charAt(0))) return s;
        if (s.length() > 1 && !Character.isLowerCase(s.charAt(1)) && Character.isLetter(s.charAt(1))) return s;
        if (s.length() > 1 && s.charAt(1) == '/') return s;
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
