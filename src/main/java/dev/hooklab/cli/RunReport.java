package dev.hooklab.cli;

import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.session.FailureFixes;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The JSON of {@code hooklab run}; field names are the contract of DESIGN.md. */
final class RunReport {

    /** @param interrupted whether a signal stopped the run: the result is then "failed" and the rest not-run */
    void write(StepSession session, Isolation isolation, boolean sandboxKept, boolean interrupted, FailureFixes fixes,
               Writer out)
            throws IOException {
        try (Json j = new Json(out)) {
            j.object()
                    .field("result", session.failed() || interrupted ? "failed" : "succeeded")
                    .field("interrupted", interrupted)
                    .field("sandbox", sandboxKept ? session.sandbox().root().toString() : null)
                    .field("isolation", isolation.name())
                    .field("scriptsLog", session.target().layout().scriptsLog())
                    .field("scriptsLogFile", sandboxKept
                            ? session.sandbox().host(session.target().layout().scriptsLog()).toString() : null)
                    .field("deploymentsLog", session.target().layout().deploymentsLog())
                    .field("deploymentsLogFile", sandboxKept
                            ? session.sandbox().host(session.target().layout().deploymentsLog()).toString() : null);
            JsonReport.layout(j, session.target().layout());
            j.array("notes");
            for (String n : session.notes()) {
                j.value(n);
            }
            for (String n : isolation.notes(session.sandbox().mounts())) {
                j.value(n);
            }
            j.endArray();
            j.array("steps");
            for (StepState step : session.steps()) {
                step(j, step, sandboxKept, fixes);
            }
            j.endArray();
            j.end();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void step(Json j, StepState step, boolean sandboxKept, FailureFixes fixes) throws IOException {
        j.object()
                .field("event", step.event())
                .field("revision", step.revision().label())
                .field("status", step.status().label())
                .field("durationMs", step.durationMs())
                .field("agentMessage", step.agentMessage());
        fix(j, fixes.forStep(step));
        j.array("notes");
        for (String n : step.notes()) {
            j.value(n);
        }
        j.endArray();
        j.array("scripts");
        for (int i = 0; i < step.scripts().size(); i++) {
            ScriptState s = step.scripts().get(i);
            script(j, s, sandboxKept, s.run() == null ? List.of() : fixes.forScript(step, i, s.run()));
        }
        j.endArray().end();
    }

    /** {@code fix}: lint's fix for what failed (the most serious first), null when there is none. */
    private static void fix(Json j, List<String> fixes) throws IOException {
        j.field("fix", fixes.isEmpty() ? null : String.join("\n", fixes));
    }

    private static void script(Json j, ScriptState s, boolean sandboxKept, List<String> fixes) throws IOException {
        ScriptRun run = s.run();
        j.object().field("location", s.location())
                .field("status", s.status() == null ? (s.running() ? "running" : "pending") : s.status().json());
        if (run == null) {
            j.nullField("exitCode").field("durationMs", 0L).field("stdout", "").field("stderr", "")
                    .nullField("agentMessage");
        } else {
            j.field("exitCode", run.exitCode() == null ? null : Long.valueOf(run.exitCode()))
                    .field("signal", run.signal())
                    .field("durationMs", run.durationMs())
                    .field("stdout", run.stdout().text())
                    .field("stderr", run.stderr().text())
                    .field("agentMessage", run.agentMessage())
                    .field("command", run.command());
            fix(j, fixes);
            output(j, "stdout", run.stdout(), sandboxKept);
            output(j, "stderr", run.stderr(), sandboxKept);
            j.field("logTail", run.logTail());
            j.array("notes");
            for (String n : run.notes()) {
                j.value(n);
            }
            if (!sandboxKept) {
                spillRemoved(j, "stdout", run.stdout());
                spillRemoved(j, "stderr", run.stderr());
            }
            for (String w : run.agentWarnings()) {
                j.value("agent warning: " + w);
            }
            j.endArray();
            j.array("outputHolders");
            for (var h : run.outputHolders()) {
                j.object().field("stream", h.channel().label()).field("pid", h.process().pid())
                        .field("command", h.process().command()).end();
            }
            j.endArray();
        }
        j.end();
    }

    private static void spillRemoved(Json j, String name, CapturedOutput o) throws IOException {
        if (o.spillFile() != null) {
            j.value("The whole " + name + " (" + o.bytes() + " bytes) was in a file of the temporary sandbox, removed "
                    + "with it; run with --sandbox DIR to keep it.");
        }
    }

    /**
     * {@code <name>Bytes}, {@code <name>DroppedBytes}, {@code <name>AfterTimeoutLines} (the last lines of the output,
     * written after the timeout and lost by the agent) and {@code <name>File}: no path into a removed sandbox.
     */
    private static void output(Json j, String name, CapturedOutput o, boolean sandboxKept) throws IOException {
        j.field(name + "Bytes", o.bytes()).field(name + "DroppedBytes", o.droppedBytes())
                .field(name + "AfterTimeoutLines", (long) o.afterTimeoutLines())
                .field(name + "File", o.spillFile() == null || !sandboxKept ? null : o.spillFile().toString());
    }
}
