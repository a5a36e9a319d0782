package dev.hooklab.run.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Revision folders written in a test's temporary folder: an appspec.yml and executable scripts. */
final class Revisions {
    private final Map<String, String> files = new LinkedHashMap<>();

    static Revisions with(String appspec) {
        Revisions r = new Revisions();
        r.files.put("appspec.yml", appspec);
        return r;
    }

    Revisions script(String path, String body) {
        files.put(path, body);
        return this;
    }

    Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
            if (f.getKey().endsWith(".sh")) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return dir;
    }
}
