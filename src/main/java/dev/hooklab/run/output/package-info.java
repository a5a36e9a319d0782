/**
 * A hook's output: pumping its stdout and stderr ({@link dev.hooklab.run.output.OutputPumps}) within
 * the agent's size budget, delivering lines live ({@link dev.hooklab.run.output.OutputListener}) and
 * writing them to {@code scripts.log} and the deployments log ({@link dev.hooklab.run.output.HookLog}).
 */
package dev.hooklab.run.output;
