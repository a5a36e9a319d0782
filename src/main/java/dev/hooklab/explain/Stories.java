package dev.hooklab.explain;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.Lifecycle;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.ScriptTarget;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The words of an explanation: what happened and what to change, for each kind of failure. */
final class Stories {
    /** Top-level folders of a Linux instance: a location starting with one was written as an instance path. */
    private static final Set<String> SYSTEM_FOLDERS = Set.of("var", "opt", "srv", "home", "usr", "etc", "tmp", "root",
            "app", "apps", "data", "www", "mnt");

    record Story(String happened, String change) {
    }

    private final Recognized r;
    private final Optional<Inspection> revision;
    private final Optional<Explanation.ScriptMatch> match;
    private final List<Diagnostic> findings;

    Stories(Recognized r, Optional<Inspection> revision, Optional<Explanation.ScriptMatch> match,
            List<Diagnostic> findings) {
        this.r = r;
        this.revision = revision;
        this.match = match;
        this.findings = findings;
    }

    Story tell() {
        Story s = switch (r.kind()) {
            case SCRIPT_MISSING -> missing();
            case NOT_EXECUTABLE -> new Story(failed() + "the script " + r.location() + " was not executable and the "
                    + "agent's chmod +x on it failed, so it never ran (a read-only or foreign file system under "
                    + "deployment-archive, or a file the agent may not change).",
                    "Ship the script with its executable bit set (git update-index --chmod=+x FILE, or build the "
                            + "bundle on a Unix file system) and check that the agent's root dir is writable.");
            case TIMED_OUT -> timedOut();
            case EXIT_CODE -> exitCode();
            case START_ERROR -> startError();
            case OUTPUTS_LEFT_OPEN -> new Story(failed() + "the script " + r.location() + " exited, but a process it "
                    + "started in the background still held its " + r.channel() + " open. The agent waits until both "
                    + "outputs close or the script's timeout" + timeoutOfScript() + " passes; at the timeout it failed "
                    + "the event and left that process running.",
                    "Detach the background process from the hook's outputs: cmd > /dev/null 2>&1 < /dev/null & "
                            + "(or start it as a service, for example with systemctl).");
            case OUTSIDE_ARCHIVE -> new Story(failed() + "the location " + r.location() + " leads out of "
                    + "deployment-archive ('..' or a link); agent 2.1 refuses such locations (agent 1.x ran whatever "
                    + "file the instance had there).",
                    "Ship the script in the revision and write its path relative to the revision root.");
            case APPSPEC_NOT_FOUND -> new Story("The agent unpacked the revision" + (r.path() != null
                    ? " to " + AgentPath.dirname(r.path()) : "") + " and found no " + (r.archivePath() != null
                    ? r.archivePath() : "AppSpec") + " at its root. It strips one top-level folder only when that "
                    + "folder is the bundle's only entry and holds the AppSpec; anywhere deeper it is never read.",
                    "Put appspec.yml at the root of the bundle: build it from inside the folder that holds "
                            + "appspec.yml (cd deploy && zip -r ../app.zip .).");
            case APPSPEC_INVALID -> new Story("The agent refused the AppSpec (" + r.code().title() + ")"
                    + (r.line() != null ? " at line " + r.line() + ", column " + r.column() : "")
                    + ", before running any hook: " + r.message(), r.code().help());
            case FILE_EXISTS -> new Story("Install stopped: a file it did not install itself is already at "
                    + r.path() + ", and with file_exists_behavior DISALLOW (the default) the agent refuses to replace "
                    + "it. Files installed by the deployment group's previous deployment do not count.",
                    "Set file_exists_behavior: OVERWRITE (or RETAIN) in the AppSpec or on the deployment, or remove "
                            + "the file from the instance before deploying.");
            case INSTANCE_PATH -> instancePath();
        };
        List<String> fixes = fixes();
        String change = fixes.isEmpty() ? s.change() : String.join("\n", fixes);
        return new Story(s.happened() + revisionNote(), change);
    }

    /** The event the text names, else the event of the revision's script it matches. */
    private String failed() {
        String event = r.event() != null ? r.event() : match.map(Explanation.ScriptMatch::event).orElse(null);
        return event != null ? event + " failed: " : "A hook failed: ";
    }

    private Story missing() {
        String archivePath = r.archivePath();
        StringBuilder h = new StringBuilder(failed()).append("the agent looked for the script at ")
                .append(r.path() != null ? r.path() : "the location").append(" and found no file there.");
        if (archivePath == null) {
            return new Story(h.toString(), "Write location as the script's path inside the revision, relative to "
                    + "its root.");
        }
        h.append(" The agent joins a hook's location onto deployment-archive, the folder where it unpacked the "
                + "revision, so it looked for ").append(archivePath).append(" inside the revision.");
        String first = archivePath.contains("/") ? archivePath.substring(0, archivePath.indexOf('/')) : "";
        String change;
        if (SYSTEM_FOLDERS.contains(first)) {
            h.append(" /").append(archivePath).append(" looks like the place where the files section installs the "
                    + "script: the location was written as the install destination, but a hook location is a path "
                    + "inside the revision, even when it starts with '/'.");
            change = "Write location as the script's path relative to the revision root (for example location: "
                    + AgentPath.basename(archivePath) + " when the file is at the revision's root), not where the "
                    + "files section installs it.";
        } else {
            h.append(" The revision has no file at that path (after the agent's top-folder rule, and names are "
                    + "case-sensitive).");
            change = "Write location as the script's path relative to the revision root, as the bundle stores it.";
        }
        return new Story(h.toString(), change);
    }

    private Story timedOut() {
        String h = failed() + "the script " + r.location() + " was still running after its timeout of " + r.seconds()
                + " seconds; the agent sent SIGTERM to its process group and failed the event.";
        Optional<Integer> planned = match.map(m -> m.script().script().timeout());
        if (planned.isPresent() && !planned.get().equals(r.seconds())) {
            h += " The open revision gives it timeout: " + planned.get() + ".";
        }
        return new Story(h, "Make the script finish within its timeout: a server started in the foreground never "
                + "ends, so start it in the background with every output redirected (cmd > /dev/null 2>&1 < /dev/null &) "
                + "or as a service; if the work really takes longer, raise timeout (an event has 3600 s in all).");
    }

    private Story exitCode() {
        String who = "the script " + r.location() + (r.runas() != null ? " (run as user " + r.runas() + ")" : "");
        if (r.killedBySignal()) {
            return new Story(failed() + who + " was killed by a signal: the agent printed no exit code. The kernel's "
                    + "out-of-memory killer, a reboot or another process stopped it.",
                    "Read the end of the script's output in " + scriptsLog() + " and the instance's system log "
                            + "(dmesg) for the signal's sender.");
        }
        int code = r.exitCode();
        String why = switch (code) {
            case 126 -> " Exit code 126: a command was found but could not be executed (permission denied, a "
                    + "directory, or a runas user who may not read or execute the file).";
            case 127 -> " Exit code 127: a command it runs was not found. Hooks get the agent's environment, not a "
                    + "login shell's: PATH additions from ~/.bashrc or nvm and similar tools are missing.";
            case 137 -> " Exit code 137: a command was killed with SIGKILL, often by the out-of-memory killer.";
            case 143 -> " Exit code 143: a command was stopped with SIGTERM.";
            default -> code > 128 && code < 160 ? " Exit code " + code + ": a command died of signal " + (code - 128)
                    + "." : "";
        };
        return new Story(failed() + who + " ran and exited with code " + code + "; the agent fails the event on any "
                + "exit code but 0." + why,
                "Find the failing command in the script's output: " + scriptsLog() + " (the console's log tail "
                        + "shows its last lines). hooklab run reproduces the hook in a sandbox.");
    }

    private Story startError() {
        String errno = r.errno();
        String h = failed() + "the agent found " + r.location() + " but could not start it (" + errno + ").";
        String change;
        if ("ENOENT".equals(errno)) {
            h += " No such file or directory for a file that exists means the interpreter on its first line does not "
                    + "exist: most often Windows line endings (#!/bin/bash followed by a carriage return), else an "
                    + "interpreter the instance lacks, or a location with a space (the agent splits it into words).";
            change = "Convert the script to Unix line endings (dos2unix, or *.sh text eol=lf in .gitattributes) and "
                    + "check its #! line.";
        } else if ("EACCES".equals(errno)) {
            h += " Permission denied: the location names a directory or a file that cannot be executed (a FIFO, a "
                    + "device, or a file system mounted noexec).";
            change = "Point location at a regular script file of the revision.";
        } else if ("ENOEXEC".equals(errno)) {
            h += " The file is not a program the kernel can start: it has no #! line.";
            change = "Start the script with #!/bin/bash (or the interpreter it needs).";
        } else {
            change = "Check that the location names a script the agent can execute.";
        }
        return new Story(h, change);
    }

    private Story instancePath() {
        StringBuilder h = new StringBuilder("This is a path on the instance: deployment ").append(r.deploymentId())
                .append(" of deployment group ").append(r.deploymentGroupId()).append(", under the agent's root dir ")
                .append(r.rootDir()).append('.');
        if (r.archivePath() != null) {
            h.append(" Inside deployment-archive it is the revision's ").append(r.archivePath().isEmpty()
                    ? "root folder" : r.archivePath()).append(": a hook whose location is ")
                    .append(r.archivePath().isEmpty() ? "." : r.archivePath()).append(" runs this file.");
        }
        return new Story(h.toString(), "");
    }

    /** What the open revision says about the error, when a revision was given. */
    private String revisionNote() {
        if (revision.isEmpty()) {
            return "";
        }
        if (match.isEmpty()) {
            if (!r.aboutScript()) {
                return findings.isEmpty() ? " The open revision has no finding of this kind." : "";
            }
            return " No hook script of the open revision has " + (r.location() != null ? "location " + r.location()
                    : "this path") + ": the deployment that failed used another revision or AppSpec.";
        }
        Explanation.ScriptMatch m = match.get();
        PlannedScript s = m.script();
        String at = " In the open revision it is " + m.event() + "'s script " + s.script().location()
                + (s.script().mark().line() > 0 ? " (" + revision.get().appspec().fileName() + " line "
                + s.script().mark().line() + ")" : "");
        if (Lifecycle.FROM_PREVIOUS_REVISION.contains(m.event())) {
            at += "; " + m.event() + " runs the scripts of the last successful revision, so the revision that failed"
                    + " here is the one deployed before";
        }
        if (r.kind() == ErrorKind.SCRIPT_MISSING && s.target() == ScriptTarget.FOUND) {
            at += "; this revision does have the file, so the deployment that failed used another revision";
        } else if (r.kind() == ErrorKind.INSTANCE_PATH) {
            at += ", which the revision " + (s.target() == ScriptTarget.FOUND ? "has" : "lacks");
        }
        return at + ".";
    }

    /** The fixes of the matched findings, each with where to make it. */
    private List<String> fixes() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (Diagnostic d : findings) {
            if (d.fix() == null || !seen.add(d.fix()) || d.code() == DiagnosticCode.PREVIOUS_REVISION_EVENT) {
                continue;
            }
            String where = d.file() == null ? "" : d.file() + (d.line() > 0 ? " line " + d.line() : "") + ": ";
            out.add(where + d.fix());
        }
        return List.copyOf(out);
    }

    private String timeoutOfScript() {
        return match.map(m -> " (" + m.script().script().timeout() + " s)").orElse("");
    }

    private String scriptsLog() {
        return r.hasLayout() ? AgentPath.POSIX.join(r.rootDir(), r.deploymentGroupId() + "/" + r.deploymentId()
                + "/logs/scripts.log") : "<deployment folder>/logs/scripts.log";
    }
}
