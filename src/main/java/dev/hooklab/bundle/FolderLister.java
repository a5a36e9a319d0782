package dev.hooklab.bundle;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import static dev.hooklab.bundle.BundleFinding.Kind.SPECIAL;

/**
 * Lists a folder revision without following links: names sorted per folder, POSIX modes where the
 * file system has them, symbolic-link targets as written.
 */
final class FolderLister {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** A folder still to list and its revision-relative name with a trailing '/' ("" for the root). */
    private record Pending(Path dir, String prefix) {
    }

    FolderBodies list(Path root, Listing listing) throws IOException {
        FolderBodies bodies = new FolderBodies(root);
        boolean unixView = root.getFileSystem().supportedFileAttributeViews().contains("unix");
        boolean posixView = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        Deque<Pending> todo = new ArrayDeque<>();
        todo.push(new Pending(root, ""));
        while (!todo.isEmpty()) {
            Pending current = todo.pop();
            List<Pending> subfolders = new ArrayList<>();
            for (Path child : sortedChildren(current.dir())) {
                String name = current.prefix() + child.getFileName().toString();
                BasicFileAttributes attrs = Files.readAttributes(child, BasicFileAttributes.class, NO_FOLLOW);
                Integer mode = mode(child, unixView, posixView);
                if (attrs.isDirectory()) {
                    listing.add(name + "/", EntryType.DIRECTORY, 0, mode, null);
                    subfolders.add(new Pending(child, name + "/"));
                } else if (attrs.isSymbolicLink()) {
                    String target = Files.readSymbolicLink(child).toString().replace(child.getFileSystem().getSeparator(), "/");
                    listing.add(name, EntryType.SYMLINK, 0, mode, target);
                } else if (attrs.isRegularFile()) {
                    String path = listing.add(name, EntryType.FILE, attrs.size(), mode, null);
                    bodies.file(path);
                } else {
                    listing.add(name, EntryType.OTHER, 0, mode, null);
                    listing.report(SPECIAL, name, "not a regular file, folder or symlink (a fifo, socket or device)");
                }
            }
            for (int i = subfolders.size() - 1; i >= 0; i--) {
                todo.push(subfolders.get(i));
            }
        }
        return bodies;
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children;
    }

    private static Integer mode(Path p, boolean unixView, boolean posixView) throws IOException {
        if (unixView) {
            return ((Integer) Files.getAttribute(p, "unix:mode", NO_FOLLOW)) & 07777;
        }
        if (!posixView) {
            return null;
        }
        Set<PosixFilePermission> perms = Files.readAttributes(p, PosixFileAttributes.class, NO_FOLLOW).permissions();
        int mode = 0;
        for (PosixFilePermission perm : perms) {
            mode |= 0400 >> perm.ordinal();
        }
        return mode;
    }
}
