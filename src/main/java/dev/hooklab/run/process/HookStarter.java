package dev.hooklab.run.process;

import dev.hooklab.run.HostAccounts;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.util.Optional;

/**
 * The way into this package: starts a hook's process through hooklab's Perl wrapper when this machine has perl
 * ({@link WrappedHookProcess}), plainly when it has not ({@link PlainHookProcess}). The rest of the package is
 * its own business; callers see the {@link HookProcess} and, once it has ended, its {@link ProcessOutcome}.
 */
public final class HookStarter {
    private final Optional<HookWrapper> wrapper;
    private final Workers workers;

    private HookStarter(Optional<HookWrapper> wrapper, Workers workers) {
        this.wrapper = wrapper;
        this.workers = workers;
    }

    /**
     * Through the wrapper when {@code host} has perl.
     *
     * @param workers where the threads that read a hook's outputs come from
     */
    public static HookStarter find(HostAccounts host, Workers workers) {
        return new HookStarter(HookWrapper.find(host), workers);
    }

    /** Without the wrapper, as on a machine without perl. */
    public static HookStarter withoutWrapper(Workers workers) {
        return new HookStarter(Optional.empty(), workers);
    }

    /** Starts the hook; the process, or the outcome of an exec that failed at once. */
    public HookProcess start(HookLaunch launch) throws IOException {
        return wrapper.isPresent() ? WrappedHookProcess.start(launch, wrapper.get(), workers)
                : PlainHookProcess.start(launch, workers);
    }
}
