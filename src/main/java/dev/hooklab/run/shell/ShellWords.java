package dev.hooklab.run.shell;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words written for a POSIX shell: each word reaches the program exactly as given, whatever it holds. */
public final class ShellWords {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_/.,:@%+=-]+");

    private ShellWords() {
    }

    /** {@code word} as the shell reads it back: bare when that is safe, else in single quotes. */
    public static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words as one command line to paste into a shell. */
    public static String line(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
