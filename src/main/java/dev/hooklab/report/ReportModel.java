package dev.hooklab.report;

import dev.hooklab.bundle.Bundle;
import dev.hooklab.bundle.TopFolder;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.InputKind;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report says about one inspection, in words and raw values, before any format escapes them: the
 * Markdown and HTML writers render the same model. Every string here may come from the revision (file
 * names, AppSpec values), so the writers treat all of it as untrusted text.
 *
 * @param title     the heading: the input's file name
 * @param generated a line the caller passes (a time, a version), or null: the model reads no clock
 * @param verdict   the agent's verdict and the counts
 * @param revision  what was inspected: input, kind, AppSpec entry
 * @param settings  the deployment the paths are computed for
 * @param plan      one row per script of every event, one row for an event without scripts
 * @param notes     what to know about events (why one never runs, which revision it runs)
 * @param findings  every diagnostic, in the inspection's order (errors first)
 */
public record ReportModel(String title, String generated, Verdict verdict, List<Field> revision,
                          List<Field> settings, List<PlanRow> plan, List<Note> notes, List<Finding> findings) {

    public ReportModel {
        revision = List.copyOf(revision);
        settings = List.copyOf(settings);
        plan = List.copyOf(plan);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    /** One name and value; {@code literal} values (paths, ids, names) are shown as code. A null value shows as a dash. */
    public record Field(String name, String value, boolean literal) {
    }

    /**
     * One script of the plan (or an event without scripts: then location and path are null).
     *
     * @param event    the event name
     * @param runsFrom "this revision", "last successful revision", "agent step", or why it never runs
     * @param runs     whether the deployment type runs the event
     * @param location the location as written in the AppSpec
     * @param path     the computed on-instance path
     * @param status   found, missing, directory, outside-archive, unknown (a {@code ScriptTarget} label), or null
     * @param detail   the bundle entry found, or the files copy that installs it, or null
     * @param timeout  seconds, or null
     * @param runas    the runas user, or null
     * @param sudo     whether sudo is set
     */
    public record PlanRow(String event, String runsFrom, boolean runs, String location, String path, String status,
                          String detail, Integer timeout, String runas, boolean sudo) {

        /** Whether the agent fails on this script: it runs and nothing executable is at its path. */
        public boolean problem() {
            return runs && ("missing".equals(status) || "directory".equals(status));
        }

        /** The status in words. */
        public String statusText() {
            if (status == null) {
                return null;
            }
            return switch (status) {
                case "found" -> "found";
                case "missing" -> "missing from the revision";
                case "directory" -> "a directory, not a file";
                case "outside-archive" -> "outside deployment-archive";
                default -> "not checked (AppSpec alone)";
            };
        }
    }

    /** A note on one event. */
    public record Note(String event, String text) {
    }

    /**
     * One diagnostic.
     *
     * @param where file:line:column, or null when the finding has no place
     */
    public record Finding(Severity severity, String code, String where, String message, String agentMessage,
                          String fix) {
    }

    /** The agent's verdict: it fails the deployment when there is any error. */
    public record Verdict(long errors, long warnings, long info) {

        public boolean fails() {
            return errors > 0;
        }

        public String sentence() {
            String counts = errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s") + ", " + info + " info";
            return fails() ? "The agent would fail this deployment: " + counts + "."
                    : "The agent would accept this revision: " + counts + ".";
        }
    }

    /** The model of an inspection, with no generated line. */
    public static ReportModel of(Inspection in) {
        return of(in, null);
    }

    /**
     * The model of an inspection.
     *
     * @param generated a line such as "2025-05-01 10:00 UTC, hooklab 1.4" shown under the title, or null
     */
    public static ReportModel of(Inspection in, String generated) {
        Path name = in.input().getFileName();
        String title = name != null ? name.toString() : in.input().toString();
        Verdict verdict = new Verdict(in.count(Severity.ERROR), in.count(Severity.WARNING), in.count(Severity.INFO));
        List<PlanRow> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        plan(in.plan(), rows, notes);
        List<Finding> findings = in.diagnostics().stream().map(ReportModel::finding).toList();
        return new ReportModel(title, generated, verdict, revision(in), settings(in.plan()), rows, notes, findings);
    }

    private static List<Field> revision(Inspection in) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("Input", in.input().toString(), true));
        if (in.bundle().isPresent()) {
            Bundle b = in.bundle().get();
            long entries = b.entries().stream().filter(e -> !e.implicit()).count();
            String kind = in.kind() == InputKind.FOLDER ? "folder" : b.format().label() + " archive";
            f.add(new Field("Kind", kind + ", " + entries + " entr" + (entries == 1 ? "y" : "ies"), false));
            TopFolder top = b.archive().topFolder();
            if (top.stripped()) {
                f.add(new Field("Top folder stripped by the agent", top.folder() + "/", true));
            }
        } else {
            f.add(new Field("Kind", "AppSpec alone: paths computed, bundle checks skipped", false));
        }
        boolean replaced = in.kind() != InputKind.APPSPEC && in.lookup().isEmpty() && in.appspecSource() != null;
        f.add(new Field(replaced ? "AppSpec (replaces the revision's)" : "AppSpec entry", in.appspecEntry(), true));
        f.add(new Field("AppSpec verdict", in.appspecEntry() == null ? "not found"
                : in.appspec().valid() ? "accepted by the agent" : "rejected by the agent", false));
        return f;
    }

    private static List<Field> settings(DeploymentPlan plan) {
        DeploymentLayout l = plan.layout();
        List<Field> f = new ArrayList<>();
        f.add(new Field("Deployment type", plan.type().label(), true));
        f.add(new Field("Deployment group id", l.deploymentGroupId(), true));
        f.add(new Field("Deployment id", l.deploymentId(), true));
        f.add(new Field("Root dir", l.rootDir(), true));
        f.add(new Field("OS", l.os().label(), true));
        f.add(new Field("File exists behaviour", plan.install().fileExistsBehavior(), true));
        f.add(new Field("deployment-archive", l.archiveDir(), true));
        return f;
    }

    private static void plan(DeploymentPlan plan, List<PlanRow> rows, List<Note> notes) {
        for (PlannedEvent e : plan.events()) {
            String from = !e.runs() ? "never in " + plan.type().label() : switch (e.revision()) {
                case AGENT -> "agent step";
                case PREVIOUS -> "last successful revision";
                case CURRENT -> "this revision";
            };
            if (e.scripts().isEmpty()) {
                rows.add(new PlanRow(e.name(), from, e.runs(), null, null, null, null, null, null, false));
            }
            for (PlannedScript s : e.scripts()) {
                String detail = s.bundleEntry();
                if (detail == null && s.installedBy() != null) {
                    detail = "installed from " + s.installedBy().archivePath();
                }
                rows.add(new PlanRow(e.name(), from, e.runs(), s.script().location(), s.path(), s.target().label(),
                        detail, s.script().timeout(), s.script().runas(), s.script().sudo()));
            }
            if (e.note() != null && (!e.runs() || !e.scripts().isEmpty())) {
                notes.add(new Note(e.name(), e.note()));
            }
        }
    }

    private static Finding finding(Diagnostic d) {
        String where = null;
        if (d.file() != null) {
            where = d.file() + (d.line() > 0 ? ":" + d.line() + (d.column() > 0 ? ":" + d.column() : "") : "");
        }
        return new Finding(d.severity(), d.code().slug(), where, d.message(), d.agentMessage(), d.fix());
    }
}
