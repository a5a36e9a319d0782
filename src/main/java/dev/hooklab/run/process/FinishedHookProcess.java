package dev.hooklab.run.process;

/** A hook process whose outcome was known at once (exec failed while starting). */
record FinishedHookProcess(ProcessOutcome outcome) implements HookProcess {

    @Override
    public void stop() {
        // nothing runs
    }

    @Override
    public ProcessOutcome await() {
        return outcome;
    }
}
