package dev.hooklab.ui.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Revisions written by the tests: the seed story as a folder, bundles as real zips, broken files. */
final class Revisions {
    static final String SEED_APPSPEC = dev.hooklab.bundle.TestRevision.SEED_STORY_APPSPEC;

    static final String HEALTHY_APPSPEC = """
            version: 0.0
            os: linux
            hooks:
              AfterInstall:
                - location: start_aplication.sh
                  timeout: 180
            """;

    private Revisions() {
    }

    static Path seedFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("start_aplication.sh"), "#!/bin/bash\necho started\n");
        Files.writeString(dir.resolve("appspec.yml"), SEED_APPSPEC);
        return dir;
    }

    /** A real zip of these entries. */
    static Path zip(Path file, Map<String, String> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A zip's first bytes and then garbage: it looks like a bundle, and its reader fails. */
    static Path corruptZip(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] b = new byte[300];
        b[0] = 'P';
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        for (int i = 4; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        Files.write(file, b);
        return file;
    }

    static Path text(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
