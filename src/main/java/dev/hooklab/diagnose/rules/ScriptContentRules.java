package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.HookScript;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.BundleEntry;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.ScriptTarget;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the kernel and the shell will make of each hook script's bytes. */
final class ScriptContentRules implements Rule {
    /**
     * A command word that runs a script file by path: ./x.sh, scripts/x.sh, "$DIR/x.sh", $(dirname "$0")/x.sh
     * (not "bash x.sh").
     */
    private static final Pattern HELPER_CALL = Pattern.compile(
            "^(?:sudo\\s+(?:-\\S+\\s+)*)?((?:\\$\\(dirname\\s+\"?\\$(?:0|\\{0})\"?\\)|[\\w.$(){}/\"-])*/)?"
                    + "([\\w.-]+\\.(?:sh|bash|py|rb|pl))\"?(?:\\s|$|;)");

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> out) {
        if (facts.bundle().isEmpty() || facts.plan().layout().os() == TargetOs.WINDOWS) {
            // the Windows agent runs .ps1 through powershell.exe and anything else directly: no kernel shebang,
            // no execute bit, CR LF is the norm (agent-behaviour.md §5.4)
            return;
        }
        DeploymentArchive revision = facts.bundle().get().archive();
        Set<String> checked = new HashSet<>();
        facts.forEachScript((event, s) -> {
            if (!event.runs() || s.target() != ScriptTarget.FOUND || s.bundleEntry() == null) {
                return;
            }
            byte[] head = facts.scriptHeads().get(s.bundleEntry());
            BundleEntry entry = facts.bundle().get().entry(s.bundleEntry()).orElse(null);
            if (head == null || entry == null) {
                return;
            }
            String key = s.bundleEntry() + "\u0000" + s.script().runas() + s.script().sudo();
            if (checked.add(key)) {
                checkScript(event, s, entry, new ScriptText(head), revision, facts, out);
            }
        });
    }

    private void checkScript(PlannedEvent event, PlannedScript s, BundleEntry entry, ScriptText text,
                             DeploymentArchive revision, RevisionFacts facts, Consumer<Diagnostic> out) {
        HookScript script = s.script();
        String file = s.bundleEntry();
        String location = script.location();
        if (!text.isText()) {
            return; // a compiled program: the kernel runs it as it is
        }
        String first = text.firstLine();
        if (text.hasBom()) {
            out.accept(Diagnostic.warning(DiagnosticCode.SCRIPT_BOM,
                            location + " starts with a UTF-8 byte-order mark, which hides the shebang from the kernel: "
                                    + "the agent's fallback runs the file with /bin/sh, line 1 fails with \"not found\" "
                                    + "and bash syntax later in the file breaks.")
                    .withFix("Save " + location + " as UTF-8 without BOM.")
                    .at(file, 1, 1));
        } else if (text.hasShebang() && first.endsWith("\r")) {
            out.accept(crlfShebang(s, first).at(file, 1, first.length()));
        } else if (!text.hasShebang()) {
            out.accept(Diagnostic.warning(DiagnosticCode.SCRIPT_NO_SHEBANG,
                            location + " has no #! line: the kernel refuses it and the agent's fallback runs it with "
                                    + "/bin/sh (dash on Ubuntu), where bash syntax fails.")
                    .withFix("Make the first line #!/bin/bash (or the interpreter the script needs).")
                    .at(file, 1, 1));
        }
        int crlf = text.crlfLines();
        if (crlf > 0 && !(text.hasShebang() && first.endsWith("\r"))) {
            out.accept(Diagnostic.warning(DiagnosticCode.SCRIPT_CRLF,
                            location + " has " + crlf + " line(s) ending in CR LF; the shell sees the CR as part of each "
                                    + "command ($'\\r': command not found).")
                    .withFix("Convert " + location + " to LF line endings (dos2unix, or git config core.autocrlf input).")
                    .at(file, 1, 1));
        }
        if (entry.mode() == null) {
            out.accept(Diagnostic.info(DiagnosticCode.SCRIPT_NOT_EXECUTABLE,
                            "The archive stores no Unix mode for " + location + " (a zip made on Windows): it is "
                                    + "extracted without execute permission. The agent runs chmod +x on the hook itself "
                                    + "and logs \"Script at specified location: " + location + " is not executable.  "
                                    + "Trying to make it executable.\"; scripts it calls by path stay non-executable.")
                    .withFix("Build the zip on Linux or macOS, or call helpers as bash helper.sh.")
                    .inFile(file));
        } else if (!entry.executable()) {
            out.accept(Diagnostic.info(DiagnosticCode.SCRIPT_NOT_EXECUTABLE,
                            location + " is not executable (mode " + String.format("%04o", entry.mode()) + "); the "
                                    + "agent runs chmod +x on it and logs \"Script at specified location: " + location
                                    + " is not executable.  Trying to make it executable.\"")
                    .withFix("chmod +x " + location + " before building the revision.")
                    .inFile(file));
        }
        List<String> lines = text.lines();
        BackgroundCommand background = new BackgroundCommand();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            String held = background.holdingOutput(line);
            if (held != null) {
                out.accept(Diagnostic.warning(DiagnosticCode.BACKGROUND_PROCESS_HOLDS_OUTPUT,
                                "Line " + lineNo + " of " + location + " starts '" + held + "' in the background with "
                                        + "stdout or stderr still on the hook's pipes; the agent waits until both close, "
                                        + "so " + event.name() + " hangs for " + script.timeout() + " s and fails with "
                                        + "\"Script at specified location: " + location + " failed to close STDOUT\".")
                        .withAgentMessage("Script at specified location: " + location + " failed to close STDOUT")
                        .withFix(held + " > /dev/null 2>&1 < /dev/null &")
                        .at(file, lineNo, 1));
            }
            helperNotExecutable(line.trim(), revision, s).ifPresent(helper -> out.accept(
                    Diagnostic.warning(DiagnosticCode.SCRIPT_NOT_EXECUTABLE,
                                    "Line " + lineNo + " of " + location + " runs " + helper
                                            + " by path, but it is not executable in the revision, and the agent "
                                            + "makes only the hook itself executable: Permission denied (exit 126).")
                            .withFix("chmod +x " + helper + " before building the revision, or run it as bash "
                                    + AgentPath.basename(helper) + ".")
                            .at(file, lineNo, 1)));
        }
    }

    private static Optional<String> helperNotExecutable(String line, DeploymentArchive revision, PlannedScript hook) {
        Matcher m = HELPER_CALL.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(2);
        String hookPath = hook.archivePath();
        String hookDir = hookPath != null && hookPath.contains("/") ? hookPath.substring(0, hookPath.lastIndexOf('/')) : "";
        for (String candidate : new String[]{hookDir.isEmpty() ? name : hookDir + "/" + name, name}) {
            Optional<BundleEntry> e = revision.resolve(candidate).flatMap(revision::entry);
            if (e.isPresent() && e.get().isFile() && e.get().mode() != null && !e.get().executable()
                    && !candidate.equals(hookPath)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A shebang line ending in CR. The kernel (binfmt_script) strips only spaces and tabs around the
     * interpreter and its one optional argument, so the CR stays at the end of whichever comes last:
     * {@code #!/bin/bash\r} names an interpreter that does not exist (execve fails with ENOENT), while
     * {@code #!/usr/bin/env bash\r} starts env, which finds no {@code bash\r} and exits 127.
     */
    private static Diagnostic crlfShebang(PlannedScript s, String first) {
        HookScript script = s.script();
        String location = script.location();
        String shebang = stripBlanks(first.substring(2));
        int blank = indexOfBlank(shebang);
        String interpreter = blank < 0 ? shebang : shebang.substring(0, blank);
        String argument = blank < 0 ? "" : stripBlanks(shebang.substring(blank));
        boolean interpreterBroken = argument.isEmpty();
        String shown = shebang.replace("\r", "\\r");
        String prefix = "Script at specified location: " + location + LocationRules.runAs(script);
        String agent;
        String effect;
        if (!interpreterBroken && AgentPath.basename(interpreter).equals("env")) {
            agent = prefix + " failed with exit code 127";
            effect = interpreter + " starts but finds no program named '" + argument.replace("\r", "\\r")
                    + "' (\"No such file or directory\", exit 127)";
        } else if (!interpreterBroken) {
            agent = null;
            effect = interpreter + " starts with the argument '" + argument.replace("\r", "\\r") + "' and fails on it"
                    + " (\"invalid option\"), so the script never runs";
        } else if (script.runas() != null) {
            agent = prefix + " failed with exit code 126";
            effect = "su runs the script through " + script.runas() + "'s shell, which reports \"bad interpreter: No "
                    + "such file or directory\" (exit 126; bash 5.2 and later, as on Amazon Linux 2023, say \"cannot "
                    + "execute: required file not found\" and exit 127)";
        } else if (script.sudo()) {
            agent = prefix + " failed with exit code 1";
            effect = "sudo reports \"unable to execute " + s.path() + ": No such file or directory\" (exit 1)";
        } else {
            agent = prefix + " failed with error Errno::ENOENT with message No such file or directory - " + s.path();
            effect = "the agent reports \"No such file or directory\" naming the script, which does exist";
        }
        Diagnostic d = Diagnostic.error(DiagnosticCode.SCRIPT_CRLF,
                        location + " has Windows line endings: its shebang is '#!" + shown + "', so the kernel "
                                + (interpreterBroken
                                ? "looks for an interpreter named '" + interpreter.replace("\r", "\\r")
                                + "', which does not exist; "
                                : "runs " + interpreter + "; ")
                                + effect + ".")
                .withFix("Convert " + location + " to LF line endings (dos2unix, or git config core.autocrlf input).");
        return agent == null ? d : d.withAgentMessage(agent);
    }

    /** Strips spaces and tabs only, as the kernel does around a shebang's words (a CR stays). */
    private static String stripBlanks(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

}
