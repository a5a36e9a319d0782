package dev.hooklab.ui.run.console;

import dev.hooklab.run.RunningHook;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The whole output of one script, as the engine kept it: per channel the spill file when the output outgrew what
 * it keeps in memory, else the text itself.
 *
 * @param title  what it is ({@code AfterInstall: scripts/start.sh})
 * @param stdout standard output
 * @param stderr standard error
 */
public record FullOutput(String title, CapturedOutput stdout, CapturedOutput stderr) {

    public static FullOutput of(ScriptRun run) {
        return new FullOutput(run.event() + ": " + run.location(), run.stdout(), run.stderr());
    }

    /** What a script still running printed up to now (the files it writes to, read as far as they go now). */
    public static FullOutput soFar(String event, RunningHook hook) throws IOException {
        return new FullOutput(event + ": " + hook.location() + " (so far: it is still running)",
                hook.outputSoFar(OutputChannel.STDOUT), hook.outputSoFar(OutputChannel.STDERR));
    }

    /** The file that holds a channel's whole output, or null when it is all in {@link CapturedOutput#text()}. */
    public static Path file(CapturedOutput output) {
        return output.spillFile();
    }

    /** A channel's lines, from its file or its text. */
    public static OutputLines lines(CapturedOutput output) throws IOException {
        return output.spillFile() != null ? OutputLines.index(output.spillFile()) : OutputLines.of(output.text());
    }
}
