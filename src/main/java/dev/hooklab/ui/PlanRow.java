package dev.hooklab.ui;

import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.util.ArrayList;
import java.util.List;

/** One row of the plan table: an event, or one script of an event. */
record PlanRow(String event, String revision, String location, String path, String status, boolean runs,
               int line, String styleClass) {

    static List<PlanRow> of(List<PlannedEvent> events) {
        List<PlanRow> rows = new ArrayList<>();
        for (PlannedEvent e : events) {
            String origin = switch (e.revision()) {
                case AGENT -> "agent";
                case PREVIOUS -> "previous";
                case CURRENT -> "this revision";
            };
            if (e.scripts().isEmpty()) {
                rows.add(new PlanRow(e.name(), origin, "", "", e.runs() ? (e.agentStep() ? "agent step" : "no scripts")
                        : "not run", e.runs(), e.mark().line(), e.runs() ? "event" : "not-run"));
                continue;
            }
            for (PlannedScript s : e.scripts()) {
                String status = switch (s.target()) {
                    case FOUND -> "found: " + s.bundleEntry();
                    case MISSING -> "missing";
                    case DIRECTORY -> "a directory";
                    case OUTSIDE_ARCHIVE -> s.installedBy() != null ? "outside archive (installed from "
                            + s.installedBy().archivePath() + ")" : "outside archive";
                    case UNKNOWN -> "not checked";
                };
                String style = !e.runs() ? "not-run" : switch (s.target()) {
                    case FOUND -> "found";
                    case MISSING, DIRECTORY -> "missing";
                    case OUTSIDE_ARCHIVE -> "outside";
                    case UNKNOWN -> "event";
                };
                rows.add(new PlanRow(e.name(), origin, s.script().location(), s.path(),
                        e.runs() ? status : "not run: " + status, e.runs(), s.script().mark().line(), style));
            }
        }
        return rows;
    }
}
