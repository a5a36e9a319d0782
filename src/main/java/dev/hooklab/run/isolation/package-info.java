/**
 * Keeping a hook inside its sandbox: the sandbox's mounts at the instance's real paths
 * ({@link dev.hooklab.run.isolation.SandboxMounts}) and how a hook is confined,
 * {@link dev.hooklab.run.isolation.BubblewrapIsolation} (namespaces, seccomp, a process limit) or
 * {@link dev.hooklab.run.isolation.NoIsolation}, chosen by {@link dev.hooklab.run.isolation.IsolationProbe}.
 */
package dev.hooklab.run.isolation;
