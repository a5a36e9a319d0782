package dev.hooklab.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates gzip data as strictly as the {@code gzip -d} that GNU tar runs for the agent: every member's
 * header (reserved flag bits are refused, "has flags 0x.. -- not supported"), its CRC-32 and length,
 * members one after another, and what follows the last one: zero bytes are accepted, anything else is
 * "trailing garbage", on which gzip exits 2 and so does tar. The JDK's {@code GZIPInputStream} accepts
 * all of these silently. Damage gives a {@link TarDamageException} (a {@link ZipException} for data
 * that does not inflate).
 */
final class GzipStream extends InputStream {
    private static final int BUFFER = 1 << 16;
    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED = 0xe0;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[BUFFER];
    private int inputStart;
    private int inputEnd;
    private long memberLength;
    private boolean ended;
    private boolean closed;

    GzipStream(InputStream in) throws IOException {
        this.in = in;
        try {
            if (!member(true)) {
                throw new EOFException("no gzip data");
            }
        } catch (IOException | RuntimeException e) {
            inflater.end();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!ended) {
            if (inflater.finished()) {
                inputStart -= inflater.getRemaining();
                trailer();
                ended = !member(false);
                continue;
            }
            if (inflater.needsInput()) {
                if (inputStart == inputEnd && !fill()) {
                    throw new EOFException("the gzip data ends inside a member");
                }
                inflater.setInput(input, inputStart, inputEnd - inputStart);
                inputStart = inputEnd;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("invalid compressed data (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberLength += n;
                return n;
            }
            if (inflater.needsDictionary()) {
                throw new ZipException("invalid compressed data (a preset dictionary)");
            }
        }
        return -1;
    }

    /** Reads the next member's header; false at the end (nothing, or only zero bytes, left). */
    private boolean member(boolean first) throws IOException {
        int id1 = next();
        if (id1 < 0) {
            if (first) {
                throw new EOFException("empty gzip data");
            }
            return false;
        }
        int id2 = next();
        if (id1 != 0x1f || id2 != 0x8b) {
            if (!first && id1 == 0 && (id2 == 0 || id2 < 0) && onlyZerosLeft()) {
                return false;
            }
            throw new TarDamageException(first ? "not gzip data"
                    : "trailing garbage after the gzip data: gzip says \"decompression OK, trailing garbage ignored\" "
                    + "and exits 2, and tar then exits 2 too");
        }
        int method = need();
        if (method != 8) {
            throw new TarDamageException("gzip member with unknown compression method " + method
                    + ": gzip refuses it and exits 1, and tar then exits 2");
        }
        int flags = need();
        if ((flags & RESERVED) != 0) {
            throw new TarDamageException(String.format("gzip header with reserved flag bits set (0x%02x): gzip refuses it "
                    + "(\"has flags 0x%02x -- not supported\", or \"is encrypted\" for 0x20) and exits 1, and tar then exits 2",
                    flags, flags));
        }
        skip(6); // mtime, extra flags, OS
        if ((flags & FEXTRA) != 0) {
            int length = need() | need() << 8;
            skip(length);
        }
        if ((flags & FNAME) != 0) {
            skipString();
        }
        if ((flags & FCOMMENT) != 0) {
            skipString();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        inflater.reset();
        crc.reset();
        memberLength = 0;
        return true;
    }

    private void trailer() throws IOException {
        long storedCrc = need() | need() << 8 | need() << 16 | (long) need() << 24;
        long storedLength = need() | need() << 8 | need() << 16 | (long) need() << 24;
        if (storedCrc != crc.getValue()) {
            throw new TarDamageException("a gzip member's CRC-32 does not match its data: gzip reports \"crc error\" "
                    + "and exits 1, and tar then exits 2");
        }
        if (storedLength != (memberLength & 0xffffffffL)) {
            throw new TarDamageException("a gzip member's length does not match its data: gzip reports \"length error\" "
                    + "and exits 1, and tar then exits 2");
        }
    }

    private boolean onlyZerosLeft() throws IOException {
        for (int b = next(); b >= 0; b = next()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void skipString() throws IOException {
        while (need() != 0) {
            // the name or comment is not needed
        }
    }

    private void skip(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            need();
        }
    }

    private int need() throws IOException {
        int b = next();
        if (b < 0) {
            throw new EOFException("the gzip data ends inside a member header or trailer");
        }
        return b;
    }

    private int next() throws IOException {
        if (inputStart == inputEnd && !fill()) {
            return -1;
        }
        return input[inputStart++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(input, 0, input.length);
        if (n <= 0) {
            return false;
        }
        inputStart = 0;
        inputEnd = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            in.close();
        }
    }
}
