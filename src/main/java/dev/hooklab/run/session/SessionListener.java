package dev.hooklab.run.session;

import dev.hooklab.run.output.OutputLine;

/**
 * Hears a session as it runs. Calls come in order on the session's own event thread, never on the
 * thread that asked for an operation and never on the thread running hooks.
 */
public interface SessionListener {

    /** A step changed: started, a script started or ended, or the step ended. */
    void stepChanged(StepState step);

    /** One line of a running script's output. */
    void output(int stepIndex, String location, OutputLine line);

    /** Something about the whole session: the previous revision deployed, the sandbox reset. */
    default void note(String text) {
    }

    /**
     * Something about a running script worth saying before it ends (a background process holds its
     * output, so the agent keeps waiting). By default a {@link #note} naming the script.
     */
    default void scriptNote(int stepIndex, String location, String text) {
        note(location + ": " + text);
    }

    SessionListener NONE = new SessionListener() {
        @Override
        public void stepChanged(StepState step) {
        }

        @Override
        public void output(int stepIndex, String location, OutputLine line) {
        }
    };
}
