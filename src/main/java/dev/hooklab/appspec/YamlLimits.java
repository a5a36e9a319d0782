package dev.hooklab.appspec;

/**
 * hooklab's own caps on an AppSpec file, checked before and while reading the YAML (the agent has none).
 *
 * @param maxChars maximum length of the text in characters
 * @param maxDepth maximum nesting of lists and mappings (the top-level mapping is depth 1)
 */
public record YamlLimits(int maxChars, int maxDepth) {
    public static final int DEFAULT_MAX_CHARS = 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;

    public YamlLimits {
        if (maxChars < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 1 MiB of text, 64 levels of nesting. */
    public static YamlLimits defaults() {
        return new YamlLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH);
    }
}
