package dev.hooklab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A hook started through {@link HookWrapper}. The wrapper enforces the deadline and reports the
 * raw wait status; in a PID namespace it also names whoever keeps an output open. In this machine's
 * own PID namespace hooklab watches the outputs itself once the script has exited: if they stay
 * open past the settle time it names the holders through {@code /proc} and stops them.
 */
final class WrappedHookProcess implements HookProcess {
    private static final Duration DRAIN = Duration.ofSeconds(3);
    private static final Duration WRAPPER_SLACK = Duration.ofSeconds(10);
    private static final List<String> PERL_VARIABLES = List.of("PERL5OPT", "PERL5LIB", "PERLLIB");

    private final HookLaunch launch;
    private final Path status;
    private final Process process;
    private final OutputPumps pumps;
    private final long started;
    private final PipeHolders pipeHolders = new PipeHolders();
    private volatile boolean stopRequested;

    private WrappedHookProcess(HookLaunch launch, Path status, Process process, long started) {
        this.launch = launch;
        this.status = status;
        this.process = process;
        this.started = started;
        this.pumps = new OutputPumps(process.getInputStream(), process.getErrorStream(), launch.runDir(),
                launch.log(), launch.listener(), launch.limits(), launch.name());
    }

    static WrappedHookProcess start(HookLaunch launch, HookWrapper wrapper) throws IOException {
        Path control = Files.createDirectories(launch.controlDir());
        Path status = Files.createFile(control.resolve("status"));
        Isolation isolation = launch.isolation();
        List<String> command = isolation.launch(launch.mounts(), control, wrapper.command(
                isolation.controlPath(control) + "/status", launch.timeoutSeconds(), launch.limits(),
                isolation.ownPidNamespace(), launch.argv()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(
                isolation.launchDirectory(launch.mounts()).toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(launch.environment());
        // the wrapper must not load the user's Perl settings; it hands them back to the script
        for (String name : PERL_VARIABLES) {
            String value = env.remove(name);
            if (value != null) {
                env.put("HOOKLAB_SAVED_" + name, value);
            }
        }
        long started = System.nanoTime();
        Process process = builder.start();
        // the wrapper's stdin stays open until hooklab is done with the outputs (see finish in the wrapper);
        // the script itself gets /dev/null, as the agent closes its stdin at once
        return new WrappedHookProcess(launch, status, process, started);
    }

    @Override
    public void stop() {
        stopRequested = true;
        process.destroy(); // the wrapper turns SIGTERM into a stop; bwrap takes its namespace down
    }

    @Override
    public ProcessOutcome await() throws InterruptedException, IOException {
        List<String> notes = new ArrayList<>();
        RunLimits limits = launch.limits();
        Duration wrapperLimit = Duration.ofSeconds(launch.timeoutSeconds()).plus(limits.killGrace())
                .plus(limits.settle()).plus(WRAPPER_SLACK);
        boolean wrapperEnded = awaitDone(wrapperLimit);
        if (!wrapperEnded) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            if (!diskFull()) {
                notes.add("hooklab's wrapper did not finish within " + wrapperLimit.toSeconds() + " s and was killed.");
            }
        }
        WrapperReport report = WrapperReport.read(status);
        if (launch.isolation().ownPidNamespace()) {
            release(); // the wrapper has named the holders; its namespace may go, and the outputs with it
        }
        // the script's own time: without the wrapper's wait for outputs that stayed open
        long durationMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) - report.settledMs());
        Set<OutputChannel> leftOpen = EnumSet.noneOf(OutputChannel.class);
        List<OutputHolder> holders = new ArrayList<>(report.holders());
        holders.forEach(holder -> leftOpen.add(holder.channel()));
        String ending = report.ending();
        if (ending == null && stopRequested && !report.ended()) {
            ending = "stopped"; // bwrap took its namespace down before the wrapper could say so
        }
        if (ending == null && !report.ended() && report.execError() == null) {
            // no word on the script's end: a full disk kept the wrapper from writing it, or the wrapper was killed
            ending = diskFull() ? "disk-full" : wrapperEnded && !report.done() && report.pid() != null ? "wrapper-gone" : null;
            if ("disk-full".equals(ending)) {
                notes.add("The sandbox's disk is full (ENOSPC writing " + status + "): hooklab's wrapper could not "
                        + "record how the script ended, so its exit status is unknown. Free some space there.");
            }
        }
        boolean endedByItself = report.ended() && ending == null && report.execError() == null;
        if (!launch.isolation().ownPidNamespace() && endedByItself) {
            watchOutputs(report, leftOpen, holders, notes);
        }
        drain(report, notes);
        release();
        pumps.close();
        notes.addAll(pumps.problems());
        return new ProcessOutcome(report.pid(), report.exitCode(), report.signal(), report.signalName(), report.execError(), ending,
                report.survivedTerm(), leftOpen, holders, report.leftovers(), pumps.stdout(), pumps.stderr(),
                durationMs, notes);
    }

    /**
     * Waits until the wrapper has written "done" (it then waits for its stdin to close) or has gone.
     * The wrapper must outlive the script: the JVM closes a child's output pipes when the child exits.
     */
    private boolean awaitDone(Duration limit) throws InterruptedException, IOException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        long size = -1;
        long quietSince = start;
        while (System.nanoTime() < end) {
            long now = Files.size(status);
            if (now != size) {
                size = now;
                if (WrapperReport.read(status).done()) {
                    return true;
                }
            }
            // every millisecond for the first second (most hooks are short), then every 10 ms
            long pause = System.nanoTime() - start < 1_000_000_000L ? 1 : 10;
            if (process.waitFor(pause, TimeUnit.MILLISECONDS)) {
                return true;
            }
            // the script let go of its outputs but no "done" comes: on a full disk it never will
            if (pumps.stdoutOpen() || pumps.stderrOpen()) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 2_000_000_000L && diskFull()) {
                return false;
            }
        }
        return false;
    }

    /** Whether the status file's disk has no block left (then the wrapper's report cannot grow). */
    private boolean diskFull() {
        try {
            return Files.getFileStore(status).getUsableSpace() < 4096;
        } catch (IOException e) {
            return false;
        }
    }

    /** Lets the wrapper exit: closes its stdin and waits for it. */
    private void release() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** After the script's exit: outputs still open past the settle time are left open; name and stop the holders. */
    private void watchOutputs(WrapperReport report, Set<OutputChannel> leftOpen, List<OutputHolder> holders,
                              List<String> notes) throws InterruptedException {
        long remainingNanos = started + TimeUnit.SECONDS.toNanos(launch.timeoutSeconds()) - System.nanoTime();
        Duration remaining = Duration.ofNanos(Math.max(0, remainingNanos));
        Duration settle = launch.limits().settle().compareTo(remaining) < 0 ? launch.limits().settle() : remaining;
        if (pumps.awaitClosed(settle)) {
            return;
        }
        if (!pipeHolders.available()) {
            // nothing can name the holders here: wait as the agent does, until the deadline
            if (pumps.awaitClosed(remaining.minus(settle))) {
                return;
            }
            notes.add("This system has no /proc, so hooklab cannot name the processes that held the output.");
        }
        if (pumps.stdoutOpen()) {
            leftOpen.add(OutputChannel.STDOUT);
        }
        if (pumps.stderrOpen()) {
            leftOpen.add(OutputChannel.STDERR);
        }
        if (pipeHolders.available()) {
            holders.addAll(pipeHolders.find(report.stdoutInode(), report.stderrInode()));
            pipeHolders.stop(holders, launch.limits().killGrace());
        }
    }

    /** Reads the outputs to their end; whatever still holds them now is stopped. */
    private void drain(WrapperReport report, List<String> notes) throws InterruptedException {
        if (pumps.awaitClosed(DRAIN)) {
            return;
        }
        if (pipeHolders.available() && !launch.isolation().ownPidNamespace()) {
            List<OutputHolder> late = pipeHolders.find(report.stdoutInode(), report.stderrInode());
            pipeHolders.stop(late, launch.limits().killGrace());
            late.forEach(holder -> notes.add("hooklab stopped " + holder.process().describe()
                    + ", which still held " + holder.channel().label() + "."));
        }
        if (!pumps.awaitClosed(DRAIN)) {
            notes.add("An output of the hook stayed open; hooklab stopped reading it.");
        }
    }
}
