package dev.hooklab.app;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.YamlLimits;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.cli.Cli;
import dev.hooklab.diagnose.rules.Diagnoser;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.Planner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Properties;

/** The composition root: the one place that builds hooklab's objects and hands them to the CLI or the window. */
public final class Hooklab {
    private final String version;
    private final Inspector inspector;

    private Hooklab(String version, Inspector inspector) {
        this.version = version;
        this.inspector = inspector;
    }

    public static Hooklab create() {
        Inspector inspector = new Inspector(new BundleReader(), new AppSpecParser(YamlLimits.defaults()), new Planner(),
                new Diagnoser(), new SecureRandom());
        return new Hooklab(readVersion(), inspector);
    }

    public String version() {
        return version;
    }

    public Inspector inspector() {
        return inspector;
    }

    public Cli cli() {
        return new Cli(inspector, version, List.of());
    }

    int commandLine(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return cli().execute(args, out, err);
    }

    private static String readVersion() {
        try (InputStream in = Hooklab.class.getResourceAsStream("/dev/hooklab/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
