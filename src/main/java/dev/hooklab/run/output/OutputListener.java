package dev.hooklab.run.output;

/**
 * Receives hook output live, line by line. Called from two reader threads (one per channel) at
 * the same time: implementations must be thread-safe and quick (hand lines over, don't render).
 */
@FunctionalInterface
public interface OutputListener {
    OutputListener NONE = line -> { };

    void line(OutputLine line);

    /**
     * Something about the running script worth saying at once, before it ends (a background process
     * holding an output, so the agent keeps waiting). Called from the thread that waits for the hook.
     */
    default void note(String text) {
    }
}
