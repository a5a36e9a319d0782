package dev.hooklab.bundle;

/**
 * Path arithmetic on entry names, always with '/' separators. A path here is what
 * {@link BundleEntry#path()} holds: no {@code ./}, no {@code .} segments, no doubled or trailing
 * slash, but a leading '/' and {@code ..} segments are kept so that they can be reported.
 */
public final class ArchivePath {

    private ArchivePath() {
    }

    /**
     * The normalised path of a stored name; "" when nothing is left ({@code ./}, {@code .}, {@code /}),
     * which callers skip.
     */
    public static String normalise(String name) {
        if (alreadyNormal(name)) {
            return name;
        }
        boolean absolute = name.startsWith("/");
        StringBuilder out = new StringBuilder(name.length());
        int start = 0;
        int length = name.length();
        while (start <= length) {
            int slash = name.indexOf('/', start);
            int end = slash < 0 ? length : slash;
            if (end > start && !(end - start == 1 && name.charAt(start) == '.')) {
                if (out.length() > 0 || absolute) {
                    out.append('/');
                }
                out.append(name, start, end);
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** Most stored names need no change; recognising them saves a copy per entry. */
    private static boolean alreadyNormal(String name) {
        return !name.isEmpty() && !name.endsWith("/") && !name.equals(".") && !name.startsWith("./")
                && !name.endsWith("/.") && name.indexOf("//") < 0 && name.indexOf("/./") < 0;
    }

    public static boolean isAbsolute(String path) {
        return path.startsWith("/");
    }

    /** Whether a {@code ..} segment appears anywhere. */
    public static boolean hasDotDot(String path) {
        int at = path.indexOf("..");
        while (at >= 0) {
            boolean startsSegment = at == 0 || path.charAt(at - 1) == '/';
            boolean endsSegment = at + 2 == path.length() || path.charAt(at + 2) == '/';
            if (startsSegment && endsSegment) {
                return true;
            }
            at = path.indexOf("..", at + 1);
        }
        return false;
    }

    /** The directory part ("" for a top-level name, "/" for "/x"). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return "";
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The last segment. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Joins a child onto a directory path ("" is the root). */
    static String child(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    /**
     * Resolves a relative link target against the directory holding the link, lexically. Returns null
     * when the result climbs above the root, "" for the root itself.
     */
    public static String resolveLexically(String dir, String target) {
        StringBuilder out = new StringBuilder(dir);
        for (String seg : target.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.length() == 0) {
                    return null;
                }
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
            } else {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(seg);
            }
        }
        return out.toString();
    }
}
