package dev.hooklab.run.output;

import dev.hooklab.finding.Setting;
import dev.hooklab.run.RunLimits;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The two reader threads of one hook process, stdout and stderr apart. */
public final class OutputPumps {
    private final StreamRecord outRecord;
    private final StreamRecord errRecord;
    private final OutputCapture out;
    private final OutputCapture err;
    private final Thread outThread;
    private final Thread errThread;
    private final long limit;

    /**
     * @param deadlineReported whether the hook's deadline has been reported (its SIGTERM is then on its way); asked
     *                         by the readers after each read, so it must be cheap until the deadline can have come
     * @param workers          where the two reader threads come from
     */
    public OutputPumps(InputStream stdout, InputStream stderr, Path runDir, HookLog log, OutputListener listener,
                RunLimits limits, String name, BooleanSupplier deadlineReported, Workers workers) {
        outRecord = new StreamRecord(runDir.resolve("stdout.log"), limits.headBytes());
        errRecord = new StreamRecord(runDir.resolve("stderr.log"), limits.headBytes());
        OutputBudget budget = new OutputBudget(limits.maxOutputBytes());
        out = new OutputCapture(OutputChannel.STDOUT, stdout, outRecord, log, listener, limits.maxLineBytes(),
                log.clock(), budget, deadlineReported);
        err = new OutputCapture(OutputChannel.STDERR, stderr, errRecord, log, listener, limits.maxLineBytes(),
                log.clock(), budget, deadlineReported);
        this.limit = limits.maxOutputBytes();
        // hooklab's workers are daemons: a reader blocked by an output nobody could close must not keep the JVM alive
        outThread = workers.start(name + "-stdout", out);
        errThread = workers.start(name + "-stderr", err);
    }

    /** Waits until both outputs reached their end (every writer closed them); false after {@code limit}. */
    public boolean awaitClosed(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        outThread.join(Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
        errThread.join(Math.max(1, Duration.ofNanos(end - System.nanoTime()).toMillis()));
        return !outThread.isAlive() && !errThread.isAlive();
    }

    /** Waits until {@code channel} reached its end; false after {@code limit}. */
    public boolean awaitClosed(OutputChannel channel, Duration limit) throws InterruptedException {
        Thread thread = channel == OutputChannel.STDOUT ? outThread : errThread;
        thread.join(Math.max(1, limit.toMillis()));
        return !thread.isAlive();
    }

    public boolean stdoutOpen() {
        return outThread.isAlive();
    }

    public boolean stderrOpen() {
        return errThread.isAlive();
    }

    /** A channel's output recorded up to now, while the hook may still print (see {@link StreamRecord#soFar()}). */
    public CapturedOutput soFar(OutputChannel channel) throws IOException {
        return channel == OutputChannel.STDOUT ? outRecord.soFar() : errRecord.soFar();
    }

    public CapturedOutput stdout() {
        return outRecord.result().withAfterTimeoutLines(out.lateLines());
    }

    public CapturedOutput stderr() {
        return errRecord.result().withAfterTimeoutLines(err.lateLines());
    }

    /** Problems worth a note: the output cap, read or log errors, a failing listener. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (out.cut() || err.cut()) {
            long dropped = outRecord.result().droppedBytes() + errRecord.result().droppedBytes();
            problems.add("The script printed more than the " + OutputCapture.mib(limit) + " of output hooklab keeps per "
                    + "script (" + Setting.MAX_OUTPUT_SIZE.ref()
                    + "): scripts.log and the output kept stop at a line \"[hooklab] ... cut "
                    + "here\"; " + dropped + " more bytes were read and dropped. The agent's log tail is unchanged.");
        }
        int late = out.lateLines() + err.lateLines();
        if (late > 0) {
            problems.add(late + (late == 1 ? " line" : " lines") + " (stdout " + out.lateLines() + ", stderr "
                    + err.lateLines() + ") came after the timeout, written once the SIGTERM had gone out (by a trap"
                    + " handler, say). The agent closes the outputs as it sends that signal and would have lost them:"
                    + " they are not in scripts.log or the log tail; hooklab keeps them in the output, marked"
                    + " \"after the timeout\".");
        }
        for (OutputCapture capture : List.of(out, err)) {
            if (capture.failure() != null) {
                problems.add("hooklab could not record all output: " + capture.failure().getMessage());
            }
            if (capture.listenerFailure() != null) {
                problems.add("the output listener failed: " + capture.listenerFailure());
            }
        }
        return problems;
    }

    /** Closes the spill files of finished readers. */
    public void close() throws IOException {
        if (!outThread.isAlive()) {
            outRecord.close();
        }
        if (!errThread.isAlive()) {
            errRecord.close();
        }
    }
}
