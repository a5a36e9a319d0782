package dev.hooklab.run.output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's in-memory log tail for one lifecycle event ({@code ScriptLog#append_to_log}), sent
 * to the service with a failure: it keeps the last entries that fit in about 2048 characters.
 * The loop is reproduced with its quirks: it compares against the entry one further back than it
 * counts (so the tail can exceed 2048 slightly), and a single entry of 2048 characters or more
 * empties the tail completely. Lengths are in characters (code points), as Ruby counts them.
 * <p>
 * Entries are kept raw and the loop is replayed over the last few thousand when the tail is asked
 * for: the loop only ever looks back as far as 2048 characters reach, so that gives the same tail,
 * and a hook printing millions of lines costs no text decoding per line.
 */
final class LogTail {
    private static final int BUFFER = 2048;
    /** Far more entries than 2048 characters can hold (an output entry is at least "[stdout]"). */
    private static final int WINDOW = 4096;

    private record Entry(String text, long length) {
    }

    private final ArrayDeque<Object> raw = new ArrayDeque<>();

    /** Appends an entry whose full text is known. */
    synchronized void append(String text) {
        keep(text);
    }

    /** Appends an output line; its text is decoded only if the tail is asked for while it is still in the window. */
    synchronized void append(CapturedLine line) {
        keep(line);
    }

    private void keep(Object entry) {
        raw.addLast(entry);
        if (raw.size() > WINDOW) {
            raw.removeFirst();
        }
    }

    synchronized String text() {
        List<Entry> entries = new ArrayList<>();
        for (Object o : raw) {
            Entry e = o instanceof CapturedLine line ? entry(line) : entry((String) o);
            entries.add(e);
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
        StringBuilder joined = new StringBuilder();
        entries.forEach(entry -> joined.append(entry.text()));
        return joined.toString();
    }

    private static Entry entry(String text) {
        return new Entry(text, text.codePointCount(0, text.length()));
    }

    /** {@code [stdout]<line>\n}; a giant line counts its full length (and so empties the tail, as in the agent). */
    private static Entry entry(CapturedLine line) {
        String text = "[" + line.channel().label() + "]" + line.text() + (line.newline() ? "\n" : "");
        return line.giant() ? new Entry(text, line.bytes()) : entry(text);
    }
}
