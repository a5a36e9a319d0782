package dev.hooklab.appspec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An AppSpec file's bytes as text, the way the agent's YAML loader sees them: UTF-8, a leading
 * byte-order mark dropped (libyaml skips it). Reading stops a little past {@link YamlLimits}' largest
 * size, so a huge file is refused by the parser instead of filling memory.
 */
public final class AppSpecText {
    /** More than the parser accepts (1 Mi characters, up to 4 bytes each), so the parser sees it is too long. */
    public static final int READ_LIMIT = 4 * YamlLimits.DEFAULT_MAX_CHARS + 1;

    private AppSpecText() {
    }

    public static String decode(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Reads at most {@link #READ_LIMIT} bytes and decodes them. */
    public static String read(InputStream in) throws IOException {
        return decode(in.readNBytes(READ_LIMIT));
    }
}
