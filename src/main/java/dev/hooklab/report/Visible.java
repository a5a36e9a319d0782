package dev.hooklab.report;

/**
 * Control characters from a revision made visible: a file name or an AppSpec value can hold ESC, NUL or a
 * line break, which would recolour a terminal that prints the report, be invalid in HTML, or split a table
 * row. Every control character but the tab (C0, DEL and C1) is shown as {@code \x1b} or {@code \u009b}.
 */
final class Visible {
    private Visible() {
    }

    /** The text with control characters escaped; line breaks are kept when {@code keepLineBreaks}. */
    static String controls(String text, boolean keepLineBreaks) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (keepLineBreaks && (c == '\n' || c == '\r')) {
                b.append(c);
            } else {
                appendChar(b, c);
            }
        }
        return b.toString();
    }

    /** Appends one character, escaped when it is a control character. */
    static void appendChar(StringBuilder b, char c) {
        if (!control(c)) {
            b.append(c);
        } else if (c < 0x80) {
            b.append(String.format("\\x%02x", (int) c));
        } else {
            b.append(String.format("\\u%04x", (int) c));
        }
    }

    static boolean control(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }
}
