package dev.hooklab.run;

/**
 * The one command string the agent builds for a hook script on Linux
 * ({@code LinuxUtil.prepare_script_command}): {@code <path>}, {@code sudo <path>},
 * {@code su <user> -c <path>} or {@code sudo su <user> -c <path>}; the path is not quoted.
 *
 * @param runas the AppSpec's {@code runas}, or null
 * @param sudo  the AppSpec's {@code sudo}
 */
record AgentCommand(String runas, boolean sudo) {

    String forPath(String path) {
        String command = runas == null ? path : "su " + runas + " -c " + path;
        return sudo ? "sudo " + command : command;
    }
}
