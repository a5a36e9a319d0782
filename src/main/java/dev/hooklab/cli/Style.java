package dev.hooklab.cli;

import dev.hooklab.finding.Severity;

/** ANSI colours for terminal output, off when the output is not a terminal or NO_COLOR is set. */
final class Style {
    private final boolean on;

    Style(boolean on) {
        this.on = on;
    }

    static Style forTerminal() {
        return new Style(System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM")));
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String cyan(String s) {
        return wrap("36", s);
    }

    String severity(Severity s) {
        return switch (s) {
            case ERROR -> wrap("1;31", "error");
            case WARNING -> wrap("1;33", "warning");
            case INFO -> wrap("1;36", "info");
        };
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
