package dev.hooklab.run.process;

import dev.hooklab.run.output.OutputChannel;

/**
 * A process that still held a hook's output after the script itself had exited.
 *
 * @param channel the output it held open
 * @param process the holder
 */
public record OutputHolder(OutputChannel channel, ProcessRef process) {
}
