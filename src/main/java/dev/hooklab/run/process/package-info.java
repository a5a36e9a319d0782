/**
 * A hook's process tree, entered through {@link dev.hooklab.run.process.HookStarter}: starting the hook through
 * the Perl wrapper
 * ({@link dev.hooklab.run.process.HookWrapper}, {@link dev.hooklab.run.process.WrappedHookProcess}) or
 * plainly ({@link dev.hooklab.run.process.PlainHookProcess}), waiting, signals and timeouts, and what
 * the wrapper reports back: exit code or signal, exec errors, and who still holds the output pipes
 * ({@link dev.hooklab.run.process.ProcessOutcome}).
 */
package dev.hooklab.run.process;
