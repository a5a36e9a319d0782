package dev.hooklab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "hooklab", mixinStandardHelpOptions = true,
        description = {"Troubleshoot AWS CodeDeploy revision bundles: where every hook script lands on the instance, "
                + "what the agent would fail on, and a sandboxed run of the hooks.", "",
                "Without a command, hooklab opens its window (hooklab FILE opens it on FILE)."})
final class HooklabCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
