package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** runas and sudo with real accounts: honoured only where the agent's conditions hold. */
@Tag("process")
class UserSwitchTest {
    @TempDir
    Path dir;

    private final HostAccounts host = new HostAccounts();
    private HookSandbox sandbox;
    private HookRunner runner;

    @BeforeEach
    void setUp() {
        sandbox = new HookSandbox(dir);
        runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), host, sandbox.files());
        sandbox.script("who.sh", "#!/bin/sh\nid -un\nexit 1\n", true);
    }

    @Test
    void aMissingUserRunsAsTheCurrentUserWithTheRunasMessage() throws Exception {
        ScriptRun run = sandbox.run(runner, sandbox.call("who.sh", 10, "hooklab-no-such-user", false));

        assertThat(run.stdout().text()).isEqualTo(host.currentUser() + "\n");
        assertThat(run.command()).isEqualTo("su hooklab-no-such-user -c " + HookSandbox.ARCHIVE + "/who.sh");
        assertThat(run.agentMessage())
                .isEqualTo("Script at specified location: who.sh run as user hooklab-no-such-user failed with exit code 1");
        assertThat(run.notes()).anyMatch(note -> note.contains("runas hooklab-no-such-user was not honoured"));
    }

    @Test
    void asRootAnExistingUserIsSwitchedToWithSuAsTheAgentDoes() throws Exception {
        assumeTrue(host.isRoot() && !host.inUserNamespace(), "needs root");
        assumeTrue(host.userExists("nobody"), "needs the nobody account");

        ScriptRun run = sandbox.run(runner, sandbox.call("who.sh", 10, "nobody", false));

        // su runs the path through nobody's login shell; where that is nologin, the hook fails as on an instance
        assertThat(run.notes()).noneMatch(note -> note.contains("was not honoured"));
        assertThat(run.agentMessage()).startsWith("Script at specified location: who.sh run as user nobody failed");
    }

    @Test
    void withoutRootRunasIsNotHonoured() throws Exception {
        assumeFalse(host.isRoot(), "needs an ordinary user");

        ScriptRun run = sandbox.run(runner, sandbox.call("who.sh", 10, "root", false));

        assertThat(run.notes()).anyMatch(note -> note.contains("not running as root"));
    }

    @Test
    void sudoThatCannotBeHonouredIsDroppedWithANote() throws Exception {
        assumeTrue(!host.isRoot() || host.onPath("sudo").isEmpty(), "sudo would be honoured here");

        ScriptRun run = sandbox.run(runner, sandbox.call("who.sh", 10, null, true));

        assertThat(run.command()).startsWith("sudo /");
        assertThat(run.stdout().text()).isEqualTo(host.currentUser() + "\n");
        assertThat(run.notes()).anyMatch(note -> note.startsWith("sudo was not honoured"));
        assertThat(run.agentMessage()).isEqualTo("Script at specified location: who.sh failed with exit code 1");
    }
}
