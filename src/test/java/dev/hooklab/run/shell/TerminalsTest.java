package dev.hooklab.run.shell;

import dev.hooklab.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding the desktop's terminal emulator, the command line each one takes, and opening a shell in one. */
class TerminalsTest {
    @TempDir
    Path tmp;

    private static final List<String> COMMAND = List.of("/usr/bin/env", "A=b c", "/bin/sh", "-c", "echo 'hi'");

    private Path program(Path dir, String name, String body) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void eachTerminalIsToldWhatToRunItsOwnWay() {
        Path bin = Path.of("/usr/bin");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("x-terminal-emulator", List.of("-e")),
                Map.entry("gnome-terminal", List.of("--")),
                Map.entry("konsole", List.of("-e")),
                Map.entry("xfce4-terminal", List.of("-x")),
                Map.entry("mate-terminal", List.of("-x")),
                Map.entry("terminator", List.of("-x")),
                Map.entry("kitty", List.of()),
                Map.entry("alacritty", List.of("-e")),
                Map.entry("wezterm", List.of("start", "--")),
                Map.entry("foot", List.of()),
                Map.entry("urxvt", List.of("-e")),
                Map.entry("xterm", List.of("-e")),
                Map.entry("some-new-terminal", List.of("-e")));
        expected.forEach((name, words) -> {
            List<String> argv = Terminals.of(name, bin.resolve(name)).wrap(COMMAND);
            List<String> whole = new java.util.ArrayList<>(List.of(bin.resolve(name).toString()));
            whole.addAll(words);
            whole.addAll(COMMAND);
            assertThat(argv).as(name).isEqualTo(whole);
        });
        for (String name : List.of("tilix", "lxterminal")) { // -e takes one command line
            assertThat(Terminals.of(name, bin.resolve(name)).wrap(COMMAND)).containsExactly(bin.resolve(name).toString(),
                    "-e", "/usr/bin/env 'A=b c' /bin/sh -c 'echo '\\''hi'\\'''");
        }
    }

    @Test
    void theUsersTerminalComesFirstThenTheFirstKnownOneOnThePath() throws Exception {
        Path bin = tmp.resolve("bin");
        Path xterm = program(bin, "xterm", "#!/bin/sh\n");
        Path kitty = program(bin, "kitty", "#!/bin/sh\n");
        Files.createDirectories(bin.resolve("konsole")); // a folder is not a program
        Map<String, String> env = Map.of("PATH", tmp.resolve("none") + ":" + bin, "DISPLAY", ":0");

        Terminals.Terminal found = new Terminals(env).find().orElseThrow();
        assertThat(found.name()).isEqualTo("kitty");
        assertThat(found.wrap(List.of("sh"))).containsExactly(kitty.toString(), "sh");

        Map<String, String> chosen = Map.of("PATH", bin.toString(), "WAYLAND_DISPLAY", "wayland-0",
                "TERMINAL", "xterm -fa Mono");
        assertThat(new Terminals(chosen).find().orElseThrow().wrap(List.of("sh")))
                .containsExactly(xterm.toString(), "-fa", "Mono", "-e", "sh");

        Map<String, String> missingChoice = Map.of("PATH", bin.toString(), "DISPLAY", ":0", "TERMINAL", "nope");
        assertThat(new Terminals(missingChoice).find().orElseThrow().name()).isEqualTo("kitty");
    }

    @Test
    void noDisplayOrNoTerminalMeansNone() throws Exception {
        Path bin = tmp.resolve("bin");
        program(bin, "xterm", "#!/bin/sh\n");
        Terminals headless = new Terminals(Map.of("PATH", bin.toString()));
        assertThat(headless.find()).isEmpty();
        assertThat(headless.whyNone()).contains("no display");
        Terminals bare = new Terminals(Map.of("PATH", tmp.resolve("empty").toString(), "DISPLAY", ":0"));
        assertThat(bare.find()).isEmpty();
        assertThat(bare.whyNone()).contains("No terminal emulator", "gnome-terminal", "TERMINAL");
    }

    private static ShellCommand command(Path dir) {
        return new ShellCommand("AfterInstall", List.of("/bin/sh", "-c", "echo \"it's here\""), dir, "/opt/codedeploy-agent",
                "bwrap", Map.of("LIFECYCLE_EVENT", "AfterInstall"), List.of(), "banner");
    }

    @Test
    void theOpenerStartsTheTerminalApartWithTheShellsWords() throws Exception {
        Path bin = tmp.resolve("bin");
        Path record = tmp.resolve("args.txt");
        program(bin, "xterm", "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + record + ".part\nmv " + record + ".part " + record
                + "\n");
        ShellOpener opener = new ShellOpener(new Terminals(Map.of("PATH", bin.toString(), "DISPLAY", ":0")));

        ShellOpener.Opened opened = opener.open(command(tmp));

        assertThat(opened).isInstanceOf(ShellOpener.Started.class);
        assertThat(((ShellOpener.Started) opened).terminal()).isEqualTo("xterm");
        assertThat(((ShellOpener.Started) opened).argv()).endsWith("-e", "/bin/sh", "-c", "echo \"it's here\"");
        Await.until("the terminal ran", () -> Files.exists(record));
        assertThat(Files.readAllLines(record)).containsExactly("-e", "/bin/sh", "-c", "echo \"it's here\"");
    }

    @Test
    void withoutATerminalTheOpenerGivesTheLineToPaste() throws Exception {
        ShellOpener opener = new ShellOpener(new Terminals(Map.of("PATH", "/usr/bin:/bin")));
        ShellOpener.Opened opened = opener.open(command(tmp));
        assertThat(opened).isInstanceOf(ShellOpener.ToPaste.class);
        ShellOpener.ToPaste paste = (ShellOpener.ToPaste) opened;
        assertThat(paste.line()).isEqualTo("/bin/sh -c 'echo \"it'\\''s here\"'");
        assertThat(paste.reason()).contains("no display");
        Process sh = new ProcessBuilder("/bin/sh", "-c", paste.line()).start();
        assertThat(new String(sh.getInputStream().readAllBytes()).trim()).isEqualTo("it's here");
    }
}
