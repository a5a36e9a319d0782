package dev.hooklab.run;

import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.output.OutputListener;

import java.util.List;

/**
 * One way of running hooks (no isolation, bubblewrap, no wrapper) as the hook-runner contracts see it: a sandbox,
 * runners over it, and the few expectations that differ by design between the ways. The contracts
 * ({@link HookRunnerContract}, {@link HookTimeoutContract}, {@link HookOutputContract}) hold the scenarios.
 */
interface HookRunnerFixture {
    HookSandbox sandbox();

    HookRunner runner(RunLimits limits);

    default HookRunner runner() {
        return runner(RunLimits.defaults());
    }

    /** The path by which a hook sees {@code instancePath} (its {@code $0}, its working folder...). */
    String seenAs(String instancePath);

    /** What a script that sent itself SIGKILL reports. */
    void assertKilledBySignal9(ScriptRun run);

    static OutputListener listener(List<String> notes) {
        return new OutputListener() {
            @Override
            public void line(OutputLine line) {
            }

            @Override
            public void note(String text) {
                notes.add(text);
            }
        };
    }
}
