package dev.hooklab.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * One built-in sample revision.
 *
 * @param name  the folder name and the command line's name for it ({@code seed-story})
 * @param title a few words for a menu
 * @param story one line: what the revision shows
 * @param files its files, revision-relative, each with whether it is executable
 */
public record Sample(String name, String title, String story, List<File> files) {

    /** A file of the sample: its path in the revision and its mode there. */
    public record File(String path, boolean executable) {
    }

    public Sample {
        files = List.copyOf(files);
    }

    /**
     * Writes the revision into {@code target} (created when missing; an existing folder must be empty), scripts
     * executable ({@code rwxr-xr-x}), other files {@code rw-r--r--}.
     *
     * @return {@code target}
     * @throws IOException when the target is a file or a folder with contents, or cannot be written
     */
    public Path materialize(Path target) throws IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a folder");
            }
            try (Stream<Path> inside = Files.list(target)) {
                if (inside.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(target.toString(), null, "is a folder that is not empty");
                }
            }
        }
        Files.createDirectories(target);
        for (File f : files) {
            Path out = target.resolve(f.path());
            Files.createDirectories(out.getParent());
            try (InputStream in = Sample.class.getResourceAsStream(resource(f))) {
                if (in == null) {
                    throw new IOException("sample file missing from hooklab's jar: " + resource(f));
                }
                Files.copy(in, out);
            }
            setMode(out, f.executable() ? "rwxr-xr-x" : "rw-r--r--");
        }
        return target;
    }

    /** The class-path resource of one of its files. */
    public String resource(File f) {
        return "/dev/hooklab/samples/" + name + "/" + f.path();
    }

    private static void setMode(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            p.toFile().setExecutable(mode.charAt(2) == 'x');
        }
    }
}
