package dev.hooklab.cli;

/**
 * Text from a revision or a hook made safe for a terminal: a bundle, an AppSpec or a hook's output can
 * hold escape sequences that recolour, move the cursor or retitle the window. Every control character but
 * the tab (C0, DEL and C1) is shown as an escape instead: ESC as {@code \x1b}, U+009B as {@code \u009b}.
 * Used for everything the text output prints that hooklab did not write itself; JSON escapes on its own.
 * The settings an engine message names become their flags ({@link Flags}) on the way.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String engineText) {
        String text = Flags.fill(engineText);
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !control(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: nothing to escape, no copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!control(c)) {
                out.append(c);
            } else if (c < 0x80) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean control(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }
}
