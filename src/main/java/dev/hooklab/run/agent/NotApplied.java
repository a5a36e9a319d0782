package dev.hooklab.run.agent;

/**
 * Something the agent would do on the instance that hooklab did not do in the sandbox.
 *
 * @param command the agent's command (chown, setfacl, semanage, copy)
 * @param path    the instance path it concerns
 * @param reason  why not, and what the agent would do (its exact command line where it runs one)
 */
public record NotApplied(String command, String path, String reason) {
}
