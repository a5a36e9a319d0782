package dev.hooklab.run.process;

import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.RunLimits;

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
     * Connects descriptor 3 to hooklab's status socket, then runs the rest: perl sets no close-on-exec on
     * descriptors up to {@code $^F}, and the socket is the first free one. A socket, because nobody, not
     * even root, can reopen one through {@code /proc/<pid>/fd}; Linux and macOS address layouts.
     */
    private static final String CONNECT = "$^F = 3; socket(S, 1, 1, 0) && fileno(S) == 3 or exit 70;"
            + " my $at = $^O eq 'linux' ? pack('S Z108', 1, shift) : pack('C C Z104', 0, 1, shift);"
            + " connect(S, $at) or exit 70; exec { $ARGV[0] } @ARGV; exit 70";

    /**
     * The wrapper's command line: {@code launch} confines it (the isolation's command with the
     * wrapper's words at its end), and a perl in front connects descriptor 3 to {@code statusSocket}
     * before anything else starts, so no path to the status ever reaches the sandbox.
     *
     * @param argv the hook command's words as the wrapper sees them
     */
    List<String> command(Path statusSocket, int timeoutSeconds, RunLimits limits, boolean ownPidNamespace,
                         List<String> argv, Launcher launch) throws IOException {
        List<String> wrapper = new ArrayList<>(List.of(perl.toString(), "-e", script, "--",
                Integer.toString(timeoutSeconds), Long.toString(limits.killGrace().toMillis()),
                Long.toString(Math.min(limits.killGrace().toMillis(), RunLimits.STOP_GRACE.toMillis())),
                Long.toString(limits.settle().toMillis()), ownPidNamespace ? "1" : "0",
                limits.waitForOutputs() ? "1" : "0"));
        wrapper.addAll(argv);
        List<String> command = new ArrayList<>(List.of(perl.toString(), "-e", CONNECT, "--", statusSocket.toString()));
        command.addAll(launch.confine(wrapper));
        return command;
    }

    /** How the isolation confines the wrapper's command. */
    @FunctionalInterface
    interface Launcher {
        List<String> confine(List<String> wrapper) throws IOException;
    }
}
