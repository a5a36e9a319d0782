package dev.hooklab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * The agent's checks before it runs a script ({@code HookExecutor#execute}): the file must exist
 * (symlinks followed), and a file that is not executable gets {@code chmod +x} (user, group and
 * other) with a warning in the agent's log.
 */
final class ScriptPreflight {

    /**
     * @param failure       MISSING or FAILED when the script cannot run, else null
     * @param agentMessage  the agent's message for the failure
     * @param agentWarnings the warnings the agent logs
     */
    record Verdict(ScriptStatus failure, String agentMessage, List<String> agentWarnings) {
        boolean passed() {
            return failure == null;
        }
    }

    Verdict check(ScriptInvocation call) {
        AgentMessages messages = new AgentMessages(call.location(), call.runas());
        Path script = call.hostScript();
        if (!Files.exists(script)) {
            return new Verdict(ScriptStatus.MISSING, messages.missing(call.instancePath()), List.of());
        }
        if (Files.isExecutable(script)) {
            return new Verdict(null, null, List.of());
        }
        List<String> warnings = List.of(messages.notExecutable());
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(script);
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(script, permissions);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new Verdict(ScriptStatus.FAILED, messages.cannotMakeExecutable(), warnings);
        }
        return new Verdict(null, null, warnings);
    }
}
