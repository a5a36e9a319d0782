package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Zip entry bodies by random access: stored and deflated entries are read straight from the file at
 * the offset the central directory gives; the other methods the agent's unzip reads go through
 * commons-compress. Encrypted entries, and entries packed with a method the agent cannot read, are never read.
 */
public final class ZipBodies implements EntryContent {
    private static final int LOCAL_HEADER = 30;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int CHUNK = 1 << 16;

    private final Path file;
    /** Entries as listed, in stored order; indexed by path only when a body is first asked for. */
    private final java.util.List<Map.Entry<String, Slot>> listed = new java.util.ArrayList<>();
    private Map<String, Slot> slots;

    /** Where an entry's data is and how it is packed; {@code dosTime} and {@code crc} as in {@link CentralDirectory.Header}. */
    public record Slot(String storedName, long headerOffset, long compressedSize, long size, int method, long dosTime, long crc,
                boolean readable) {
    }

    ZipBodies(Path file) {
        this.file = file;
    }

    /** The entry extraction leaves at a path (the later of two wins); only regular files are readable. */
    void put(String path, String name, CentralDirectory.Header h, boolean regularFile) {
        listed.add(Map.entry(path, slot(name, h, regularFile && !h.encrypted())));
    }

    private static Slot slot(String name, CentralDirectory.Header h, boolean readable) {
        return new Slot(name, h.localHeaderOffset(), h.compressedSize(), h.size(), h.method(), h.dosTime(), h.crc(), readable);
    }

    /** The zip file these bodies come from. */
    public Path file() {
        return file;
    }

    /** Where the data of the entry that extraction leaves at a path is (the later of two wins), or null. */
    public Slot slot(String path) {
        return slots().get(path);
    }

    /** One entry's first bytes straight from an open channel (stored or deflated only), or null for other methods. */
    static byte[] read(FileChannel channel, String name, CentralDirectory.Header h, int maxBytes) throws IOException {
        Slot slot = slot(name, h, true);
        if (slot.method() == ZipMethod.STORED.getCode()) {
            return readStored(channel, slot, maxBytes);
        }
        if (slot.method() == ZipMethod.DEFLATED.getCode()) {
            return readDeflated(channel, slot, maxBytes);
        }
        return null;
    }

    private synchronized Map<String, Slot> slots() {
        if (slots == null) {
            slots = new HashMap<>(listed.size() * 2);
            for (Map.Entry<String, Slot> e : listed) {
                slots.put(e.getKey(), e.getValue()); // the later of two entries at one path wins
            }
        }
        return slots;
    }

    @Override
    public Map<String, byte[]> read(Collection<String> paths, int maxBytes) throws IOException {
        Map<String, Slot> slots = slots();
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (String path : paths) {
                Slot slot = slots.get(path);
                if (slot == null || !slot.readable()) {
                    continue;
                }
                if (slot.method() == ZipMethod.STORED.getCode()) {
                    out.put(path, readStored(channel, slot, maxBytes));
                } else if (slot.method() == ZipMethod.DEFLATED.getCode()) {
                    out.put(path, readDeflated(channel, slot, maxBytes));
                } else if (ZipMethods.agentReads(slot.method())) {
                    out.put(path, readOther(slot, maxBytes));
                }
            }
        }
        return out;
    }

    /** Where an entry's data starts: after its local header, whose name and extra field lengths may differ from the central one. */
    public static long dataOffset(FileChannel channel, Slot slot) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(LOCAL_HEADER).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, header, slot.headerOffset());
        if (header.getInt(0) != LOCAL_SIGNATURE) {
            throw new IOException("no local file header for '" + slot.storedName() + "'");
        }
        int nameLength = header.getShort(26) & 0xffff;
        int extraLength = header.getShort(28) & 0xffff;
        return slot.headerOffset() + LOCAL_HEADER + nameLength + extraLength;
    }

    /**
     * Where a stored entry's data ends as the agent sees it: its uncompressed size on from {@code start}, within
     * the file. unzip copies the compressed size instead, but when the two differ it warns and exits 1, and the
     * agent's rubyzip retry then writes the uncompressed size's worth of bytes over what unzip wrote.
     */
    public static long storedEnd(FileChannel channel, Slot slot, long start) throws IOException {
        return start + Math.min(Math.max(0, slot.size()), Math.max(0, channel.size() - start));
    }

    private static byte[] readStored(FileChannel channel, Slot slot, int maxBytes) throws IOException {
        long start = dataOffset(channel, slot);
        int n = (int) Math.min(storedEnd(channel, slot, start) - start, maxBytes);
        ByteBuffer body = ByteBuffer.allocate(n);
        readFully(channel, body, start);
        return body.array();
    }

    private static byte[] readDeflated(FileChannel channel, Slot slot, int maxBytes) throws IOException {
        long position = dataOffset(channel, slot);
        long end = Math.min(channel.size(), position + slot.compressedSize());
        int limit = (int) Math.min(maxBytes, Math.max(0, slot.size()));
        byte[] out = new byte[Math.min(limit, CHUNK)];
        int produced = 0;
        Inflater inflater = new Inflater(true);
        try {
            ByteBuffer input = ByteBuffer.allocate(CHUNK);
            while (produced < limit && !inflater.finished()) {
                if (inflater.needsInput()) {
                    if (position >= end) {
                        break;
                    }
                    input.clear().limit((int) Math.min(CHUNK, end - position));
                    int n = channel.read(input, position);
                    if (n <= 0) {
                        break;
                    }
                    position += n;
                    input.flip();
                    inflater.setInput(input.array(), 0, n);
                }
                if (produced == out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(limit, 2L * out.length));
                }
                produced += inflater.inflate(out, produced, out.length - produced);
                if (inflater.needsDictionary()) {
                    throw new IOException("'" + slot.storedName() + "' needs a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt deflate data in '" + slot.storedName() + "'", e);
        } finally {
            inflater.end();
        }
        return produced == out.length ? out : Arrays.copyOf(out, produced);
    }

    private byte[] readOther(Slot slot, int maxBytes) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry last = null;
            for (ZipArchiveEntry e : zip.getEntries(slot.storedName())) {
                last = e;
            }
            if (last == null || !zip.canReadEntryData(last)) {
                throw new IOException("cannot read '" + slot.storedName() + "' (compression method " + slot.method() + ")");
            }
            try (InputStream in = zip.getInputStream(last)) {
                return in.readNBytes(maxBytes);
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("zip data ends early");
            }
            at += n;
        }
    }
}
