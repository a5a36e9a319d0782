package dev.hooklab.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The agent's in-memory log tail for one lifecycle event ({@code ScriptLog#append_to_log}), sent
 * to the service with a failure: it keeps the last entries that fit in about 2048 characters.
 * The loop is reproduced with its quirks: it compares against the entry one further back than it
 * counts (so the tail can exceed 2048 slightly), and a single entry of 2048 characters or more
 * empties the tail completely. Lengths are in characters (code points), as Ruby counts them.
 */
final class LogTail {
    private static final int BUFFER = 2048;

    private record Entry(String text, long length) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Appends an entry whose full text is known. */
    synchronized void append(String text) {
        append(text, text.codePointCount(0, text.length()));
    }

    /** Appends an entry of {@code length} characters of which only {@code text} is at hand. */
    synchronized void append(String text, long length) {
        entries.add(new Entry(text, length));
        int index = entries.size();
        long remaining = BUFFER;
        while (index > 0 && remaining - entries.get(index - 1).length() > 0) {
            index--;
            // Ruby's @log[index-1]: index -1 is the last element
            remaining -= entries.get(index == 0 ? entries.size() - 1 : index - 1).length();
        }
        if (index > 0) {
            entries.subList(0, index).clear();
        }
    }

    synchronized String text() {
        StringBuilder joined = new StringBuilder();
        entries.forEach(entry -> joined.append(entry.text()));
        return joined.toString();
    }
}
