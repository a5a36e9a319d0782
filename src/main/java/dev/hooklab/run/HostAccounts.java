package dev.hooklab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Facts about this machine's accounts and tools that decide what a hook run can honour. */
public final class HostAccounts {
    private static final String FULL_ID_MAP = "0 0 4294967295";

    private final Map<String, Boolean> users = new ConcurrentHashMap<>();

    /** Whether hooklab runs as root (uid 0), as the agent does. */
    public boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException notUnix) {
            return false;
        }
    }

    /** Whether hooklab itself runs inside a user namespace (a rootless container), where root is not root. */
    public boolean inUserNamespace() {
        Path map = Path.of("/proc/self/uid_map");
        try {
            return Files.exists(map) && !Files.readString(map).trim().replaceAll("\\s+", " ").equals(FULL_ID_MAP);
        } catch (IOException e) {
            return false;
        }
    }

    public String currentUser() {
        return System.getProperty("user.name");
    }

    /** Whether the account exists here ({@code id <user>} succeeds). */
    public boolean userExists(String user) {
        return users.computeIfAbsent(user, this::lookUp);
    }

    /** The first executable {@code command} on the PATH. */
    public Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The account's login shell ({@code getent passwd}'s last field), which {@code su <user> -c} starts; empty when
     * the account or the lookup is missing.
     */
    public Optional<String> loginShell(String user) {
        return query("getent", "passwd", user).map(line -> line.strip().split(":", -1))
                .filter(fields -> fields.length >= 7 && !fields[6].isEmpty()).map(fields -> fields[6]);
    }

    /** Whether that login shell refuses a session ({@code nologin}, {@code false}): su then fails, as for the agent. */
    public static boolean refusesLogin(String shell) {
        String name = Path.of(shell).getFileName() == null ? "" : Path.of(shell).getFileName().toString();
        return name.equals("nologin") || name.equals("false");
    }

    private boolean lookUp(String user) {
        return query("id", "-u", user).isPresent();
    }

    /** A lookup command's output when it succeeds within 5 seconds; never for a name that could pass as an option. */
    private static Optional<String> query(String command, String option, String user) {
        if (user.isEmpty() || user.startsWith("-")) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(List.of(command, option, user))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, java.nio.charset.StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
