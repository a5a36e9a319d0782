package dev.hooklab;

import dev.hooklab.run.session.StepSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-only: a revision folder written in code, an appspec.yml and its files ({@code .sh} ones executable). */
public final class RevisionFolder {
    private final Map<String, String> files = new LinkedHashMap<>();

    private RevisionFolder() {
    }

    public static RevisionFolder with(String appspec) {
        RevisionFolder f = new RevisionFolder();
        f.files.put("appspec.yml", appspec);
        return f;
    }

    /** A revision with one hook: {@code location} at AfterInstall, its script {@code body}. */
    public static RevisionFolder afterInstall(String location, String body) {
        return with("version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: " + location + "\n")
                .script(location, body);
    }

    /** A file of the revision; one whose name ends in {@code .sh} is made executable. */
    public RevisionFolder script(String path, String body) {
        files.put(path, body);
        return this;
    }

    /**
     * A script at {@code path} that runs {@code before}, then waits while a file {@code hold} lies beside it (see
     * {@link #release}), then runs {@code after}: a hook a test can look at while it runs.
     */
    public RevisionFolder held(String path, String before, String after) {
        script(path, "#!/bin/bash\n" + before + "\nwhile [ -e \"$(dirname \"$0\")/hold\" ]; do sleep 0.05; done\n"
                + after + "\n");
        return script(path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) + "hold" : "hold", "");
    }

    /** Lets the scripts {@link #held} in {@code folder} of the session's deployment-archive go on. */
    public static void release(StepSession s, String folder) throws IOException {
        Files.delete(s.sandbox().host(s.target().layout().archiveDir() + "/" + folder + "/hold"));
    }

    public Path writeTo(Path dir) throws IOException {
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
