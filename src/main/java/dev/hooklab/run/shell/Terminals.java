package dev.hooklab.run.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desktop's terminal emulator: {@code $TERMINAL} when set, else the first of the usual ones on the PATH
 * (Debian's {@code x-terminal-emulator} first: it is the one the user chose), and how each takes a command to run.
 * None is found without a display ({@code DISPLAY} or {@code WAYLAND_DISPLAY}).
 */
public final class Terminals {
    /** How a terminal emulator is told what to run. */
    public enum Style {
        /** {@code xterm -e program args...} */
        DASH_E,
        /** {@code xfce4-terminal -x program args...} */
        DASH_X,
        /** {@code gnome-terminal -- program args...} */
        DOUBLE_DASH,
        /** {@code kitty program args...} */
        PLAIN,
        /** {@code wezterm start -- program args...} */
        START,
        /** {@code tilix -e 'one command line'} */
        LINE_E
    }

    /** The known terminals, in the order they are looked for. */
    static final Map<String, Style> KNOWN = known();

    private final Map<String, String> env;

    /** @param env this process's environment ({@code PATH}, {@code TERMINAL}, {@code DISPLAY}, ...) */
    public Terminals(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * A terminal emulator found here.
     *
     * @param name    its name ({@code gnome-terminal}, ...)
     * @param program the program and any arguments {@code $TERMINAL} gave
     */
    public record Terminal(String name, List<String> program, Style style) {

        public Terminal {
            program = List.copyOf(program);
        }

        /** The command line that opens this terminal running {@code command}. */
        public List<String> wrap(List<String> command) {
            List<String> argv = new ArrayList<>(program);
            switch (style) {
                case DASH_E -> argv.add("-e");
                case DASH_X -> argv.add("-x");
                case DOUBLE_DASH -> argv.add("--");
                case START -> argv.addAll(List.of("start", "--"));
                case PLAIN -> { }
                case LINE_E -> {
                    argv.addAll(List.of("-e", ShellWords.line(command)));
                    return argv;
                }
            }
            argv.addAll(command);
            return argv;
        }
    }

    /** The terminal to open, if this desktop has one. */
    public Optional<Terminal> find() {
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        String chosen = env.get("TERMINAL");
        if (!blank(chosen)) {
            List<String> words = List.of(chosen.trim().split("\\s+"));
            Optional<Path> program = onPath(words.get(0));
            if (program.isPresent()) {
                String name = Path.of(words.get(0)).getFileName().toString();
                List<String> argv = new ArrayList<>(words);
                argv.set(0, program.get().toString());
                return Optional.of(new Terminal(name, argv, KNOWN.getOrDefault(name, Style.DASH_E)));
            }
        }
        for (Map.Entry<String, Style> known : KNOWN.entrySet()) {
            Optional<Path> program = onPath(known.getKey());
            if (program.isPresent()) {
                return Optional.of(new Terminal(known.getKey(), List.of(program.get().toString()), known.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Why {@link #find} finds nothing, in one sentence for the user. */
    public String whyNone() {
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no terminal can open.";
        }
        return "No terminal emulator was found: set TERMINAL, or install one of "
                + String.join(", ", KNOWN.keySet()) + ".";
    }

    /** A terminal known by {@code name} running {@code program}; for tests and for callers that know better. */
    public static Terminal of(String name, Path program) {
        return new Terminal(name, List.of(program.toString()), KNOWN.getOrDefault(name, Style.DASH_E));
    }

    private Optional<Path> onPath(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Map<String, Style> known() {
        Map<String, Style> known = new LinkedHashMap<>();
        known.put("x-terminal-emulator", Style.DASH_E);
        known.put("gnome-terminal", Style.DOUBLE_DASH);
        known.put("konsole", Style.DASH_E);
        known.put("xfce4-terminal", Style.DASH_X);
        known.put("mate-terminal", Style.DASH_X);
        known.put("terminator", Style.DASH_X);
        known.put("tilix", Style.LINE_E);
        known.put("kitty", Style.PLAIN);
        known.put("alacritty", Style.DASH_E);
        known.put("wezterm", Style.START);
        known.put("foot", Style.PLAIN);
        known.put("lxterminal", Style.LINE_E);
        known.put("urxvt", Style.DASH_E);
        known.put("xterm", Style.DASH_E);
        return java.util.Collections.unmodifiableMap(known);
    }
}
