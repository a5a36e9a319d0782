package dev.hooklab.run.process;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;

/** A hook process whose outcome was known at once (exec failed while starting). */
record FinishedHookProcess(ProcessOutcome outcome) implements HookProcess {

    @Override
    public void stop() {
        // nothing runs
    }

    @Override
    public CapturedOutput outputSoFar(OutputChannel channel) {
        return channel == OutputChannel.STDOUT ? outcome.stdout() : outcome.stderr();
    }

    @Override
    public ProcessOutcome await() {
        return outcome;
    }
}
