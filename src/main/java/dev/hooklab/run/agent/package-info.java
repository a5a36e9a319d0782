/**
 * The CodeDeploy agent's own steps in a sandbox: the DownloadBundle marker and the Install step, exactly as
 * the agent 1.8.x does them on an instance (agent-behaviour.md §2.2, §2.3, §7).
 *
 * <p>{@link dev.hooklab.run.agent.SandboxTree} is the instance's file tree inside the sandbox folder (instance
 * path {@code /x/y} is {@code SANDBOX/x/y}; symlinks are read and resolved inside the sandbox, never followed
 * by this machine); {@link dev.hooklab.run.agent.SandboxWrites} makes every change in it.
 * {@link dev.hooklab.run.agent.AgentInstall} runs Install: AppSpec, previous cleanup, plan
 * ({@link dev.hooklab.plan.InstallPlanner}), {@code <dg-id>-install.json}, the instructions with the new
 * {@code <dg-id>-cleanup}, {@code <dg-id>_last_successful_install}, and reports an
 * {@link dev.hooklab.run.agent.InstallResult}: the agent's message when it fails, what was done, what the
 * sandbox did not apply and why.
 *
 * <pre>{@code
 * SandboxTree tree = new SandboxTree(sandboxDir);
 * SandboxWrites writes = new SandboxWrites(tree);
 * DeploymentLayout layout = new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT, groupId, "d-AB1CDEF23");
 *
 * // DownloadBundle: extract into tree.hostPath(layout.archiveDir()), then
 * new DeploymentInstructions(writes, layout).writeMostRecentInstall();
 *
 * // Install
 * AgentInstall install = new AgentInstall(writes, new LocalInstallHost(new HostAccounts()));
 * InstallResult result = install.install(layout, appSpecFileName, fileExistsBehaviorOrNull);
 * if (!result.succeeded()) console.error(result.message());
 * result.notApplied().forEach(n -> console.note(n.command() + " " + n.path() + ": " + n.reason()));
 * }</pre>
 */
package dev.hooklab.run.agent;
