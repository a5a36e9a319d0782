package dev.hooklab.run.process;

import dev.hooklab.finding.Setting;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputListener;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What hooklab says about background processes that hold a script's outputs after it exited: once,
 * live, as soon as they are named (the agent keeps waiting, so the hook will be slow or fail), and
 * in the run's notes when they let go in time.
 */
final class HeldOutputs {
    private final int timeoutSeconds;
    private boolean announced;

    HeldOutputs(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Tells {@code listener} who holds which output, the first time there is anyone to name. */
    synchronized void announce(List<OutputHolder> holders, OutputListener listener, boolean waiting) {
        if (announced || holders.isEmpty()) {
            return;
        }
        announced = true;
        String text = describe(holders) + " after the script exited. The agent waits for the outputs to close until"
                + " the script's timeout (" + timeoutSeconds + " s) and fails with \"failed to close "
                + (holders.stream().anyMatch(holder -> holder.channel() == OutputChannel.STDOUT) ? "STDOUT" : "STDERR")
                + "\" if they are still open then. "
                + (waiting ? "hooklab waits as the agent does (use " + Setting.NO_WAIT_FOR_OUTPUTS.ref()
                + " to stop waiting)."
                : "hooklab does not wait (" + Setting.NO_WAIT_FOR_OUTPUTS.ref()
                + "): it ends them now and reports what the agent"
                + " would report at the timeout.");
        try {
            listener.note(text);
        } catch (RuntimeException e) {
            // a failing listener must not end the run
        }
    }

    /** The note for holders that let go before the deadline, {@code heldMs} after the exit. */
    String releasedNote(List<OutputHolder> holders, long heldMs) {
        return describe(holders).replace(" holds ", " held ").replace(" hold ", " held ") + " for "
                + String.format(Locale.ROOT, "%.1f", heldMs / 1000.0) + " s after the script exited. The agent"
                + " waited as well: on an instance this hook takes that much longer. Start background processes with"
                + " all three streams redirected: `cmd > /dev/null 2>&1 < /dev/null &`.";
    }

    /** {@code sleep 2 (pid 12) holds STDOUT; cat (pid 13) holds STDERR}. */
    private static String describe(List<OutputHolder> holders) {
        return holders.stream()
                .collect(Collectors.groupingBy(OutputHolder::process, java.util.LinkedHashMap::new,
                        Collectors.mapping(holder -> holder.channel().name(), Collectors.joining(" and "))))
                .entrySet().stream()
                .map(entry -> entry.getKey().describe() + " holds " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
