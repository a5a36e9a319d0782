package dev.hooklab.run.isolation;

import dev.hooklab.run.HostAccounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Chooses the isolation for {@code --isolation auto|bwrap|none}. {@code auto} means bubblewrap when
 * this is Linux, {@code bwrap} is on the PATH and a trial sandbox starts with all of its confinement
 * (unprivileged user namespaces can be switched off, a kernel may lack seccomp), and no isolation
 * otherwise.
 */
public final class IsolationProbe {
    private final HostAccounts host;
    private String bubblewrapProblem;
    private Path bubblewrap;
    private boolean probed;

    public IsolationProbe(HostAccounts host) {
        this.host = host;
    }

    /**
     * @param mode    {@code auto}, {@code bwrap} or {@code none}
     * @param network whether hooks may use the network (bubblewrap only; without isolation they always can)
     * @throws IllegalStateException when {@code bwrap} is asked for and cannot work here
     */
    public Isolation choose(String mode, boolean network) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "none" -> new NoIsolation();
            case "bwrap" -> bubblewrap(network).orElseThrow(() -> new IllegalStateException(
                    "bubblewrap cannot run hooks here: " + bubblewrapProblem()));
            case "auto" -> bubblewrap(network).<Isolation>map(isolation -> isolation).orElseGet(NoIsolation::new);
            default -> throw new IllegalArgumentException("isolation must be auto, bwrap or none: " + mode);
        };
    }

    /** Bubblewrap if it works here. */
    public synchronized Optional<BubblewrapIsolation> bubblewrap(boolean network) {
        probe();
        return Optional.ofNullable(bubblewrap).map(bwrap -> new BubblewrapIsolation(bwrap, network, host.isRoot()));
    }

    /** Why bubblewrap cannot be used here, or null when it can. */
    public synchronized String bubblewrapProblem() {
        probe();
        return bubblewrapProblem;
    }

    private void probe() {
        if (probed) {
            return;
        }
        probed = true;
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            bubblewrapProblem = "bubblewrap exists only on Linux";
            return;
        }
        Optional<Path> bwrap = host.onPath("bwrap");
        if (bwrap.isEmpty()) {
            bubblewrapProblem = "bwrap is not on the PATH (Debian/Ubuntu: apt-get install bubblewrap)";
            return;
        }
        bubblewrapProblem = trial(bwrap.get());
        if (bubblewrapProblem == null) {
            bubblewrap = bwrap.get();
        }
    }

    /**
     * Runs {@code true} the way hooks run, seccomp program, capabilities, /proc covers and process
     * limit included, in a throwaway sandbox; null when that works, else why not.
     */
    String trial(Path bwrap) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hooklab-probe-");
            BubblewrapIsolation isolation = new BubblewrapIsolation(bwrap, false, host.isRoot());
            SandboxMounts mounts = SandboxMounts.of(dir.resolve("sandbox"), List.of());
            Path control = Files.createDirectories(dir.resolve("control"));
            Process trial = new ProcessBuilder(isolation.launch(mounts, control, List.of("true")))
                    .directory(isolation.launchDirectory(mounts).toFile())
                    .redirectErrorStream(true)
                    .start();
            trial.getOutputStream().close();
            boolean finished = trial.waitFor(10, TimeUnit.SECONDS);
            if (!finished) {
                trial.destroyForcibly();
                trial.waitFor(5, TimeUnit.SECONDS);
            }
            isolation.afterRun(control);
            if (!finished) {
                return "a trial bwrap sandbox did not finish";
            }
            String output = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return trial.exitValue() == 0 ? null
                    : "a trial bwrap sandbox failed (" + (output.isEmpty() ? "exit " + trial.exitValue() : output) + ")";
        } catch (IOException e) {
            return "bwrap cannot be started: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying bwrap";
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
