package dev.hooklab.run;

import dev.hooklab.run.process.ExecError;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.List;

/**
 * The agent's checks before it runs a script ({@code HookExecutor#execute}): the file must exist
 * (symlinks followed), and a file that is not executable gets {@code chmod +x} (user, group and
 * other) with a warning in the agent's log. Everything goes through {@link ScriptFiles}, so it stays
 * inside the sandbox: a location or link that leads to this machine's own file is reported, not touched.
 */
final class ScriptPreflight {
    private final ScriptFiles files;

    ScriptPreflight(ScriptFiles files) {
        this.files = files;
    }

    /**
     * @param failure       how the script ends without being started, or null when it may run
     * @param exitCode      the exit code the agent would see for that failure, or null
     * @param agentMessage  the agent's message for the failure
     * @param agentWarnings the warnings the agent logs
     * @param notes         hooklab's explanations of the failure
     * @param shebang       the script's first line as it was before the hook ran
     */
    record Verdict(ScriptStatus failure, Integer exitCode, String agentMessage, List<String> agentWarnings,
                   List<String> notes, ShebangCheck shebang) {
        boolean passed() {
            return failure == null;
        }
    }

    Verdict check(ScriptInvocation call) {
        ScriptAgentMessages messages = new ScriptAgentMessages(call.location(), call.runas());
        ScriptFile file = files.find(call.instancePath());
        ShebangCheck shebang = file.kind() == ScriptFile.Kind.FILE ? ShebangCheck.of(file.head()) : ShebangCheck.none();
        String via = file.resolvedPath().equals(call.instancePath()) ? ""
                : " (through a symbolic link, it leads to " + file.resolvedPath() + ")";
        switch (file.kind()) {
            case MISSING -> {
                return new Verdict(ScriptStatus.MISSING, null, messages.missing(call.instancePath()), List.of(),
                        via.isEmpty() ? List.of() : List.of(call.instancePath() + " exists only as a symbolic link"
                                + via + ", where nothing is."), shebang);
            }
            case OUTSIDE -> {
                return new Verdict(ScriptStatus.FAILED, null, null, List.of(), List.of(outsideNote(call, file, via)),
                        shebang);
            }
            case SPECIAL -> {
                return special(call, file, messages, shebang);
            }
            default -> {
            }
        }
        if (file.executable()) {
            return new Verdict(null, null, null, List.of(), List.of(), shebang);
        }
        List<String> warnings = List.of(messages.notExecutable());
        try {
            files.makeExecutable(file);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : e.getClass().getSimpleName();
            return new Verdict(ScriptStatus.FAILED, null, messages.cannotMakeExecutable(), warnings,
                    List.of("hooklab did not change " + file.resolvedPath() + " (" + reason + "): it changes the"
                            + " script only inside the sandbox and never through a symbolic link."), shebang);
        }
        return new Verdict(null, null, null, warnings, List.of(), shebang);
    }

    /**
     * Whether the path the agent executes, resolved in the sandbox as written (where a symbolic link before a
     * {@code ..} leads elsewhere than the normalised path), reaches the file the checks looked at.
     */
    boolean reachesCheckedFile(ScriptInvocation call) {
        if (call.commandPath().equals(call.instancePath())) {
            return true;
        }
        ScriptFile asWritten = files.find(call.commandPath());
        ScriptFile checked = files.find(call.instancePath());
        return asWritten.kind() == checked.kind() && asWritten.resolvedPath().equals(checked.resolvedPath());
    }

    private static String outsideNote(ScriptInvocation call, ScriptFile file, String via) {
        return "location " + call.location() + " reaches " + call.instancePath() + via + ", outside the sandbox:"
                + " on this machine that is its own " + file.resolvedPath() + ". On an instance the agent would run"
                + " chmod +x on that file (\"" + new ScriptAgentMessages(call.location(), call.runas()).notExecutable()
                + "\") and execute it. hooklab neither changed nor ran it, and counts the script as failed."
                + " Ship the script in the revision and give its path relative to the revision root.";
    }

    /**
     * A FIFO, socket or device: the agent finds it ({@code File.exist?}), makes it executable and spawns it, and
     * exec refuses a file that is not regular (EACCES). The answer comes from who execs it, as for a directory:
     * Ruby's spawn itself, su's shell (exit 126) or sudo (exit 1). hooklab never opens or runs it.
     */
    private static Verdict special(ScriptInvocation call, ScriptFile file, ScriptAgentMessages messages,
                                   ShebangCheck shebang) {
        List<String> warnings = List.of();
        String note = call.instancePath() + via(call, file) + " is " + file.special() + ", not a regular file: on an"
                + " instance the agent finds it and execs it, and exec refuses a file that is not regular (Permission"
                + " denied). hooklab neither opened nor ran it (a FIFO blocks whoever opens it).";
        if (call.runas() != null) {
            return new Verdict(ScriptStatus.FAILED, 126, messages.exitCode(126), warnings, List.of(note), shebang);
        }
        if (call.sudo()) {
            return new Verdict(ScriptStatus.FAILED, 1, messages.exitCode(1), warnings, List.of(note), shebang);
        }
        return new Verdict(ScriptStatus.SPAWN_ERROR, null, messages.execError(new ExecError(13, "EACCES",
                "Permission denied"), call.commandPath()), warnings, List.of(note), shebang);
    }

    private static String via(ScriptInvocation call, ScriptFile file) {
        return file.resolvedPath().equals(call.instancePath()) ? "" : " (a link to " + file.resolvedPath() + ")";
    }
}
