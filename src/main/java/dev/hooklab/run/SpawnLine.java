package dev.hooklab.run;

import java.util.ArrayList;
import java.util.List;

/**
 * How Ruby's {@code spawn} (behind the agent's {@code Open3.popen3(env, command)}) runs one command
 * string: with a shell metacharacter, or an {@code =} in the first word, through
 * {@code /bin/sh -c}; otherwise split on spaces and tabs and executed directly, so a path with a
 * space breaks into several words. (Ruby also sends a first word that is a shell builtin such as
 * {@code exit} to the shell; the agent's commands start with a path, {@code sudo} or {@code su}.)
 *
 * @param argv     the words to execute
 * @param viaShell whether Ruby hands the string to {@code /bin/sh -c}
 */
record SpawnLine(List<String> argv, boolean viaShell) {
    private static final String METACHARACTERS = "*?{}[]<>()~&|\\$;'`\"\n#";

    static SpawnLine of(String command) {
        if (needsShell(command)) {
            return new SpawnLine(List.of("/bin/sh", "-c", command), true);
        }
        List<String> words = new ArrayList<>();
        for (String word : command.split("[ \t]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return new SpawnLine(List.copyOf(words), false);
    }

    static boolean needsShell(String command) {
        boolean inFirstWord = true;
        boolean started = false;
        for (char c : command.toCharArray()) {
            if (METACHARACTERS.indexOf(c) >= 0) {
                return true;
            }
            if (c == ' ' || c == '\t') {
                inFirstWord = !started;
            } else {
                started = true;
                if (inFirstWord && c == '/') {
                    inFirstWord = false; // a path: Ruby stops looking for an assignment
                } else if (inFirstWord && c == '=') {
                    return true;
                }
            }
        }
        return false;
    }

    /** The program Ruby names in an exec error ({@code No such file or directory - <program>}). */
    String program() {
        return argv.isEmpty() ? "" : argv.get(0);
    }
}
