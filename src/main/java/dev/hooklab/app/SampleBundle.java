package dev.hooklab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** The built-in sample revision (the seed story), written to a temporary folder so it opens like any other. */
final class SampleBundle {
    private static final List<String> FILES = List.of("appspec.yml", "start_aplication.sh", "index.html",
            "scripts/stop_application.sh", "scripts/validate_service.sh");

    private SampleBundle() {
    }

    static Path materialize() {
        try {
            Path dir = Files.createTempDirectory("hooklab-sample-");
            for (String name : FILES) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = SampleBundle.class.getResourceAsStream("/dev/hooklab/sample/" + name)) {
                    if (in == null) {
                        throw new IOException("sample file missing from the jar: " + name);
                    }
                    Files.copy(in, target);
                }
                if (name.endsWith(".sh")) {
                    try {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } catch (UnsupportedOperationException e) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
            deleteOnExit(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample revision", e);
        }
    }

    private static void deleteOnExit(Path dir) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind is harmless
            }
        }));
    }
}
