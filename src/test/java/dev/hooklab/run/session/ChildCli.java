package dev.hooklab.run.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * hooklab's command line as a real child JVM ({@code java -cp <the tests' class path> dev.hooklab.app.Launcher}),
 * for what only a separate process shows: signals, exit statuses, locks between processes. Its temporary
 * folder is a test folder, so a leftover temporary sandbox is seen; its output goes to files.
 */
final class ChildCli {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildCli(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ChildCli start(Path work, Path tmpdir, String... args) throws IOException {
        Files.createDirectories(tmpdir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmpdir,
                "dev.hooklab.app.Launcher"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "child-", ".out");
        Path err = Files.createTempFile(work, "child-", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new ChildCli(p, out, err);
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** Sends a signal by name (TERM, INT) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + name + " failed");
        }
    }

    /** Waits (bounded) for the exit status. */
    int await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hooklab did not end within " + limit.toSeconds() + " s");
        }
        return process.exitValue();
    }

    String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Waits (bounded) until {@code file} exists, failing early when the child has ended. */
    void awaitFile(Path file, Duration limit) throws InterruptedException, IOException {
        long end = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file)) {
            if (!process.isAlive()) {
                throw new AssertionError("hooklab ended (" + process.exitValue() + ") before " + file + " appeared:\n"
                        + out() + err());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(file + " did not appear within " + limit.toSeconds() + " s:\n" + out() + err());
            }
            Thread.sleep(50);
        }
    }

    /** Whether a process runs (exists and is not a zombie). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this JVM's children would ignore {@code signal} (an ignored SIGINT stays ignored across exec). */
    static boolean ignoredHere(int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                return (mask & (1L << (signal - 1))) != 0;
            }
        }
        return false;
    }
}
