package dev.hooklab.run.isolation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bubblewrap arguments that rebuild this machine's root read-only around a set of mount
 * points. bwrap cannot create a mount point under a read-only bind, so the root is built from
 * pieces: every host entry that holds no mount point is bound read-only (symlinks are recreated),
 * and every directory on the way to a mount point is created empty ({@code --dir}) and filled the
 * same way one level down. The mount points themselves are left for the caller to mount.
 */
final class SyntheticRoot {

    /** Arguments for the tree under {@code /}, leaving out {@code mountPoints} (absolute, symlink-free). */
    List<String> args(Collection<Path> mountPoints) {
        List<String> args = new ArrayList<>();
        fill(Path.of("/"), Set.copyOf(mountPoints), args);
        return args;
    }

    private void fill(Path dir, Set<Path> mountPoints, List<String> args) {
        for (String name : names(dir, mountPoints)) {
            Path entry = dir.resolve(name);
            if (mountPoints.contains(entry)) {
                continue;
            }
            if (mountPoints.stream().anyMatch(point -> point.startsWith(entry))) {
                args.addAll(List.of("--dir", entry.toString()));
                fill(entry, mountPoints, args);
            } else if (Files.isSymbolicLink(entry)) {
                args.addAll(List.of("--symlink", target(entry), entry.toString()));
            } else if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                args.addAll(List.of("--ro-bind", entry.toString(), entry.toString()));
            }
        }
    }

    /** The host's entries of {@code dir} plus the next name of each mount point below it. */
    private static Set<String> names(Path dir, Set<Path> mountPoints) {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(entry -> names.add(entry.getFileName().toString()));
            } catch (IOException | SecurityException unreadable) {
                // not ours to list (e.g. /root for an ordinary user): only the mount points show
            }
        }
        for (Path point : mountPoints) {
            if (point.startsWith(dir) && !point.equals(dir)) {
                names.add(dir.relativize(point).getName(0).toString());
            }
        }
        return names;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the symlink " + link, e);
        }
    }

    /** {@code instancePath} with the host's symlinks on its existing part resolved ({@code /var/run/x} → {@code /run/x}). */
    static Path mountPoint(String instancePath) {
        Path path = Path.of(instancePath);
        for (Path prefix = path; prefix != null; prefix = prefix.getParent()) {
            if (Files.exists(prefix)) {
                try {
                    return prefix.toRealPath().resolve(prefix.relativize(path));
                } catch (IOException | SecurityException e) {
                    return path;
                }
            }
        }
        return path;
    }
}
