package dev.hooklab.run.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start of the agent's Install: the previous deployment's {@code <dg-id>-cleanup} lines run in reverse
 * (a symlink or file is deleted, a directory removed only when empty, ENOTEMPTY ignored; a last line without
 * its newline is skipped; {@code semanage\0<path>} lines remove an SELinux rule), then the file is deleted.
 * Lines are stripped of surrounding whitespace as the agent does; a relative line is relative to the agent's
 * working directory {@code /}. Any other error stops Install with Ruby's message and keeps the file.
 */
final class InstallCleanup {
    private static final String CONTEXT_PREFIX = "semanage\0";
    private static final String WHITESPACE = " \t\n\u000B\f\r\0";

    private final SandboxTree tree;
    private final SandboxWrites writes;

    InstallCleanup(SandboxWrites writes) {
        this.tree = writes.tree();
        this.writes = writes;
    }

    CleanupReport run(String cleanupFile) throws AgentError {
        if (!tree.exists(cleanupFile)) {
            return CleanupReport.none();
        }
        String contents;
        try {
            contents = new String(tree.read(cleanupFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.OPEN, cleanupFile);
        }
        List<String> lines = lines(contents);
        Optional<String> skipped = Optional.empty();
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
            skipped = Optional.of(lines.remove(lines.size() - 1));
        }
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> contexts = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith(CONTEXT_PREFIX)) {
                contexts.add(strip(line.substring(CONTEXT_PREFIX.length())));
            } else {
                remove(strip(line), removed, kept);
            }
        }
        try {
            writes.unlink(cleanupFile);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.APPLY, cleanupFile);
        }
        return new CleanupReport(true, removed, kept, contexts, skipped);
    }

    /** RemoveCommand#execute. */
    private void remove(String line, List<String> removed, List<String> kept) throws AgentError {
        if (line.isEmpty()) {
            return;
        }
        if (line.indexOf('\0') >= 0) {
            throw new AgentError("string contains null byte");
        }
        String path = line.startsWith("/") ? line : "/" + line;
        try {
            if (tree.isSymlink(path) || tree.exists(path) && !tree.isDirectory(path)) {
                writes.unlink(path);
                removed.add(line);
            } else if (tree.exists(path)) {
                removeDirectory(path, line, removed, kept);
            }
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.APPLY, line);
        }
    }

    private void removeDirectory(String path, String line, List<String> removed, List<String> kept)
            throws AgentError {
        try {
            if (writes.removeDirectory(path)) {
                removed.add(line);
            } else {
                kept.add(line);
            }
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.RMDIR, line);
        }
    }

    /** Ruby's {@code String#lines}: split after each newline, which stays on its line. */
    private static List<String> lines(String contents) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < contents.length()) {
            int newline = contents.indexOf('\n', start);
            int end = newline < 0 ? contents.length() : newline + 1;
            lines.add(contents.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && WHITESPACE.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && WHITESPACE.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
