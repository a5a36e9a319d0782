package dev.hooklab.run.process;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;

import java.io.IOException;

/** A started hook process. */
public interface HookProcess {

    /** Ends the run early: the script's processes get SIGTERM, then SIGKILL after the grace. */
    void stop();

    /** Waits until the script and its outputs are done with, and says how it went. */
    ProcessOutcome await() throws InterruptedException, IOException;

    /** A channel's whole output up to now, while the script may still print. */
    CapturedOutput outputSoFar(OutputChannel channel) throws IOException;
}
