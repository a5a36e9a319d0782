package dev.hooklab.run.shell;

import dev.hooklab.TestSessions;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test-only, by hand under Xvfb with a terminal emulator installed: opens "Open a shell here" for AfterInstall after
 * Install in the desktop's terminal, waits, and takes a screenshot of the screen ({@code import -window root}).
 * Arguments: {@code FILE.png [isolation]}.
 */
public final class ShellShot {
    private ShellShot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(Files.createTempDirectory("hooklab-shell-shot-"),
                args.length > 1 ? args[1] : "bwrap", SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            session.runTo(TestSessions.index(session, "Install")).get(60, TimeUnit.SECONDS);
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("AfterInstall");
            ShellOpener.Opened opened = new ShellOpener(new Terminals(System.getenv())).open(shell);
            System.out.println(opened);
            Thread.sleep(4000);
            new ProcessBuilder("import", "-window", "root", out.toString()).inheritIO().start().waitFor();
        }
        System.exit(0);
    }
}
