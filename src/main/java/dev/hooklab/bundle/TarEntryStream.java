package dev.hooklab.bundle;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A tar stream that keeps each entry's name and link target as the stored bytes. Header names are
 * decoded as ISO-8859-1 so every byte survives; GNU long names and PAX {@code path}/{@code linkpath}
 * records, which commons-compress decodes and strips of a leading '/', are captured raw while it
 * reads them. A header record cut short at the end of the data is reported as truncation instead
 * of being taken for the end of the archive.
 */
public final class TarEntryStream extends TarArchiveInputStream {
    private static final int MAX_CAPTURE = 1 << 20;
    private static final int DRAIN_BUFFER = 1 << 18;
    private static final int TYPE_FLAG = 156;
    private static final int OLD_GNU_EXTENDED = 482;
    private static final int SPARSE_EXTENSION_MORE = 504;

    private final ByteArrayOutputStream special = new ByteArrayOutputStream();
    private byte[] name;
    private byte[] linkTarget;
    private byte[] drain;
    private long bodyOffset;
    private boolean sparseExtensionNext;
    private final InputStream source;

    TarEntryStream(InputStream in) {
        super(in, 10240, MagicBytes.TAR_BLOCK, StandardCharsets.ISO_8859_1.name(), false);
        this.source = in;
    }

    /**
     * After the end-of-archive blocks, reads what is left of the (decompressed) data, which GNU tar ignores; this
     * lets a gzip stream check what follows its last member, as the gzip in front of tar does.
     */
    void readToEnd() throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER];
        while (source.read(buffer) >= 0) {
            // nothing to keep
        }
    }

    /**
     * The next entry, or null at the end; {@link #rawName()}, {@link #rawLinkTarget()} and {@link #bodyOffset()}
     * then describe it.
     */
    public TarArchiveEntry next() throws IOException {
        skipRestOfEntry();
        name = null;
        linkTarget = null;
        special.reset();
        TarArchiveEntry entry = getNextEntry();
        if (entry == null) {
            return null;
        }
        bodyOffset = getBytesRead();
        if (name == null) {
            name = entry.getName().getBytes(StandardCharsets.ISO_8859_1);
        } else if (entry.isDirectory() && name.length > 0 && name[name.length - 1] != '/') {
            name = append(name, (byte) '/');
        }
        if (linkTarget == null && !entry.getLinkName().isEmpty()) {
            linkTarget = entry.getLinkName().getBytes(StandardCharsets.ISO_8859_1);
        }
        return entry;
    }

    /**
     * Reads past what is left of the current entry's body in big pieces. commons-compress skips it
     * 8 KiB at a time with a new array for each piece, which made listing a large tgz three times
     * slower than inflating it.
     */
    private void skipRestOfEntry() throws IOException {
        TarArchiveEntry current = getCurrentEntry();
        if (current == null || isSpecial(current)) {
            return;
        }
        if (drain == null) {
            drain = new byte[DRAIN_BUFFER];
        }
        while (read(drain, 0, drain.length) >= 0) {
            // nothing to keep
        }
    }

    /** Where the current entry's body starts in the uncompressed tar stream. */
    long bodyOffset() {
        return bodyOffset;
    }

    public byte[] rawName() {
        return name;
    }

    /** The stored link target bytes, or null for entries that are not links. */
    byte[] rawLinkTarget() {
        return linkTarget;
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
        int n = super.read(buf, offset, length);
        TarArchiveEntry current = getCurrentEntry();
        if (n > 0 && current != null && isSpecial(current) && special.size() < MAX_CAPTURE) {
            special.write(buf, offset, n);
        }
        return n;
    }

    private static boolean isSpecial(TarArchiveEntry e) {
        return e.isPaxHeader() || e.isGNULongNameEntry() || e.isGNULongLinkEntry();
    }

    @Override
    protected byte[] readRecord() throws IOException {
        TarArchiveEntry before = getCurrentEntry();
        if (before != null && special.size() > 0) {
            takeSpecial(before);
        }
        long start = getBytesRead();
        byte[] record = super.readRecord();
        if (record == null && getBytesRead() > start && !isAtEOF()) {
            throw new EOFException("tar header cut short");
        }
        if (record != null && !isAtEOF()) {
            checkHeader(record, start);
        }
        return record;
    }

    /**
     * GNU tar checks every header's checksum ("Skipping to next header", exit 2); commons-compress does not.
     * Old GNU sparse headers may be followed by extension blocks, which have no checksum of their own.
     */
    private void checkHeader(byte[] record, long offset) throws TarDamageException {
        if (sparseExtensionNext) {
            sparseExtensionNext = record[SPARSE_EXTENSION_MORE] != 0;
            return;
        }
        if (MagicBytes.isZero(record)) {
            return;
        }
        if (!MagicBytes.checksumMatches(record)) {
            throw new TarDamageException("the header at byte " + offset + " of the tar data has a wrong checksum: GNU tar "
                    + "reports \"Skipping to next header\" and exits 2");
        }
        sparseExtensionNext = record[TYPE_FLAG] == 'S' && record[OLD_GNU_EXTENDED] != 0;
    }

    /** The body of a GNU long name/link or PAX record has been read in full: keep what it says. */
    private void takeSpecial(TarArchiveEntry header) {
        byte[] body = special.toByteArray();
        special.reset();
        if (header.isGNULongNameEntry()) {
            name = trimNul(body);
        } else if (header.isGNULongLinkEntry()) {
            linkTarget = trimNul(body);
        } else if (header.isPaxHeader()) {
            PaxRecords records = PaxRecords.parse(body);
            if (records.path() != null) {
                name = records.path();
            }
            if (records.linkPath() != null) {
                linkTarget = records.linkPath();
            }
        }
    }

    private static byte[] trimNul(byte[] data) {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(data, end);
    }

    private static byte[] append(byte[] data, byte b) {
        byte[] out = Arrays.copyOf(data, data.length + 1);
        out[data.length] = b;
        return out;
    }

    /** The {@code path} and {@code linkpath} values of a PAX extended header, as bytes. */
    record PaxRecords(byte[] path, byte[] linkPath) {
        static PaxRecords parse(byte[] body) {
            byte[] path = null;
            byte[] linkPath = null;
            int at = 0;
            while (at < body.length) {
                int space = indexOf(body, (byte) ' ', at);
                if (space < 0) {
                    break;
                }
                int length = parseLength(body, at, space);
                if (length <= 0 || at + length > body.length) {
                    break;
                }
                int end = at + length - 1; // the record ends with '\n'
                int equals = indexOf(body, (byte) '=', space + 1);
                if (equals > 0 && equals < end) {
                    String key = new String(body, space + 1, equals - space - 1, StandardCharsets.US_ASCII);
                    byte[] value = Arrays.copyOfRange(body, equals + 1, end);
                    if (key.equals("path")) {
                        path = value;
                    } else if (key.equals("linkpath")) {
                        linkPath = value;
                    }
                }
                at += length;
            }
            return new PaxRecords(path, linkPath);
        }

        private static int parseLength(byte[] body, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                int digit = body[i] - '0';
                if (digit < 0 || digit > 9 || value > 100_000_000) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        private static int indexOf(byte[] data, byte b, int from) {
            for (int i = from; i < data.length; i++) {
                if (data[i] == b) {
                    return i;
                }
            }
            return -1;
        }
    }
}
