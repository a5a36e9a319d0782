package dev.hooklab.ui.plan;

import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.plan.RevisionSource;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the plan: an event without scripts, or one script of an event.
 *
 * @param event       the lifecycle event
 * @param scriptIndex the script's index within the event, -1 for an event row
 * @param runsFrom    "this revision", "previous" (the last successful revision), "agent" or "never"
 * @param runsWhy     why (the tooltip of runsFrom)
 * @param location    the location as written in the AppSpec; for an event row, in brackets, why it has none
 * @param path        the full on-instance path, "" for an event row
 * @param shownPath   the path as the cell shows it: inside deployment-archive, the part after it; else whole
 * @param found       found, missing, a folder, outside the archive, not checked; "" for an event row
 * @param state       the row's style: found, missing, outside, not-run, event
 * @param timeout     seconds, "" for an event row
 * @param runas       the user, "" when none
 * @param sudo        "sudo" or ""
 * @param archivePath the path inside deployment-archive, or null
 * @param bundleEntry the bundle entry the path reaches, or null
 */
public record PlanEntry(String event, int scriptIndex, String runsFrom, String runsWhy, String location, String path,
                        String shownPath, String found, String state, String timeout, String runas, String sudo,
                        String archivePath, String bundleEntry) {

    /** The rows of a plan, in its order; {@code archiveDir} is the deployment-archive folder the cells shorten. */
    public static List<PlanEntry> of(List<PlannedEvent> events, String archiveDir) {
        List<PlanEntry> rows = new ArrayList<>();
        for (PlannedEvent e : events) {
            String from = !e.runs() ? "never" : switch (e.revision()) {
                case AGENT -> "agent";
                case PREVIOUS -> "previous";
                case CURRENT -> "this revision";
            };
            String why = why(e);
            if (e.scripts().isEmpty()) {
                String what = !e.runs() ? "(not run)" : e.agentStep() ? "(the agent's own step)" : "(no scripts)";
                rows.add(new PlanEntry(e.name(), -1, from, why, what, "", "", "", e.runs() ? "event" : "not-run",
                        "", "", "", null, null));
                continue;
            }
            for (int i = 0; i < e.scripts().size(); i++) {
                PlannedScript s = e.scripts().get(i);
                String found = switch (s.target()) {
                    case FOUND -> "found";
                    case MISSING -> "missing";
                    case DIRECTORY -> "a folder";
                    case OUTSIDE_ARCHIVE -> s.installedBy() != null ? "outside (installed by files)" : "outside archive";
                    case UNKNOWN -> "not checked";
                };
                String state = !e.runs() ? "not-run" : switch (s.target()) {
                    case FOUND -> "found";
                    case MISSING, DIRECTORY -> "missing";
                    case OUTSIDE_ARCHIVE -> "outside";
                    case UNKNOWN -> "event";
                };
                rows.add(new PlanEntry(e.name(), i, from, why, s.script().location(), s.path(),
                        shorten(s.path(), archiveDir), found, state, Integer.toString(s.script().timeout()),
                        s.script().runas() == null ? "" : s.script().runas(), s.script().sudo() ? "sudo" : "",
                        s.archivePath(), s.bundleEntry()));
            }
        }
        return rows;
    }

    /** A path inside deployment-archive as the part after it ("var/app/start.sh"); any other path whole. */
    static String shorten(String path, String archiveDir) {
        String prefix = archiveDir.endsWith("/") || archiveDir.endsWith("\\") ? archiveDir : archiveDir + "/";
        String alt = prefix.replace('/', '\\');
        if (path.startsWith(prefix)) {
            return path.substring(prefix.length());
        }
        if (path.startsWith(alt)) {
            return path.substring(alt.length());
        }
        return path;
    }

    private static String why(PlannedEvent e) {
        if (e.note() != null) {
            return e.note();
        }
        if (e.revision() == RevisionSource.AGENT) {
            return e.name() + " is the agent's own step: no script of the revision runs there.";
        }
        if (e.revision() == RevisionSource.PREVIOUS) {
            return e.name() + " runs the scripts of the last successful revision of this deployment group.";
        }
        return e.name() + " runs the scripts of the revision being deployed, from its deployment-archive.";
    }

    public boolean isScript() {
        return scriptIndex >= 0;
    }
}
