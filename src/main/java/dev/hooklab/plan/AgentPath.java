package dev.hooklab.plan;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths computed the way the agent's Ruby computes them: {@code File.join} then {@code File.expand_path}.
 * A leading '/' in the joined part stays inside the first part; '.' and '..' are resolved lexically
 * ('..' above the root stays at the root), doubled separators collapse, symlinks are not followed.
 * On Windows both separators count and the result uses '/' after the drive, as Ruby prints it.
 */
public final class AgentPath {
    private final boolean windows;

    private AgentPath(boolean windows) {
        this.windows = windows;
    }

    public static final AgentPath POSIX = new AgentPath(false);
    public static final AgentPath WINDOWS = new AgentPath(true);

    /** {@code File.expand_path(File.join(base, part))}: base must be absolute. */
    public String join(String base, String part) {
        return expand(base + "/" + part, "/");
    }

    /**
     * Ruby's {@code File.join(base, part)} on Linux, not expanded: the path the agent checks and executes for a
     * hook script. One separator goes between the two parts (the trailing ones of {@code base} are dropped when
     * {@code part} starts with its own); {@code .}, {@code ..} and doubled separators inside {@code part} stay.
     */
    public static String fileJoin(String base, String part) {
        boolean baseEnds = base.endsWith("/");
        if (part.startsWith("/")) {
            String trimmed = base;
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            return trimmed + part;
        }
        return baseEnds ? base + part : base + "/" + part;
    }

    /**
     * {@code File.expand_path(path)} with a working directory for relative paths (the agent's cwd).
     */
    public String expand(String path, String cwd) {
        String p = windows ? path.replace('\\', '/') : path;
        String drive = "";
        if (windows && p.length() >= 2 && Character.isLetter(p.charAt(0)) && p.charAt(1) == ':') {
            drive = p.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
            p = p.substring(2);
        }
        if (!p.startsWith("/")) {
            String base = windows ? cwd.replace('\\', '/') : cwd;
            if (windows && base.length() >= 2 && base.charAt(1) == ':') {
                drive = drive.isEmpty() ? base.substring(0, 2).toUpperCase(java.util.Locale.ROOT) : drive;
                base = base.substring(2);
            }
            p = base + "/" + p;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(seg);
            }
        }
        return drive + "/" + String.join("/", parts);
    }

    /** Whether {@code path} is {@code dir} or inside it (both expanded). */
    public static boolean isWithin(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
    }

    /** The part of {@code path} below {@code dir} ("" when equal); call only when {@link #isWithin}. */
    public static String relativeTo(String path, String dir) {
        if (path.equals(dir)) {
            return "";
        }
        return path.substring(dir.endsWith("/") ? dir.length() : dir.length() + 1);
    }

    /** Ruby's File.dirname for an expanded path. */
    public static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return slash == 0 ? "/" : ".";
        }
        if (slash == 2 && path.charAt(1) == ':') {
            return path.substring(0, 3);
        }
        return path.substring(0, slash);
    }

    /** Ruby's File.basename (trailing separators ignored). */
    public static String basename(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
