package dev.hooklab.bundle;

/**
 * The zip compression methods the agent can unpack. Its {@code unzip -qo} (Info-ZIP 6.0 as Linux
 * distributions build it) reads stored, shrunk, imploded, deflated, deflate64 and bzip2 entries and
 * exits 81 on any other method; its rubyzip 1.3 fallback reads only stored and deflated ones and raises
 * "Unsupported compression method N". hooklab reads exactly the first set, through its own code or
 * commons-compress, and never asks commons-compress for a method whose codec is not on the class path.
 */
public final class ZipMethods {
    static final int STORED = 0;
    static final int DEFLATED = 8;

    private ZipMethods() {
    }

    /** Whether the agent's unzip extracts an entry packed this way. */
    public static boolean agentReads(int method) {
        return method == STORED || method == 1 || method == 6 || method == DEFLATED || method == 9 || method == 12;
    }

    /** A name for messages. */
    public static String name(int method) {
        return switch (method) {
            case 1 -> "shrink";
            case 2, 3, 4, 5 -> "reduce";
            case 6 -> "implode";
            case 9 -> "deflate64";
            case 10 -> "PKWARE DCL implode";
            case 12 -> "bzip2";
            case 14 -> "LZMA";
            case 18 -> "IBM TERSE";
            case 19 -> "IBM LZ77";
            case 20, 93 -> "zstd";
            case 94 -> "MP3";
            case 95 -> "xz";
            case 96 -> "JPEG";
            case 97 -> "WavPack";
            case 98 -> "PPMd";
            case 99 -> "AES encryption";
            default -> "an unknown method";
        };
    }

    /** The finding's detail; {@code BundleRules} takes the number back from "(method N)". */
    static String unsupported(int method) {
        return "is packed with " + name(method) + " (method " + method + "): the agent's unzip does not support it "
                + "(\"unsupported compression method " + method + "\", exit 81) and its rubyzip fallback neither";
    }
}
