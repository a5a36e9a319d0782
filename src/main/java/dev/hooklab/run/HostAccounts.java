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

    private boolean lookUp(String user) {
        if (user.isEmpty() || user.startsWith("-")) {
            return false;
        }
        try {
            Process id = new ProcessBuilder(List.of("id", "-u", user))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            id.getOutputStream().close();
            if (!id.waitFor(5, TimeUnit.SECONDS)) {
                id.destroyForcibly();
                return false;
            }
            return id.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
