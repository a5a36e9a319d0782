package dev.hooklab.bundle.extract;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permission bits extraction gives a file or directory: the entry's own bits, or what {@code unzip}
 * under umask 022 gives entries without any (0644 files, 0755 directories). Setuid and setgid are
 * always cleared: a sandbox extracted by root must not leave set-id programs for any local user.
 *
 * @param bits     the bits to apply ({@code 01777} at most: permissions and the sticky bit)
 * @param declared the bits the archive declares, or null
 */
record FileMode(int bits, Integer declared) {
    private static final int SET_ID = 06000;
    private static final int KEPT = 01777;

    static FileMode forFile(Integer declared) {
        return new FileMode((declared == null ? 0644 : declared) & KEPT, declared);
    }

    static FileMode forDirectory(Integer declared) {
        return new FileMode((declared == null ? 0755 : declared) & KEPT, declared);
    }

    /** Whether the archive asked for setuid or setgid, which extraction cleared. */
    boolean setIdCleared() {
        return declared != null && (declared & SET_ID) != 0;
    }

    /** The bits as POSIX permissions (without the sticky bit, which only the "unix" attribute view sets). */
    Set<PosixFilePermission> permissions() {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((bits & (0400 >> p.ordinal())) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    /** Octal with a leading zero, as chmod takes it: "0755", "04755". */
    static String octal(int mode) {
        return mode > 0777 ? "0" + Integer.toOctalString(mode) : String.format("%04o", mode);
    }
}
