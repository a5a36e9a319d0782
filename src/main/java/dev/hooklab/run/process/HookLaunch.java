package dev.hooklab.run.process;

import dev.hooklab.run.RunLimits;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.output.OutputListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one hook process.
 *
 * @param argv           the command's words in the hook's view of paths
 * @param environment    the script's environment
 * @param timeoutSeconds the deadline this run enforces
 * @param runDir         hooklab's folder for this run (spill files), with {@code control/}, the launch's private folder
 *                       (the wrapper reports over a socket, not through it)
 * @param name           a short name for threads
 */
public record HookLaunch(SandboxMounts mounts, Isolation isolation, List<String> argv, Map<String, String> environment,
                  int timeoutSeconds, RunLimits limits, Path runDir, HookLog log, OutputListener listener,
                  String name) {

    public Path controlDir() {
        return runDir.resolve("control");
    }
}
