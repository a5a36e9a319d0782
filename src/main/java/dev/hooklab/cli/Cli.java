package dev.hooklab.cli;

import dev.hooklab.explain.Explainer;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.sample.Samples;
import dev.hooklab.run.session.SessionBuilder;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Set;

/**
 * The command line: {@code hooklab lint|inspect|run|explain|sample}. Exit status 0, 1 (the deployment would fail) or 2
 * (unreadable input or wrong arguments, reported as one line on stderr, never a stack trace).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int DEPLOYMENT_FAILS = 1;
    public static final int BAD_INPUT = 2;

    private static final Set<String> COMMANDS = Set.of("lint", "inspect", "run", "explain", "sample", "help");

    private final Inspector inspector;
    private final SessionBuilder sessions;
    private final DeploymentIds ids;
    private final String version;

    /** @param ids draws the deployment id when {@code --deployment-id} is not given */
    public Cli(Inspector inspector, SessionBuilder sessions, DeploymentIds ids, String version) {
        this.inspector = inspector;
        this.sessions = sessions;
        this.ids = ids;
        this.version = version;
    }

    /** Whether these arguments are for the command line rather than the window. */
    public static boolean wants(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].startsWith("-"));
    }

    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, System.in, out, err);
    }

    /** Runs the command line with {@code in} as its standard input ({@code hooklab explain -}). */
    public int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new HooklabCommand());
        cl.getCommandSpec().version("hooklab " + version);
        cl.addSubcommand("lint", new LintCommand(inspector, ids, version));
        cl.addSubcommand("inspect", new InspectCommand(inspector, ids));
        cl.addSubcommand("run", new RunCommand(inspector, sessions, ids));
        cl.addSubcommand("explain", new ExplainCommand(inspector, ids, new Explainer(), in));
        cl.addSubcommand("sample", new SampleCommand(new Samples()));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            String cmd = ex.getCommandLine().getCommandName();
            err.println("hooklab: " + ex.getMessage() + " (see hooklab " + ("hooklab".equals(cmd) ? "" : cmd + " ")
                    + "--help)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError) {
                err.println("hooklab: " + Flags.fill(ex.getMessage()));
            } else {
                err.println("hooklab: internal error: " + ex + " (please report it; set HOOKLAB_DEBUG=1 for details)");
                if (System.getenv("HOOKLAB_DEBUG") != null) {
                    ex.printStackTrace(err);
                }
            }
            err.flush();
            return BAD_INPUT;
        });
        return cl.execute(args);
    }
}
