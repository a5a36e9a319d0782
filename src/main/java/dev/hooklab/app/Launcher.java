package dev.hooklab.app;

import dev.hooklab.cli.Cli;

/**
 * The plain entry point of {@code java -jar hooklab.jar}: a subcommand or an option runs the command
 * line; nothing (or a file) opens the window. It does not extend Application, so the jar starts on the
 * class path without "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.wants(args)) {
            System.exit(Hooklab.create().commandLine(args));
        }
        DesktopApp.launchWith(args);
    }
}
