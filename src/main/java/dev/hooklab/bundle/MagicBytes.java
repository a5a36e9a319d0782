package dev.hooklab.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises an archive from its first bytes, never from its name. */
final class MagicBytes {
    static final int TAR_BLOCK = 512;

    private MagicBytes() {
    }

    /** ZIP, TGZ (gzip; whether it holds a tar is checked later) or TAR; empty when none matches. */
    static Optional<BundleFormat> sniff(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6 || head[2] == 7 && head[3] == 8)) {
            return Optional.of(BundleFormat.ZIP);
        }
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return Optional.of(BundleFormat.TGZ);
        }
        if (isTarHeader(head, length)) {
            return Optional.of(BundleFormat.TAR);
        }
        return Optional.empty();
    }

    /**
     * A tar header block: the {@code ustar} magic at offset 257, or a valid header checksum (v7 tar),
     * or an all-zero block (an archive with no entries).
     */
    static boolean isTarHeader(byte[] block, int length) {
        if (length < TAR_BLOCK) {
            return false;
        }
        if (new String(block, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            return true;
        }
        return isZero(block) || checksumMatches(block);
    }

    static boolean isZero(byte[] block) {
        for (int i = 0; i < TAR_BLOCK; i++) {
            if (block[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a header block's checksum field matches its bytes, as GNU tar checks it (unsigned or signed sum). */
    static boolean checksumMatches(byte[] block) {
        long stored = 0;
        boolean digits = false;
        for (int i = 148; i < 156; i++) {
            int c = block[i] & 0xff;
            if (c >= '0' && c <= '7') {
                stored = stored * 8 + (c - '0');
                digits = true;
            } else if (digits || c != ' ') {
                if (c == 0 || c == ' ') {
                    break;
                }
                return false;
            }
        }
        if (!digits) {
            return false;
        }
        long unsigned = 0;
        long signed = 0; // some old tars summed signed bytes
        for (int i = 0; i < TAR_BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : block[i];
            unsigned += b & 0xff;
            signed += i >= 148 && i < 156 ? ' ' : b;
        }
        return stored == unsigned || stored == signed;
    }

    /** The first bytes in hex, for "starts with 7f 45 4c 46". */
    static String hex(byte[] head, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(length, 4); i++) {
            out.append(i == 0 ? "" : " ").append(String.format("%02x", head[i] & 0xff));
        }
        return out.toString();
    }
}
