package dev.hooklab.run.process;

import java.io.IOException;

/** A started hook process. */
public interface HookProcess {

    /** Ends the run early: the script's processes get SIGTERM, then SIGKILL after the grace. */
    void stop();

    /** Waits until the script and its outputs are done with, and says how it went. */
    ProcessOutcome await() throws InterruptedException, IOException;
}
