package dev.hooklab.app;

import dev.hooklab.sample.Samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built-in sample revision (the seed story), written to a temporary folder so it opens like any other. */
final class SampleBundle {

    private SampleBundle() {
    }

    static Path materialize() {
        try {
            Path dir = Files.createTempDirectory("hooklab-sample-");
            new Samples().seedStory().materialize(dir);
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
