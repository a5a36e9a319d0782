package dev.hooklab.realworld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One revision of the real-world corpus ({@code src/test/resources/realworld/NN-owner__repo/}): the AppSpec
 * byte for byte, the revision root's listing with git modes, and where it came from. {@link #writeFolder}
 * rebuilds it as a folder of placeholder files with the listed modes and the real AppSpec at its place.
 *
 * @param id           the corpus folder name
 * @param appspecName  the AppSpec's real file name at the revision root (appspec.yml or appspec.yaml)
 * @param appspec      the AppSpec bytes
 * @param files        revision-relative path to git mode ("100644", "100755", "120000", "160000")
 */
public record RealWorldRevision(String id, String appspecName, byte[] appspec, Map<String, String> files) {

    private static final Pattern WINDOWS = Pattern.compile("(?m)^os:\\s*windows\\s*$");

    /** The corpus folder on the test class path. */
    public static Path corpus() {
        try {
            return Path.of(RealWorldRevision.class.getResource("/realworld").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every revision of the corpus, in corpus order. */
    public static List<String> ids() {
        try (Stream<Path> dirs = Files.list(corpus())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RealWorldRevision load(String id) {
        Path dir = corpus().resolve(id);
        try {
            Map<String, String> source = new LinkedHashMap<>();
            for (String line : Files.readAllLines(dir.resolve("source.txt"), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    source.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            String path = source.get("path");
            String name = path.substring(path.lastIndexOf('/') + 1);
            Map<String, String> files = new LinkedHashMap<>();
            for (String line : Files.readAllLines(dir.resolve("files.txt"), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue; // the note at the end of a capped listing
                }
                int space = line.indexOf(' ');
                files.put(line.substring(space + 1), line.substring(0, space));
            }
            return new RealWorldRevision(id, name, Files.readAllBytes(dir.resolve("appspec.yml")), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String appspecText() {
        return new String(appspec, StandardCharsets.UTF_8);
    }

    /** Whether the AppSpec targets the Windows agent. */
    public boolean windows() {
        return WINDOWS.matcher(appspecText().replace("\r", "")).find();
    }

    /** Whether the listing has this revision-relative path (a file, link or submodule). */
    public boolean has(String path) {
        return files.containsKey(path);
    }

    /**
     * Writes the revision as {@code dir/id}: each listed path with its mode and a placeholder body (a bash
     * script for executables and .sh/.bash files, a python script for .py), symbolic links as placeholder
     * files (their targets are not in the listing), submodules as empty folders, and the real AppSpec.
     */
    public Path writeFolder(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve(id));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            String mode = f.getValue();
            if (mode.equals("160000")) {
                Files.createDirectories(p);
                continue;
            }
            Files.createDirectories(p.getParent());
            Files.write(p, placeholder(f.getKey(), mode).getBytes(StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                    mode.equals("100755") ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Files.write(root.resolve(appspecName), appspec);
        return root;
    }

    private static String placeholder(String path, String mode) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".py")) {
            return "#!/usr/bin/env python3\n# placeholder for " + path + "\nprint('ok')\n";
        }
        if (lower.endsWith(".bat") || lower.endsWith(".cmd") || lower.endsWith(".ps1")) {
            return "REM placeholder for " + path + "\r\n";
        }
        if (lower.endsWith(".sh") || lower.endsWith(".bash") || mode.equals("100755")) {
            return "#!/bin/bash\n# placeholder for " + path + "\nset -e\necho \"$LIFECYCLE_EVENT done\"\n";
        }
        return "placeholder for " + path + "\n";
    }

    /** The listed paths, in listing order. */
    public List<String> paths() {
        return new ArrayList<>(files.keySet());
    }
}
