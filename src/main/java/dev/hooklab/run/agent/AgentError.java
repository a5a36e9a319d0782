package dev.hooklab.run.agent;

import java.io.IOException;

/** The error the agent raises during Install; its message is the one the deployment fails with. */
final class AgentError extends Exception {
    private static final long serialVersionUID = 1L;

    AgentError(String agentMessage) {
        super(agentMessage, null, false, false);
    }

    /** The Errno error of a failed system call on an instance path. */
    static AgentError errno(IOException e, String function, String instancePath) {
        return new AgentError(RubyErrno.message(e, function, instancePath));
    }
}
