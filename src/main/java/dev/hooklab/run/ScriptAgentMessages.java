package dev.hooklab.run;

import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.process.ExecError;

/**
 * The agent's messages about one script ({@code hook_executor.rb}), word for word.
 *
 * @param location the location as written in the AppSpec
 * @param runas    the AppSpec's {@code runas}, or null (adds {@code run as user <user>} to failures)
 */
record ScriptAgentMessages(String location, String runas) {

    private String prefix() {
        return "Script at specified location: " + location + (runas == null ? "" : " run as user " + runas);
    }

    String missing(String instancePath) {
        return "Script does not exist at specified location: " + instancePath;
    }

    String notExecutable() {
        return "Script at specified location: " + location + " is not executable.  Trying to make it executable.";
    }

    String cannotMakeExecutable() {
        return "Unable to set script at specified location: " + location + " as executable";
    }

    /** A non-zero exit; null (death by a signal) leaves nothing after "exit code ", as Ruby's nil.to_s. */
    String exitCode(Integer code) {
        return prefix() + " failed with exit code " + (code == null ? "" : code);
    }

    String execError(ExecError error, String program) {
        return prefix() + " failed with error Errno::" + error.name() + " with message " + error.rubyMessage(program);
    }

    String timedOut(int seconds) {
        return "Script at specified location: " + location + " failed to complete in " + seconds + " seconds";
    }

    String leftOpen(OutputChannel channel) {
        return "Script at specified location: " + location + " failed to close " + channel.name();
    }
}
