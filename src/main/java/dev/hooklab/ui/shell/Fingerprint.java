package dev.hooklab.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * When and how big the revision's files were when read, to tell on focus whether it changed on disk: the input
 * itself (for a folder, the folder and its appspec.yml) and the AppSpec that replaces the revision's own. A
 * folder's other files are not walked (a 100,000-file folder would cost a walk at every focus).
 */
record Fingerprint(List<String> stamps) {

    static Fingerprint of(Path input, Path appspecOverride) {
        List<String> stamps = new ArrayList<>();
        stamp(input, stamps);
        if (Files.isDirectory(input)) {
            stamp(input.resolve("appspec.yml"), stamps);
        }
        if (appspecOverride != null) {
            stamp(appspecOverride, stamps);
        }
        return new Fingerprint(List.copyOf(stamps));
    }

    private static void stamp(Path p, List<String> out) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            out.add(p + "@" + a.lastModifiedTime().toMillis() + "/" + a.size());
        } catch (IOException e) {
            out.add(p + "@gone");
        }
    }
}
