package dev.hooklab.run.process;

import dev.hooklab.run.RunLimits;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputPumps;
import dev.hooklab.work.Workers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 * raw wait status on a descriptor the hook cannot reach; in a PID namespace it also watches whoever
 * keeps an output open after the exit. In this machine's own PID namespace hooklab does that itself
 * through {@code /proc}. Either way it waits for held outputs as the agent does (until the agent's
 * whole-second deadline), says at once who holds them, and with {@link RunLimits#waitForOutputs()}
 * off ends them after the settle time instead.
 */
final class WrappedHookProcess implements HookProcess {
    private static final Duration DRAIN = Duration.ofSeconds(3);
    private static final Duration WRAPPER_SLACK = Duration.ofSeconds(10);
    private static final List<String> PERL_VARIABLES = List.of("PERL5OPT", "PERL5LIB", "PERLLIB");

    private final HookLaunch launch;
    /** A private folder holding the socket until the wrapper has connected to it. */
    private final Path socketDir;
    private final ServerSocketChannel server;
    private SocketChannel connection;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Process process;
    private final OutputPumps pumps;
    private final long started;
    /** The agent's deadline, {@code Time.now.to_i + timeout}, in epoch seconds. */
    private final long deadlineEpoch;
    private final PipeHolders pipeHolders = new PipeHolders();
    private final HeldOutputs held;
    private volatile boolean stopRequested;
    /** Guards the status connection, which the readers consult too ({@link #deadlineReported}). */
    private final Object statusLock = new Object();
    /** The agent's deadline as a {@link System#nanoTime} instant: the wrapper cannot report it earlier. */
    private final long deadlineNanos;
    private volatile boolean deadlineReported;

    private WrappedHookProcess(HookLaunch launch, Path socketDir, ServerSocketChannel server, Process process,
                               long started, long startedEpochMs, Workers workers) {
        this.launch = launch;
        this.socketDir = socketDir;
        this.server = server;
        this.process = process;
        this.started = started;
        this.deadlineEpoch = startedEpochMs / 1000 + launch.timeoutSeconds();
        this.deadlineNanos = started + TimeUnit.MILLISECONDS.toNanos(deadlineEpoch * 1000 - startedEpochMs);
        this.pumps = new OutputPumps(process.getInputStream(), process.getErrorStream(), launch.runDir(),
                launch.log(), launch.listener(), launch.limits(), launch.name(), this::deadlineReported, workers);
        this.held = new HeldOutputs(launch.timeoutSeconds());
    }

    static WrappedHookProcess start(HookLaunch launch, HookWrapper wrapper, Workers workers) throws IOException {
        Path control = Files.createDirectories(launch.controlDir());
        // the status comes over a socket: its name is short, private (0700) and gone once the wrapper is connected
        Path socketDir = Files.createTempDirectory("hooklab-");
        Path socket = socketDir.resolve("status");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            server.configureBlocking(false);
        } catch (IOException e) {
            close(server, socketDir);
            throw e;
        }
        Isolation isolation = launch.isolation();
        List<String> command = wrapper.command(socket, launch.timeoutSeconds(), launch.limits(),
                isolation.ownPidNamespace(), launch.argv(), words -> isolation.launch(launch.mounts(), control, words));
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
        long startedEpochMs = System.currentTimeMillis();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            close(server, socketDir);
            throw e;
        }
        // the wrapper's stdin stays open until hooklab is done with the outputs (see finish in the wrapper);
        // the script itself gets a pipe that reads EOF, as the agent closes its stdin at once
        return new WrappedHookProcess(launch, socketDir, server, process, started, startedEpochMs, workers);
    }

    private static void close(ServerSocketChannel server, Path socketDir) throws IOException {
        server.close();
        Files.deleteIfExists(socketDir.resolve("status"));
        Files.deleteIfExists(socketDir);
    }

    @Override
    public void stop() {
        stopRequested = true;
        process.destroy(); // the wrapper turns SIGTERM into a stop; bwrap takes its namespace down
    }

    @Override
    public CapturedOutput outputSoFar(OutputChannel channel) throws IOException {
        return pumps.soFar(channel);
    }

    @Override
    public ProcessOutcome await() throws InterruptedException, IOException {
        List<String> notes = new ArrayList<>();
        RunLimits limits = launch.limits();
        boolean ownNamespace = launch.isolation().ownPidNamespace();
        Duration wrapperLimit = Duration.ofSeconds(launch.timeoutSeconds() + 1L).plus(limits.killGrace())
                .plus(limits.settle()).plus(WRAPPER_SLACK);
        WrapperReport report;
        boolean wrapperEnded;
        try {
            wrapperEnded = awaitDone(wrapperLimit);
            if (!wrapperEnded) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                notes.add("hooklab's wrapper did not finish within " + wrapperLimit.toSeconds()
                        + " s and was killed.");
            }
            report = readStatus();
        } finally {
            synchronized (statusLock) {
                if (connection != null) {
                    connection.close();
                }
                close(server, socketDir);
            }
        }
        if (ownNamespace) {
            release(); // the wrapper has watched the outputs; its namespace may go, and the outputs with it
        }
        Set<OutputChannel> leftOpen = EnumSet.noneOf(OutputChannel.class);
        List<OutputHolder> holders = new ArrayList<>(report.holders());
        String ending = report.ending();
        if (ending == null && stopRequested && (!report.ended() || !report.done())) {
            ending = "stopped"; // bwrap took its namespace down before the wrapper could say so
        }
        if (ending == null && !report.ended() && report.execError() == null) {
            // no word on the script's end although the wrapper has gone: something killed it
            ending = wrapperEnded && !report.done() && report.pid() != null ? "wrapper-gone" : null;
        }
        boolean endedByItself = report.ended() && ending == null && report.execError() == null;
        long releasedMs = -1;
        if (endedByItself && ownNamespace) {
            held.announce(report.holders(), launch.listener(), limits.waitForOutputs());
            if (!report.stillHeld().isEmpty()) {
                report.stillHeld().forEach(holder -> leftOpen.add(holder.channel()));
            } else if (!limits.waitForOutputs()) {
                holders.forEach(holder -> leftOpen.add(holder.channel()));
            }
            releasedMs = report.releasedMs();
        } else if (endedByItself) {
            releasedMs = watchOutputs(report, leftOpen, holders, notes);
            if (stopRequested) {
                ending = "stopped";
            }
        }
        if (releasedMs >= 0 && leftOpen.isEmpty() && !holders.isEmpty()) {
            notes.add(held.releasedNote(holders, releasedMs));
        }
        // the script's own time, without hooklab's wait for outputs it stopped waiting for
        long durationMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) - report.settledMs());
        drain(report, notes);
        release();
        pumps.close();
        notes.addAll(pumps.problems());
        return new ProcessOutcome(report.pid(), report.exitCode(), report.signal(), report.signalName(),
                report.execError(), ending, report.survivedTerm(), leftOpen, holders, report.leftovers(),
                pumps.stdout(), pumps.stderr(), durationMs, notes, limits.waitForOutputs());
    }

    /**
     * Whether the wrapper has reported the deadline, for the output readers. The wrapper writes {@code deadline} to
     * its status channel before it sends the SIGTERM, so a reader that asks after a read that returned what the
     * signal made the script write always finds the report there: no such line is missed. A line written before
     * the deadline but read after the report (a reader running late, on a busy machine, or in the moment between the
     * report and the kill) counts as after the timeout too: the agent, which stops reading at the deadline, would
     * not have logged it either. Before the agent's deadline instant this costs nothing; after it, one read of the
     * status channel per chunk until the report is found.
     */
    boolean deadlineReported() {
        if (deadlineReported) {
            return true;
        }
        if (System.nanoTime() - deadlineNanos < 0) {
            return false; // the wrapper's alarm cannot have gone off yet
        }
        try {
            readStatus();
        } catch (IOException e) {
            // the channel is closed: what was read from it is all there is
        }
        return deadlineReported;
    }

    /** The wrapper's status so far: accepts its connection (then nobody else can connect) and reads what came. */
    private WrapperReport readStatus() throws IOException {
        synchronized (statusLock) {
            WrapperReport report = readStatusLocked();
            if ("deadline".equals(report.ending())) {
                deadlineReported = true;
            }
            return report;
        }
    }

    private WrapperReport readStatusLocked() throws IOException {
        if (connection == null) {
            connection = server.accept();
            if (connection == null) {
                return WrapperReport.parse(new byte[0]);
            }
            close(server, socketDir);
            connection.configureBlocking(false);
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 13);
        while (received.size() < 1 << 20 && connection.read(buffer.clear()) > 0) {
            received.write(buffer.array(), 0, buffer.position());
        }
        return WrapperReport.parse(received.toByteArray());
    }

    /**
     * Waits until the wrapper has written "done" (it then waits for its stdin to close) or has gone.
     * The wrapper must outlive the script: the JVM closes a child's output pipes when the child exits.
     * Holders the wrapper names while it waits are announced at once.
     */
    private boolean awaitDone(Duration limit) throws InterruptedException, IOException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        int size = -1;
        while (System.nanoTime() < end) {
            WrapperReport report = readStatus();
            if (received.size() != size) {
                size = received.size();
                if (report.done()) {
                    return true;
                }
                if (!report.holders().isEmpty()) {
                    held.announce(report.holders(), launch.listener(), launch.limits().waitForOutputs());
                }
            }
            // every millisecond for the first second (most hooks are short), then every 10 ms
            long pause = System.nanoTime() - start < 1_000_000_000L ? 1 : 10;
            if (process.waitFor(pause, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
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

    /**
     * After the script's exit, in this machine's PID namespace: reads the outputs to their end as the
     * agent does, stdout until {@code (deadline - now.to_i)} seconds from the exit, then stderr the same
     * way from when stdout closed. Names the holders after the settle time.
     *
     * @return how long after the exit the outputs closed, or -1 when they did not
     */
    private long watchOutputs(WrapperReport report, Set<OutputChannel> leftOpen, List<OutputHolder> holders,
                              List<String> notes) throws InterruptedException {
        long exited = System.nanoTime();
        long stdoutEnd = exited + agentWait();
        Duration settle = launch.limits().settle();
        Duration toEnd = Duration.ofNanos(Math.max(0, stdoutEnd - exited));
        if (pumps.awaitClosed(settle.compareTo(toEnd) < 0 ? settle : toEnd)) {
            return -1; // closed before anyone could be named
        }
        if (!pipeHolders.available()) {
            // nothing can name the holders here: wait as the agent does, until the deadline
            if (awaitClosedUntil(OutputChannel.STDOUT, stdoutEnd) && awaitClosedUntil(OutputChannel.STDERR,
                    System.nanoTime() + agentWait())) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exited);
            }
            notes.add("This system has no /proc, so hooklab cannot name the processes that held the output.");
            addOpen(leftOpen);
            return -1;
        }
        holders.addAll(pipeHolders.find(report.stdoutInode(), report.stderrInode()));
        held.announce(holders, launch.listener(), launch.limits().waitForOutputs());
        if (launch.limits().waitForOutputs()) {
            if (awaitClosedUntil(OutputChannel.STDOUT, stdoutEnd)
                    && awaitClosedUntil(OutputChannel.STDERR, System.nanoTime() + agentWait())) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exited);
            }
            if (stopRequested) {
                pipeHolders.stop(pipeHolders.find(report.stdoutInode(), report.stderrInode()),
                        launch.limits().killGrace());
                return -1;
            }
        }
        addOpen(leftOpen);
        List<OutputHolder> still = pipeHolders.find(report.stdoutInode(), report.stderrInode());
        still.stream().filter(holder -> !holders.contains(holder)).forEach(holders::add);
        pipeHolders.stop(still, launch.limits().killGrace());
        return -1;
    }

    private void addOpen(Set<OutputChannel> leftOpen) {
        if (pumps.stdoutOpen()) {
            leftOpen.add(OutputChannel.STDOUT);
        }
        if (pumps.stderrOpen()) {
            leftOpen.add(OutputChannel.STDERR);
        }
    }

    /** How long one of the agent's waits lasts when it starts now: {@code deadline - Time.now.to_i} seconds, at least 0. */
    private long agentWait() {
        return TimeUnit.SECONDS.toNanos(Math.max(0, deadlineEpoch - System.currentTimeMillis() / 1000));
    }

    /** Waits for one output's end until {@code endNanos}, in slices, so that a Stop ends the wait. */
    private boolean awaitClosedUntil(OutputChannel channel, long endNanos) throws InterruptedException {
        while (true) {
            long left = endNanos - System.nanoTime();
            if (pumps.awaitClosed(channel, Duration.ofNanos(Math.max(1_000_000, Math.min(left, 100_000_000))))) {
                return true;
            }
            if (stopRequested || System.nanoTime() >= endNanos) {
                return false;
            }
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
