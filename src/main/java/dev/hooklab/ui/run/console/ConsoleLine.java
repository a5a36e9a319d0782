package dev.hooklab.ui.run.console;

import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;

/**
 * A line as the console keeps it: only what it shows.
 *
 * @param channel      stdout or stderr
 * @param text         the line (a giant line already cut, with the engine's marker)
 * @param afterTimeout whether it came after the timeout's SIGTERM (the agent would have lost it)
 */
public record ConsoleLine(OutputChannel channel, String text, boolean afterTimeout) {

    public static ConsoleLine of(OutputLine line) {
        return new ConsoleLine(line.channel(), line.text(), line.afterTimeout());
    }

    public boolean stderr() {
        return channel == OutputChannel.STDERR;
    }
}
