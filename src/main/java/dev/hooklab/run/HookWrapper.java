package dev.hooklab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * hooklab's tiny Perl wrapper around a hook command ({@code hook-wrapper.pl}): Perl is on every
 * Debian ({@code perl-base} is Essential) and macOS machine, starts in a few milliseconds and can
 * report what Java cannot see: the raw wait status (exit code N versus death by signal N, which
 * {@code Process.exitValue()} folds into 128+N), the exec error, the script's pid and the inodes
 * of its output pipes. It also enforces the deadline (SIGTERM to the script's processes, SIGKILL
 * after the grace) and, in a PID namespace, finds who keeps an output open before the namespace
 * disappears. Its one-string rules match Ruby's; hooklab passes it words already split.
 */
final class HookWrapper {
    private static final String RESOURCE = "hook-wrapper.pl";

    private final Path perl;
    private final String script;

    HookWrapper(Path perl, String script) {
        this.perl = perl;
        this.script = script;
    }

    /** The wrapper with this machine's perl, if there is one. */
    static Optional<HookWrapper> find(HostAccounts host) {
        return host.onPath("perl").map(perl -> new HookWrapper(perl, load()));
    }

    private static String load() {
        try (InputStream in = HookWrapper.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param statusPath the status file as the wrapper sees it
     * @param argv       the hook command's words as the wrapper sees them
     */
    List<String> command(String statusPath, int timeoutSeconds, RunLimits limits, boolean ownPidNamespace,
                         List<String> argv) {
        List<String> command = new ArrayList<>(List.of(perl.toString(), "-e", script, "--", statusPath,
                Integer.toString(timeoutSeconds), Long.toString(limits.killGrace().toMillis()),
                Long.toString(limits.settle().toMillis()), ownPidNamespace ? "1" : "0"));
        command.addAll(argv);
        return command;
    }
}
