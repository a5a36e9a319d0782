package dev.hooklab.app;

import dev.hooklab.cli.Cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plain entry point of {@code java -jar hooklab.jar}: a subcommand or an option runs the command
 * line; nothing (or an existing file or folder) opens the window. It does not extend Application, so
 * the jar starts on the class path without "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.wants(args)) {
            System.exit(Hooklab.create().commandLine(args));
        }
        if (args.length > 0 && !Files.exists(Path.of(args[0]))) {
            System.err.println("hooklab: '" + args[0] + "' is neither a command (lint, inspect, run) nor a file or "
                    + "folder to open (see hooklab --help)");
            System.exit(Cli.BAD_INPUT);
        }
        try {
            DesktopApp.launchWith(args);
        } catch (RuntimeException | Error e) {
            System.err.println("hooklab: cannot open the window (" + firstLine(e) + "); without a display use the "
                    + "command line, e.g. hooklab lint FILE (see hooklab --help)");
            System.exit(Cli.BAD_INPUT);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
