/**
 * Explains a failed deployment from what the user copied: the agent's message from the CodeDeploy console,
 * an excerpt of {@code codedeploy-agent.log} or {@code scripts.log}, or a bare on-instance path.
 *
 * <p>{@link dev.hooklab.explain.ErrorReader} recognises the text ({@link dev.hooklab.explain.Recognized}: the
 * kind of failure, the path and the ids in it, the location, event, exit code or timeout);
 * {@link dev.hooklab.explain.Explainer} matches it against an optional {@link dev.hooklab.inspect.Inspection} of
 * the revision and says in words what happened and what to change ({@link dev.hooklab.explain.Explanation}).
 * Plain objects only, nothing printed: the command line and the window present them.
 */
package dev.hooklab.explain;
