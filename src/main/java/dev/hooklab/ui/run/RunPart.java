package dev.hooklab.ui.run;

import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepState;
import javafx.scene.Node;

import java.util.List;

/**
 * A part of the run view that follows the run: the console, the selected script's details, the timeline, the
 * sandbox panel. The run view's model tells every part the same things in the same order, always on the FX
 * thread, so a part never talks to the session itself.
 */
public interface RunPart {

    /** The part's node; the run view places it. */
    Node node();

    /**
     * The session the view now drives: a fresh one after a revision opened, the run settings changed or a reset;
     * null when there is none (no revision open, or the session could not be built).
     */
    default void sessionChanged(SessionBuilder.Prepared prepared) {
    }

    /** A step changed: it started, one of its scripts started or ended, or it ended. */
    default void stepChanged(StepState step) {
    }

    /** Lines one script printed since the last call, in order; a batch at a time, however fast the hook prints. */
    default void output(int step, String location, List<OutputLine> lines) {
    }

    /**
     * The user, or the run after a step, selected a step and one of its scripts: {@code location} is the script's
     * location as written in the AppSpec, or null for a step that has no script (DownloadBundle, Install, an event
     * with nothing to run).
     */
    default void selected(StepState step, String location) {
    }
}
