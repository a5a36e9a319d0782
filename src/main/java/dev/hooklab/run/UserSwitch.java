package dev.hooklab.run;

import dev.hooklab.run.isolation.Isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a hook's {@code runas} and {@code sudo} can be honoured here as the agent
 * (running as root) honours them. They can when hooklab is root outside any user namespace, the
 * user exists and {@code sudo} is installed; otherwise the script runs as the current user and the
 * decision's notes say what an instance would do instead.
 */
public final class UserSwitch {
    private final HostAccounts host;

    public UserSwitch(HostAccounts host) {
        this.host = host;
    }

    /**
     * @param command the effective runas/sudo for the command line
     * @param notes   where this differs from an instance
     */
    record Decision(AgentCommand command, List<String> notes) {
    }

    /** The account hooklab runs as. */
    public String currentUser() {
        return host.currentUser();
    }

    /** The user's login shell when it refuses a session (nologin, false): {@code su <user> -c} then fails. */
    public Optional<String> refusingLoginShell(String user) {
        return host.loginShell(user).filter(HostAccounts::refusesLogin);
    }

    /**
     * Whether something run as a hook with {@code runas} runs can switch to that user here, as the hook would:
     * the user, or empty with the reason in {@code whyNot} (a hook's note, naming what an instance would do).
     */
    public Optional<String> switchTo(String runas, Isolation isolation, List<String> whyNot) {
        Decision decision = decide(runas, false, isolation);
        whyNot.addAll(decision.notes());
        return Optional.ofNullable(decision.command().runas());
    }

    Decision decide(String runas, boolean sudo, Isolation isolation) {
        if (runas == null && !sudo) {
            return new Decision(new AgentCommand(null, false), List.of());
        }
        List<String> notes = new ArrayList<>();
        String me = host.currentUser();
        String blocker = null;
        if (isolation.userNamespace() || host.inUserNamespace()) {
            blocker = "the hook runs in a user namespace, where su and sudo cannot switch users";
        } else if (!host.isRoot()) {
            blocker = "hooklab is not running as root (the agent is), so su and sudo would ask for a password";
        }
        String effectiveRunas = runas;
        if (runas != null) {
            if (blocker != null) {
                notes.add("runas " + runas + " was not honoured: " + blocker + ". The script ran as " + me
                        + "; the agent runs `su " + runas + " -c <path>` (no login shell, so the user's profile"
                        + " and PATH additions are not loaded).");
                effectiveRunas = null;
            } else if (!host.userExists(runas)) {
                notes.add("runas " + runas + " was not honoured: the user does not exist on this machine, so the"
                        + " script ran as " + me + ". On an instance without this user, su fails with"
                        + " `su: user " + runas + " does not exist` and exit code 1.");
                effectiveRunas = null;
            }
        }
        boolean effectiveSudo = sudo;
        if (sudo) {
            String sudoBlocker = blocker != null ? blocker
                    : host.onPath("sudo").isEmpty() ? "sudo is not installed on this machine" : null;
            if (sudoBlocker != null) {
                notes.add("sudo was not honoured: " + sudoBlocker + ". The script ran as " + me + " without sudo;"
                        + " on an instance it runs through sudo, whose env_reset usually removes LIFECYCLE_EVENT,"
                        + " DEPLOYMENT_ID and the other CodeDeploy variables.");
                effectiveSudo = false;
            } else {
                notes.add("sudo: as on an instance, sudo's env_reset may have removed LIFECYCLE_EVENT, DEPLOYMENT_ID"
                        + " and the other CodeDeploy variables before the script saw them.");
            }
        }
        return new Decision(new AgentCommand(effectiveRunas, effectiveSudo), notes);
    }
}
