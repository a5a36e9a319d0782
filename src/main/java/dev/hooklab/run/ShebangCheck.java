package dev.hooklab.run;

import dev.hooklab.run.process.ExecError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a script's first line to explain what the agent's messages hide: a {@code #!} line that
 * ends in a carriage return (CRLF files) or names a missing interpreter makes exec fail with
 * ENOENT, which the agent reports against the script; a missing {@code #!} line or a byte order
 * mark before it means the script runs under {@code /bin/sh}.
 */
final class ShebangCheck {
    private final String firstLine;
    private final boolean byteOrderMark;

    private ShebangCheck(String firstLine, boolean byteOrderMark) {
        this.firstLine = firstLine;
        this.byteOrderMark = byteOrderMark;
    }

    /** Nothing to say: the location did not reach a regular file before the hook ran. */
    static ShebangCheck none() {
        return new ShebangCheck(null, false);
    }

    /** @param head the script's first bytes ({@link ScriptFile#head}), read before the hook ran */
    static ShebangCheck of(byte[] head) {
        boolean bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF;
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int newline = text.indexOf('\n');
        return new ShebangCheck(newline < 0 ? text : text.substring(0, newline), bom);
    }

    private boolean hasShebang() {
        return firstLine != null && firstLine.startsWith("#!");
    }

    /** The interpreter word of the {@code #!} line, a trailing carriage return included. */
    private String interpreter() {
        String rest = firstLine.substring(2).stripLeading();
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '\t') {
            end++;
        }
        return rest.substring(0, end);
    }

    /** Remarks for any run of this script (none when no file was there before the hook ran). */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (firstLine == null) {
            return notes;
        }
        if (byteOrderMark) {
            notes.add("The script starts with a UTF-8 byte order mark, which hides its #! line: it ran under /bin/sh."
                    + " Save it without the BOM.");
        } else if (!hasShebang()) {
            notes.add("The script has no #! line: the agent's Ruby runs such a file with /bin/sh (dash on Debian and"
                    + " Ubuntu, bash on Amazon Linux), so bash-only syntax can fail there. Start it with #!/bin/bash.");
        }
        return notes;
    }

    /**
     * Remarks for a failed exec.
     *
     * @param program     the word exec tried, as the agent names it
     * @param hostPathOf  where the hook's view of a path is on this machine
     */
    List<String> execNotes(ExecError error, String program, String scriptInstancePath,
                           Function<String, Path> hostPathOf) {
        List<String> notes = new ArrayList<>();
        if (!error.name().equals("ENOENT")) {
            if (error.name().equals("EACCES")) {
                notes.add("exec was refused (Permission denied): a folder on the script's path is not searchable, or"
                        + " its file system is mounted noexec.");
            }
            return notes;
        }
        if (!program.equals(scriptInstancePath) && scriptInstancePath.startsWith(program + " ")) {
            notes.add("The script's path contains a space: the agent splits its command on whitespace and tried to run "
                    + program + ". Rename the file or folder without spaces.");
        } else if (!program.startsWith("/")) {
            notes.add(program + " is not installed here.");
        } else if (hasShebang() && interpreter().endsWith("\r")) {
            String shown = interpreter().replace("\r", "\\r");
            notes.add("The script exists; the real cause is its #! line, which ends in a carriage return: the"
                    + " interpreter `" + shown + "` does not exist. The file has Windows (CRLF) line endings;"
                    + " convert it to LF (dos2unix, or set .gitattributes `*.sh text eol=lf`).");
        } else if (hasShebang() && !interpreter().isEmpty() && !Files.exists(hostPathOf.apply(interpreter()))) {
            notes.add("The script exists; the real cause is its #! line: the interpreter " + interpreter()
                    + " does not exist here. Install it or correct the #! line.");
        }
        return notes;
    }
}
