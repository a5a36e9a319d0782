package dev.hooklab.bundle;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An entry name decoded strictly as UTF-8 from its stored bytes.
 *
 * @param text  the decoded name; bytes that are not UTF-8 show as U+FFFD
 * @param utf8  whether the bytes were valid UTF-8
 * @param bytes the stored bytes
 */
public record RawName(String text, boolean utf8, byte[] bytes) {

    public static RawName decode(byte[] bytes) {
        if (isAscii(bytes)) {
            return new RawName(new String(bytes, StandardCharsets.ISO_8859_1), true, bytes);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes));
            return new RawName(chars.toString(), true, bytes);
        } catch (CharacterCodingException e) {
            return new RawName(new String(bytes, StandardCharsets.UTF_8), false, bytes);
        }
    }

    /** A name held as ISO-8859-1 text (one char per stored byte). */
    static RawName fromLatin1(String latin1) {
        return decode(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** For the finding's detail: the stored bytes in hex when short, else the first bad byte. */
    String describeBytes() {
        StringBuilder hex = new StringBuilder();
        int shown = Math.min(bytes.length, 48);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02x", bytes[i] & 0xff));
        }
        if (shown < bytes.length) {
            hex.append(" ...");
        }
        return hex.toString();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
