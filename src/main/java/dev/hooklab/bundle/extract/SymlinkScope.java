package dev.hooklab.bundle.extract;

import dev.hooklab.bundle.ArchivePath;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Whether a symbolic link, once created, leads somewhere inside the revision. Targets are resolved the
 * way the file system will resolve them, through the other links of the bundle ({@code a -> d/l/..}
 * where {@code d/l -> ..} leaves the revision although it reads as if it stayed), not lexically.
 * Paths are bundle paths; the revision is the folder {@code root} ("" for the archive root, the top
 * folder when the agent strips it).
 */
final class SymlinkScope {
    private static final int MAX_HOPS = 40;

    private final Map<String, String> targets;
    private final int rootDepth;

    /**
     * @param targets the link target of every symbolic link that extraction leaves, by bundle path
     * @param root    the bundle path of the revision root, "" or the stripped top folder
     */
    SymlinkScope(Map<String, String> targets, String root) {
        this.targets = Map.copyOf(targets);
        this.rootDepth = segments(root).size();
    }

    /** Whether a link at {@code linkPath} pointing to {@code target} resolves inside the revision. */
    boolean staysInside(String linkPath, String target) {
        if (target == null || target.isEmpty() || target.startsWith("/")) {
            return false;
        }
        List<String> done = new ArrayList<>(segments(ArchivePath.parent(linkPath)));
        Deque<String> todo = new ArrayDeque<>(segments(target));
        int hops = 0;
        while (!todo.isEmpty()) {
            String segment = todo.pollFirst();
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (done.size() <= rootDepth) {
                    return false;
                }
                done.remove(done.size() - 1);
                continue;
            }
            done.add(segment);
            String next = targets.get(String.join("/", done));
            if (next != null) {
                if (++hops > MAX_HOPS || next.isEmpty() || next.startsWith("/")) {
                    return false;
                }
                done.remove(done.size() - 1);
                List<String> nextSegments = segments(next);
                for (int i = nextSegments.size() - 1; i >= 0; i--) {
                    todo.addFirst(nextSegments.get(i));
                }
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
