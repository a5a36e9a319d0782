package dev.hooklab.run;

import java.io.IOException;

/**
 * The hook script's file as hooklab looks at it and changes it on the agent's behalf (its existence check,
 * {@code File.executable?}, {@code chmod +x} and a look at its first line). Implemented over the sandbox's
 * instance tree ({@code dev.hooklab.run.agent.SandboxScriptFiles}): paths resolve inside the sandbox as a
 * chroot would, and nothing is ever looked at or changed through a link that leads out of it.
 */
public interface ScriptFiles {

    /** What the script's instance path reaches, resolved inside the sandbox; never follows a link out of it. */
    ScriptFile find(String instancePath);

    /**
     * {@code chmod +x} (user, group and other) of a {@link ScriptFile.Kind#FILE} or {@link ScriptFile.Kind#DIRECTORY}
     * that {@link #find} returned, without following a symlink anywhere on its path: a link swapped in since
     * makes this fail instead of changing anything outside the sandbox.
     */
    void makeExecutable(ScriptFile file) throws IOException;
}
