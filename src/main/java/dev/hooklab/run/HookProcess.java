package dev.hooklab.run;

import java.io.IOException;

/** A started hook process. */
interface HookProcess {

    /** Ends the run early: the script's processes get SIGTERM, then SIGKILL after the grace. */
    void stop();

    /** Waits until the script and its outputs are done with, and says how it went. */
    ProcessOutcome await() throws InterruptedException, IOException;
}
