package dev.hooklab.ui.tree;

import dev.hooklab.bundle.BundleEntry;

import java.util.List;

/**
 * One row of the bundle tree.
 *
 * @param name        the name shown (the last path segment; for the root, what the root stands for)
 * @param path        the deployment-archive path ("" for the root)
 * @param entry       the bundle entry stored there, or null (implicit folder, ghost, root)
 * @param kind        what the row is
 * @param hookEvents  the lifecycle events that run this path as a hook script (empty when none)
 * @param filesTarget for a {@code files} source, where the Install step copies it; else null
 */
public record TreeNode(String name, String path, BundleEntry entry, Kind kind, List<String> hookEvents,
                       String filesTarget) {

    /** The kinds of rows. */
    public enum Kind {
        /** deployment-archive itself. */
        ROOT,
        FOLDER,
        FILE,
        LINK,
        /** A path a hook refers to that the revision does not have. */
        GHOST,
        /** A folder made up only to hold a ghost. */
        GHOST_FOLDER
    }

    public TreeNode {
        hookEvents = List.copyOf(hookEvents);
    }

    public boolean isFolder() {
        return kind == Kind.ROOT || kind == Kind.FOLDER || kind == Kind.GHOST_FOLDER;
    }

    public boolean isGhost() {
        return kind == Kind.GHOST || kind == Kind.GHOST_FOLDER;
    }

    /** The size in bytes as shown ("" for folders, links and ghosts). */
    public String sizeText() {
        if (entry == null || !entry.isFile()) {
            return "";
        }
        long s = entry.size();
        if (s < 1024) {
            return s + " B";
        }
        if (s < 1024 * 1024) {
            return String.format("%.1f KiB", s / 1024.0);
        }
        return String.format("%.1f MiB", s / (1024.0 * 1024));
    }

    /** The mode as {@code ls -l} prints it ({@code rwxr-xr-x}), "" when the archive stores none. */
    public String modeText() {
        return entry == null || entry.mode() == null ? "" : mode(entry.mode());
    }

    /** The symbolic link's target, "" for anything else. */
    public String targetText() {
        return entry != null && entry.linkTarget() != null ? entry.linkTarget() : "";
    }

    /** Unix permission bits as {@code rwxr-xr-x}, with s/S and t/T for the setuid, setgid and sticky bits. */
    public static String mode(int mode) {
        char[] c = "rwxrwxrwx".toCharArray();
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) == 0) {
                c[i] = '-';
            }
        }
        special(c, 2, (mode & 04000) != 0, 's');
        special(c, 5, (mode & 02000) != 0, 's');
        special(c, 8, (mode & 01000) != 0, 't');
        return new String(c);
    }

    private static void special(char[] c, int at, boolean set, char letter) {
        if (set) {
            c[at] = c[at] == 'x' ? letter : Character.toUpperCase(letter);
        }
    }
}
