package dev.hooklab.ui.run.console;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of one whole output, read on demand: a spill file of any size is indexed once (where each line starts:
 * eight bytes a line, nothing of the text) and a line is read from disk when asked for; a small output that never
 * spilled is the engine's text in memory. A line longer than {@link #MAX_SHOWN_CHARS} is shown cut with a marker.
 */
public abstract sealed class OutputLines implements Closeable {
    /** The most characters of one line shown. */
    public static final int MAX_SHOWN_CHARS = 20_000;

    /** How many lines. */
    public abstract int count();

    /** Line {@code index} (0-based), without its newline. */
    public abstract String line(int index);

    /** The lines of a text in memory. */
    public static OutputLines of(String text) {
        return new InMemory(text);
    }

    /** The lines of a file, indexed now (reads the file once). */
    public static OutputLines index(Path file) throws IOException {
        return new OnDisk(file);
    }

    @Override
    public void close() throws IOException {
    }

    static String cut(String text) {
        if (text.length() <= MAX_SHOWN_CHARS) {
            return text;
        }
        return text.substring(0, MAX_SHOWN_CHARS) + " [... " + (text.length() - MAX_SHOWN_CHARS)
                + " more characters in the file]";
    }

    private static final class InMemory extends OutputLines {
        private final List<String> lines;

        InMemory(String text) {
            List<String> split = Arrays.asList(text.split("\n", -1));
            // a final newline ends the last line; it does not start another
            lines = !split.isEmpty() && split.get(split.size() - 1).isEmpty()
                    ? split.subList(0, split.size() - 1) : split;
        }

        @Override
        public int count() {
            return lines.size();
        }

        @Override
        public String line(int index) {
            return cut(lines.get(index));
        }
    }

    private static final class OnDisk extends OutputLines {
        private final FileChannel channel;
        /** Where each line starts, and one past the last line's end. */
        private long[] starts = new long[1024];
        private int count;

        OnDisk(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                index();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        private void index() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = 0;
            long lineStart = 0;
            int read;
            while ((read = channel.read(buffer.clear(), position)) > 0) {
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        add(lineStart);
                        lineStart = position + i + 1;
                    }
                }
                position += read;
            }
            if (lineStart < position) {
                add(lineStart); // a last line without newline
                starts[count] = position + 1; // as if it had one
            } else {
                starts[count] = position;
            }
        }

        private void add(long start) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = start;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public String line(int index) {
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException(index);
            }
            long from = starts[index];
            long length = starts[index + 1] - 1 - from; // the newline left out
            int wanted = (int) Math.min(length, MAX_SHOWN_CHARS * 4L);
            ByteBuffer buffer = ByteBuffer.allocate(wanted);
            try {
                while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                    // reads until the line's part is in
                }
            } catch (IOException e) {
                return "[hooklab could not read this line: " + e.getMessage() + "]";
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            return wanted < length ? cut(text) + " [line of " + length + " bytes]" : cut(text);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
