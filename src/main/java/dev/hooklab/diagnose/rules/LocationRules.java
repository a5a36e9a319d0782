package dev.hooklab.diagnose.rules;

import dev.hooklab.appspec.AppSpecDocument;
import dev.hooklab.appspec.HookScript;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.DeploymentArchive;
import dev.hooklab.bundle.EntryType;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.DiagnosticCode;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.Lifecycle;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.RevisionSource;
import dev.hooklab.plan.ScriptTarget;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Where each hook location really points, and what the agent does when nothing is there. */
final class LocationRules implements Rule {
    /** Events that run before Install has copied the files section into place. */
    private static final Set<String> BEFORE_INSTALL_COPY = Set.of(Lifecycle.BEFORE_BLOCK_TRAFFIC,
            Lifecycle.AFTER_BLOCK_TRAFFIC, Lifecycle.APPLICATION_STOP, Lifecycle.BEFORE_INSTALL);

    @Override
    public void check(RevisionFacts facts, Consumer<Diagnostic> out) {
        Optional<DeploymentArchive> revision = facts.bundle().map(b -> b.archive());
        facts.forEachScript((event, script) -> {
            if (event.runs()) {
                checkScript(facts, revision, event, script, out);
            }
        });
    }

    private void checkScript(RevisionFacts facts, Optional<DeploymentArchive> revision, PlannedEvent event,
                             PlannedScript s, Consumer<Diagnostic> out) {
        AppSpecDocument doc = facts.appspec();
        DeploymentPlan plan = facts.plan();
        HookScript script = s.script();
        String location = script.location();
        String file = doc.fileName();
        int line = script.mark().line();
        int column = script.mark().column();
        String prefix = event.name() + "'s script " + location;
        boolean nextDeployment = event.revision() == RevisionSource.PREVIOUS;
        boolean linux = plan.layout().os() == TargetOs.LINUX;

        Optional<IntendedScript.Guess> meant = Optional.empty();
        if (location.startsWith("/") || (!linux && location.startsWith("\\"))) {
            meant = IntendedScript.installedAt(plan.layout().paths().expand(location, "/"), plan,
                    doc.spec().files(), revision);
        }
        if (meant.isEmpty() && s.target() == ScriptTarget.MISSING && revision.isPresent()) {
            meant = IntendedScript.similar(s.archivePath(), revision.get());
        }
        String fix = meant.map(m -> "location: " + m.archivePath()).orElse(null);

        switch (s.target()) {
            case MISSING -> {
                boolean slash = location.startsWith("/");
                String why = slash
                        ? " A leading '/' keeps the location inside deployment-archive, where the revision has no "
                        + s.archivePath() + "."
                        : " The revision has no file at " + s.archivePath() + " (after the agent's top-folder rule).";
                out.accept(Diagnostic.error(DiagnosticCode.SCRIPT_MISSING,
                                prefix + " is looked up at " + s.path() + "." + why
                                        + meant.filter(g -> !slash).map(g -> " Probably meant: " + g.why() + ".").orElse("")
                                        + (nextDeployment ? " This fails the next deployment's " + event.name()
                                        + ", which runs this revision's scripts." : ""))
                        .withAgentMessage("Script does not exist at specified location: " + s.path())
                        .withFix(fix != null ? fix : "Write location as the script's path relative to the revision root.")
                        .at(file, line, column));
            }
            case DIRECTORY -> out.accept(Diagnostic.error(DiagnosticCode.SCRIPT_IS_DIRECTORY,
                            prefix + " names a directory of the revision; the agent finds it and then cannot execute it.")
                    .withAgentMessage(directoryFailure(script, s.path()))
                    .withFix("Point location at the script file inside " + s.archivePath() + "/.")
                    .at(file, line, column));
            case FOUND -> special(revision, s).ifPresent(what -> out.accept(Diagnostic.error(
                            DiagnosticCode.SCRIPT_SPECIAL_FILE, prefix + " names " + what + " of the revision, not a"
                                    + " regular file. The agent's tar, running as root, recreates it; the agent finds it,"
                                    + " makes it executable and execs it, and exec refuses it (Permission denied).")
                    .withAgentMessage(directoryFailure(script, s.path()))
                    .withFix("Ship the script as a regular file at " + s.archivePath() + ".")
                    .at(file, line, column)));
            case OUTSIDE_ARCHIVE -> out.accept(escapes(event, s, prefix, plan.layout().expandedRoot())
                    .at(file, line, column));
            default -> {
            }
        }
        if (location.startsWith("/")) {
            String rest = location.replaceFirst("^/+", "");
            String suggestion = fix != null ? fix : "location: " + rest;
            String message = "location " + location + " starts with '/', but the agent joins it onto "
                    + "deployment-archive: it runs " + s.path() + ", not " + location + "."
                    + meant.map(m -> " You probably meant " + m.archivePath() + ": " + m.why() + ".").orElse("");
            out.accept(Diagnostic.warning(DiagnosticCode.LOCATION_LEADING_SLASH, message)
                    .withFix(suggestion)
                    .at(file, line, column));
        }
        if (linux && location.contains("\\")) {
            out.accept(Diagnostic.warning(DiagnosticCode.LOCATION_BACKSLASH,
                            "location " + location + " contains '\\', which on Linux is part of the file name, not a "
                                    + "folder separator.")
                    .withFix("location: " + location.replace('\\', '/').replaceFirst("^/+", ""))
                    .at(file, line, column));
        }
        if (location.chars().anyMatch(Character::isWhitespace)) {
            out.accept(Diagnostic.warning(DiagnosticCode.LOCATION_WHITESPACE,
                            "location " + location + " contains a space; the agent runs the path unquoted, so it is "
                                    + "split into separate words and the script is not found (Errno::ENOENT).")
                    .withFix("Rename the script without spaces.")
                    .at(file, line, column));
        }
    }

    /**
     * A location that leaves deployment-archive. Inside the agent's deployment root (another folder of the
     * deployment or of its group) or at a file the revision's {@code files} section installs, it is the
     * deployment's own file: a warning. Anywhere else it names a file of the instance's system (/etc/passwd,
     * /bin/sh, /usr/...) that the agent would chmod +x and execute: an error.
     */
    private static Diagnostic escapes(PlannedEvent event, PlannedScript s, String prefix, String deploymentRoot) {
        if (s.installedBy() == null && !AgentPath.isWithin(s.path(), deploymentRoot)) {
            return Diagnostic.error(DiagnosticCode.LOCATION_ESCAPES_ARCHIVE, prefix + " resolves to " + s.path()
                            + ", outside the agent's deployment root " + deploymentRoot + ", and the revision does not"
                            + " install it: agent 1.x would run chmod +x on that file of the instance and execute it,"
                            + " whatever it is; agent 2.1 rejects locations that leave the revision directory.")
                    .withAgentMessage("Script at specified location: " + s.script().location()
                            + " resolves outside the deployment archive")
                    .withFix("Ship the script in the revision and give its path relative to the revision root.");
        }
        StringBuilder m = new StringBuilder(prefix).append(" resolves to ").append(s.path())
                .append(", outside deployment-archive. Agent 1.x runs it when that file exists on the instance; "
                        + "agent 2.1 rejects locations that leave the revision directory.");
        if (s.installedBy() != null) {
            m.append(" The files section installs ").append(s.path()).append(" from entry ")
                    .append(s.installedBy().archivePath()).append(".");
            if (BEFORE_INSTALL_COPY.contains(event.name())) {
                m.append(" But ").append(event.name()).append(" runs before Install copies it: on a first deployment "
                        + "the agent fails with \"Script does not exist at specified location: ").append(s.path())
                        .append("\".");
            }
        } else {
            m.append(" Nothing in this revision installs that path, so it depends on what the instance has there.");
        }
        String fix = s.installedBy() != null
                ? "location: " + s.installedBy().archivePath()
                : "Ship the script in the revision and give its path relative to the revision root.";
        return Diagnostic.warning(DiagnosticCode.LOCATION_ESCAPES_ARCHIVE, m.toString())
                .withAgentMessage("Script at specified location: " + s.script().location()
                        + " resolves outside the deployment archive")
                .withFix(fix);
    }

    /** What a script entry is when it is a FIFO or device (tar keeps them), else empty. */
    private static Optional<String> special(Optional<DeploymentArchive> revision, PlannedScript s) {
        return revision.flatMap(r -> r.resolve(s.archivePath()).flatMap(r::entry))
                .filter(e -> e.type() == EntryType.OTHER)
                .map(e -> "a FIFO or device");
    }

    /**
     * What the agent reports when the location is a directory, FIFO or device (agent-behaviour.md §5.4, §5.7; exec refuses
     * anything but a regular file with EACCES): the agent spawns the
     * path itself (EACCES, a spawn error), or su's shell does ("Is a directory", exit 126), or sudo does
     * (exit 1).
     */
    private static String directoryFailure(HookScript script, String path) {
        String prefix = "Script at specified location: " + script.location() + runAs(script);
        if (script.runas() != null) {
            return prefix + " failed with exit code 126";
        }
        if (script.sudo()) {
            return prefix + " failed with exit code 1";
        }
        return prefix + " failed with error Errno::EACCES with message Permission denied - " + path;
    }

    static String runAs(HookScript script) {
        return script.runas() != null ? " run as user " + script.runas() : "";
    }
}
