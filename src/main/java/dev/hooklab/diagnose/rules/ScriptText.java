package dev.hooklab.diagnose.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The first bytes of a hook script, read the way the kernel and a shell read them. */
final class ScriptText {
    private final byte[] bytes;

    ScriptText(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean hasBom() {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }

    boolean hasShebang() {
        return bytes.length >= 2 && bytes[0] == '#' && bytes[1] == '!';
    }

    /** The first line without its LF (a CR stays). */
    String firstLine() {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Count of lines ending in CR LF. */
    int crlfLines() {
        int n = 0;
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r') {
                n++;
            }
        }
        return n;
    }

    /** Whether the file looks like text rather than a binary (no NUL in what was read). */
    boolean isText() {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    /** Lines as text, 1-based numbering by index + 1. */
    List<String> lines() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            out.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        return out;
    }
}
