package dev.hooklab.work;

import java.util.concurrent.ThreadFactory;

/**
 * Where hooklab's background threads come from: the archive reader's inflater, extraction's writers, a hook's
 * output readers, a step session's workers, the window's inspection. The composition root builds one and
 * hands it through constructors, so a test or the window can give its own (to name, count or watch threads).
 */
@FunctionalInterface
public interface Workers {

    /** A new thread, not started, that runs {@code task} under {@code name}. */
    Thread thread(String name, Runnable task);

    /** Starts {@code task} on a new thread. */
    default Thread start(String name, Runnable task) {
        Thread thread = thread(name, task);
        thread.start();
        return thread;
    }

    /** The threads for an executor, all named {@code name}. */
    default ThreadFactory factory(String name) {
        return task -> thread(name, task);
    }

    /**
     * Daemon threads: none may keep the JVM alive, since a reader can stay blocked on an output nobody can
     * close and a writer on a stalled archive; whoever starts one ends or abandons it itself.
     */
    static Workers daemons() {
        return (name, task) -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
