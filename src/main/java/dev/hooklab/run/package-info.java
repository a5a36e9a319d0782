/**
 * Running hook scripts the way the CodeDeploy agent runs them, one script at a time, in a sandbox.
 *
 * <p>A sandbox is a folder that mirrors the instance ({@link dev.hooklab.run.isolation.SandboxMounts}).
 * {@link dev.hooklab.run.HookRunner} runs one {@link dev.hooklab.run.ScriptInvocation} in it, under
 * an {@link dev.hooklab.run.isolation.Isolation} ({@link dev.hooklab.run.isolation.BubblewrapIsolation} on Linux, else
 * {@link dev.hooklab.run.isolation.NoIsolation}; {@link dev.hooklab.run.isolation.IsolationProbe} chooses), and reports a
 * {@link dev.hooklab.run.ScriptRun}: status, exit code or signal, output, the agent's exact message,
 * and notes wherever the sandbox differs from an instance. Output reaches an
 * {@link dev.hooklab.run.output.OutputListener} live and {@code scripts.log} through a
 * {@link dev.hooklab.run.output.HookLog}, one per lifecycle event.
 *
 * <pre>{@code
 * SandboxMounts mounts = SandboxMounts.of(sandboxDir, List.of("/var/app/current"));
 * HostAccounts host = new HostAccounts();
 * Isolation isolation = new IsolationProbe(host).choose("auto", false);
 * HookRunner runner = new HookRunner(mounts, isolation, RunLimits.defaults().withMaxTimeout(300), host);
 * HookEnvironment env = new HookEnvironment(layout, "shop", "shop-prod", Map.of());
 * try (HookLog log = HookLog.open(mounts.hostPath(layout.scriptsLog()))) {
 *     log.lifecycleEvent("AfterInstall");
 *     for (PlannedScript planned : event.scripts()) {
 *         ScriptRun run = runner.run(ScriptInvocation.of(planned, mounts), env, log, console::append);
 *         if (!run.succeeded()) break; // the agent stops the event at the first failure
 *     }
 * }
 * }</pre>
 *
 * <p>Processes are started through a small Perl wrapper ({@code hook-wrapper.pl}) that reports what
 * Java cannot see (exit code versus signal, exec errors, the pipes' holders); without perl a plainer
 * start is used and its results say what it could not tell.
 */
package dev.hooklab.run;
