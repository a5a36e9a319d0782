package dev.hooklab.diagnose.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots shell lines that start a background process which keeps the hook's stdout or stderr: the
 * agent waits for both pipes to close, so such a hook hangs until its timeout ("failed to close
 * STDOUT"). {@code nohup} does not help: it redirects only when stdout is a terminal. Tracks
 * {@code exec >file 2>&1} lines, which redirect the rest of the script.
 */
final class BackgroundCommand {
    /** A single '&' that sends a command to the background (not &&, >&, &>, |&). */
    private static final Pattern BACKGROUND = Pattern.compile("(?<![&>|<\\\\])&(?![&>])\\s*(?:;|$|\\)|\\})");
    private static final Pattern REDIRECT = Pattern.compile("(&>>?|\\d*>>?&?)\\s*([^\\s;|&]+|&?-)?");

    private boolean outAway;
    private boolean errAway;

    /** The backgrounded command on this line if it leaves stdout or stderr on the hook's pipes, else null. */
    String holdingOutput(String rawLine) {
        String line = stripComment(rawLine).trim();
        if (line.isEmpty()) {
            return null;
        }
        if (line.startsWith("exec ") && !BACKGROUND.matcher(line).find()) {
            boolean[] state = redirects(line.substring(5), outAway, errAway);
            if (line.substring(5).trim().matches("((&>>?|\\d*>>?&?)\\s*\\S+\\s*)+")) {
                outAway = state[0];
                errAway = state[1];
            }
            return null;
        }
        Matcher m = BACKGROUND.matcher(line);
        if (!m.find()) {
            return null;
        }
        String command = lastCommand(line.substring(0, m.start()).trim());
        if (command.isEmpty()) {
            return null;
        }
        boolean[] state = redirects(command, outAway, errAway);
        return state[0] && state[1] ? null : command;
    }

    /** The last command before the '&': a whole ( ... ) or { ... } group, else the text after the last separator. */
    private static String lastCommand(String before) {
        if (before.endsWith(")") || before.endsWith("}")) {
            char close = before.charAt(before.length() - 1);
            char open = close == ')' ? '(' : '{';
            int depth = 0;
            for (int i = before.length() - 1; i >= 0; i--) {
                char c = before.charAt(i);
                if (c == close) {
                    depth++;
                } else if (c == open && --depth == 0) {
                    return before.substring(i);
                }
            }
        }
        int sep = -1;
        int width = 0;
        for (String s : new String[]{"&&", "||", ";"}) {
            int at = before.lastIndexOf(s);
            if (at > sep) {
                sep = at;
                width = s.length();
            }
        }
        return sep >= 0 ? before.substring(sep + width).trim() : before;
    }

    /** Applies the command's redirections in order; returns {stdout away from the pipe, stderr away}. */
    private static boolean[] redirects(String command, boolean outAway, boolean errAway) {
        boolean out = outAway;
        boolean err = errAway;
        Matcher m = REDIRECT.matcher(command);
        while (m.find()) {
            String op = m.group(1);
            String target = m.group(2) == null ? "" : m.group(2);
            if (op.startsWith("&>")) {
                out = true;
                err = true;
                continue;
            }
            String digits = op.replaceAll("[^0-9]", "");
            int fd = digits.isEmpty() ? (op.startsWith("<") ? 0 : 1) : Integer.parseInt(digits);
            boolean dup = op.endsWith("&");
            if (dup && target.equals("1")) {
                if (fd == 2) {
                    err = out;
                }
            } else if (dup && target.equals("2")) {
                if (fd == 1) {
                    out = err;
                }
            } else if (dup && !target.matches("\\d+|-") && digits.isEmpty()) {
                out = true; // >&file sends both
                err = true;
            } else if (fd == 1) {
                out = true;
            } else if (fd == 2) {
                err = true;
            }
        }
        return new boolean[]{out, err};
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
