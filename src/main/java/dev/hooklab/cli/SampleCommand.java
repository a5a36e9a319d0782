package dev.hooklab.cli;

import dev.hooklab.sample.Sample;
import dev.hooklab.sample.Samples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Write one of hooklab's sample revisions to a folder, or list them.", "",
                "Exit status: 0 written (or listed), 2 unknown name, a folder that is not empty, or bad arguments."})
final class SampleCommand implements Callable<Integer> {
    private final Samples samples;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the samples.")
    boolean list;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The sample's name (see --list).")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "A new or empty folder to write it to.")
    Path dir;

    SampleCommand(Samples samples) {
        this.samples = samples;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Sample s : samples.all()) {
                out.println(String.format("%-18s", s.name()) + s.title() + ": " + s.story());
            }
            out.flush();
            return Cli.OK;
        }
        if (name == null) {
            throw new UserError("give a sample's name and a folder: hooklab sample NAME DIR (hooklab sample --list "
                    + "shows them)");
        }
        Sample s = samples.byName(name).orElseThrow(() -> new UserError("no sample named '" + name
                + "' (hooklab sample --list shows them)"));
        if (dir == null) {
            throw new UserError("give the folder to write " + name + " to: hooklab sample " + name + " DIR");
        }
        try {
            s.materialize(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UserError(dir + ": " + e.getReason() + "; give a new or empty folder");
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write the sample: " + e.getMessage());
        }
        out.println("Wrote " + s.name() + " to " + dir + " (" + s.files().size() + " files)");
        out.flush();
        return Cli.OK;
    }
}
