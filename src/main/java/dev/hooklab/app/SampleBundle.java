package dev.hooklab.app;

import dev.hooklab.sample.Sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A built-in sample revision of the catalog, written to a temporary folder so it opens like any other. */
final class SampleBundle {

    private SampleBundle() {
    }

    /** Writes the sample to a new temporary folder (removed when hooklab exits) and gives that folder. */
    static Path materialize(Sample sample) {
        try {
            Path dir = Files.createTempDirectory("hooklab-" + sample.name() + "-");
            sample.materialize(dir);
            deleteOnExit(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample revision " + sample.name(), e);
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
