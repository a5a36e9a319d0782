package dev.hooklab.ui.run.sandbox;

import dev.hooklab.run.isolation.BubblewrapIsolation;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.isolation.SandboxMounts;

/** The isolation of a run in words: what hooks can see and write, and whether they reach the network. */
final class IsolationWords {

    private IsolationWords() {
    }

    static String describe(Isolation isolation, SandboxMounts mounts) {
        String roots = String.join(", ", mounts.instanceRoots());
        if (isolation.name().equals("none")) {
            return "Isolation none: absolute paths reach this machine. Hooks run straight on this machine as "
                    + System.getProperty("user.name") + ", from the sandbox folder; " + roots
                    + ", /etc and every other absolute path in a script are this machine's own files, not the "
                    + "sandbox's. Background processes a hook starts keep running here.";
        }
        boolean network = isolation instanceof BubblewrapIsolation bwrap && bwrap.network();
        return "Isolation bubblewrap: hooks see the sandbox at the instance's own paths (" + roots
                + "), and may write there only; the rest of this machine is read-only, /tmp is private and /run "
                + "empty; " + (network ? "network on" : "no network")
                + ". Everything a hook starts ends with it (its own process namespace).";
    }
}
