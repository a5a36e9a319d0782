package dev.hooklab.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a drop (or a file chosen in a dialog) means, decided from the files alone: open a revision, replace the
 * open revision's AppSpec, set the previous revision, or refuse with the reason in one line. A bundle is known by
 * its first bytes (zip, gzip, tar), whatever its name, as the agent knows it; a file that looks like an archive
 * but is damaged is still opened, so that the reader gives the same message the command line gives.
 */
public sealed interface DropDecision {

    /** Where the files were dropped. */
    enum Slot { WINDOW, PREVIOUS_REVISION }

    /** Open this bundle, folder or lone AppSpec as the revision. */
    record Open(Path path) implements DropDecision {
    }

    /** Judge the open revision with this AppSpec instead of its own. */
    record ReplaceAppSpec(Path file) implements DropDecision {
    }

    /** Keep this bundle or folder as the last successful revision (for the run). */
    record Previous(Path path) implements DropDecision {
    }

    /** Nothing to do, and why. */
    record Refused(String reason) implements DropDecision {
    }

    static DropDecision of(List<Path> files, Slot slot, boolean revisionOpen) {
        if (files == null || files.isEmpty()) {
            return new Refused("Nothing to open in this drop: drop one bundle (zip, tar, tgz), folder or appspec.yml.");
        }
        if (files.size() > 1) {
            String names = files.stream().limit(3).map(DropDecision::name).collect(Collectors.joining(", "));
            return new Refused(files.size() + " files were dropped (" + names + (files.size() > 3 ? ", …" : "")
                    + "): drop one bundle, folder or appspec.yml at a time.");
        }
        Path f = files.get(0);
        if (!Files.exists(f)) {
            return new Refused(f + ": no such file or folder.");
        }
        if (Files.isDirectory(f)) {
            return slot == Slot.PREVIOUS_REVISION ? new Previous(f) : new Open(f);
        }
        if (!Files.isRegularFile(f)) {
            return new Refused(f + ": not a regular file (a fifo, socket or device), so neither a bundle nor an AppSpec.");
        }
        if (isYamlName(f)) {
            if (slot == Slot.PREVIOUS_REVISION) {
                return new Refused(name(f) + " is an AppSpec; the previous revision is a bundle or a folder.");
            }
            if (!Files.isReadable(f)) {
                return new Refused(f + ": cannot be read (permission denied).");
            }
            return revisionOpen ? new ReplaceAppSpec(f) : new Open(f);
        }
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(f)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return new Refused(f + ": cannot be read (" + e.getMessage() + ").");
        }
        if (n == 0) {
            return new Refused(f + ": empty file (0 bytes), neither a bundle nor an AppSpec.");
        }
        if (!looksLikeArchive(head, n)) {
            return new Refused(name(f) + " is neither a bundle (zip, tar, tgz) nor an AppSpec (.yml): it starts with "
                    + preview(head, n) + ".");
        }
        return slot == Slot.PREVIOUS_REVISION ? new Previous(f) : new Open(f);
    }

    private static boolean looksLikeArchive(byte[] h, int n) {
        boolean zip = n >= 4 && h[0] == 'P' && h[1] == 'K' && (h[2] == 3 || h[2] == 5 || h[2] == 7);
        boolean gzip = n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
        boolean tar = n >= 262 && new String(h, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
        return zip || gzip || tar;
    }

    private static String preview(byte[] h, int n) {
        int len = Math.min(n, 16);
        boolean text = true;
        for (int i = 0; i < len; i++) {
            int c = h[i] & 0xff;
            text &= c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t';
        }
        if (text) {
            return "\"" + new String(h, 0, len, StandardCharsets.US_ASCII).replaceAll("\\s+", " ").strip() + "\"";
        }
        StringBuilder b = new StringBuilder("bytes");
        for (int i = 0; i < Math.min(len, 8); i++) {
            b.append(String.format(" %02x", h[i] & 0xff));
        }
        return b.toString();
    }

    private static boolean isYamlName(Path p) {
        String n = name(p).toLowerCase(Locale.ROOT);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
