package dev.hooklab.ui.run.sandbox;

import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.session.Sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the sandbox panel shows, read off the FX thread in one go after a step: the instance side of the sandbox (the
 * agent's folder and every files destination, as a tree, links not followed) and the end of the agent's
 * {@code scripts.log}. Bounded, whatever a hook left there.
 *
 * @param roots          the instance roots, shallow ones first
 * @param scriptsLog     the end of scripts.log ("" when it does not exist yet)
 * @param scriptsLogSize its whole size in bytes, -1 when it does not exist
 * @param scriptsLogPath where it is on this machine
 */
public record SandboxSnapshot(List<FileNode> roots, String scriptsLog, long scriptsLogSize, Path scriptsLogPath) {
    /** How much of scripts.log is shown: its end. */
    public static final int LOG_TAIL_BYTES = 256 * 1024;
    /** How many entries the tree holds at most, shared out equally among the instance roots. */
    public static final int MAX_ENTRIES = 5000;

    public SandboxSnapshot {
        roots = List.copyOf(roots);
    }

    /**
     * A file or folder of the instance side.
     *
     * @param name         its name (for a root: its instance path)
     * @param instancePath its path on the instance
     * @param folder       whether it is a folder (a link is not)
     * @param link         where a symbolic link points, else null
     * @param size         its size in bytes (files)
     * @param exists       false for a root the instance has not got yet (a destination before Install)
     * @param children     what a folder holds, folders first, by name
     * @param leftOut      entries not read (over {@link #MAX_ENTRIES})
     */
    public record FileNode(String name, String instancePath, boolean folder, String link, long size, boolean exists,
                           List<FileNode> children, int leftOut) {

        public FileNode {
            children = List.copyOf(children);
        }

        /** The node at {@code instancePath} in this subtree, or null. */
        public FileNode find(String path) {
            if (instancePath.equals(path)) {
                return this;
            }
            for (FileNode child : children) {
                if (SandboxMounts.within(path, child.instancePath())) {
                    return child.find(path);
                }
            }
            return null;
        }
    }

    /** Reads the sandbox as it stands; {@code scriptsLog} is the instance path of the agent's scripts.log. */
    public static SandboxSnapshot read(Sandbox sandbox, String scriptsLog) {
        SandboxMounts mounts = sandbox.mounts();
        List<FileNode> roots = new ArrayList<>();
        for (String root : mounts.instanceRoots()) {
            // each root its share: the agent's folder full of a large archive leaves the destination's files shown
            int[] budget = {MAX_ENTRIES / mounts.instanceRoots().size()};
            Path host = mounts.hostPath(root);
            if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                roots.add(new FileNode(root, root, true, null, 0, false, List.of(), 0));
            } else {
                roots.add(node(root, root, host, budget));
            }
        }
        Path log = sandbox.host(scriptsLog);
        long size = -1;
        String tail = "";
        if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            try {
                size = Files.size(log);
                tail = tail(log, size);
            } catch (IOException e) {
                tail = "scripts.log cannot be read: " + e.getMessage();
            }
        }
        return new SandboxSnapshot(roots, tail, size, log);
    }

    private static FileNode node(String name, String instancePath, Path host, int[] budget) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new FileNode(name, instancePath, false, null, 0, false, List.of(), 0);
        }
        if (attrs.isSymbolicLink()) {
            String target;
            try {
                target = Files.readSymbolicLink(host).toString();
            } catch (IOException e) {
                target = "?";
            }
            return new FileNode(name, instancePath, false, target, 0, true, List.of(), 0);
        }
        if (!attrs.isDirectory()) {
            return new FileNode(name, instancePath, false, null, attrs.size(), true, List.of(), 0);
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(host)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            // a folder a hook made unreadable: shown empty
        }
        entries.sort(Comparator.comparing((Path p) -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .thenComparing(p -> p.getFileName().toString()));
        List<FileNode> children = new ArrayList<>();
        int leftOut = 0;
        for (Path entry : entries) {
            if (budget[0] <= 0) {
                leftOut++;
                continue;
            }
            budget[0]--;
            String child = entry.getFileName().toString();
            children.add(node(child, instancePath.endsWith("/") ? instancePath + child : instancePath + "/" + child,
                    entry, budget));
        }
        return new FileNode(name, instancePath, true, null, 0, true, children, leftOut);
    }

    /** The last {@link #LOG_TAIL_BYTES} of the file, from a line's start. */
    private static String tail(Path file, long size) throws IOException {
        long from = Math.max(0, size - LOG_TAIL_BYTES);
        byte[] bytes = new byte[(int) (size - from)];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(from);
            in.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (from > 0) {
            int newline = text.indexOf('\n');
            text = newline >= 0 ? text.substring(newline + 1) : text;
        }
        return text;
    }
}
