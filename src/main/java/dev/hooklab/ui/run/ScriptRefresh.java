package dev.hooklab.ui.run;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InputKind;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.inspect.OpenedRevision;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;
import dev.hooklab.run.agent.SandboxTree;
import dev.hooklab.run.session.Sandbox;
import dev.hooklab.run.session.StepState;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Before a Re-run: reads the step's scripts (and the AppSpec) again from the revision on disk and puts them where
 * the agent runs them, in the sandbox's deployment-archive, so a script fixed in the editor runs fixed. The
 * revision is read afresh (a zip rebuilt since it was opened included); everything is written through the
 * sandbox's own writes, never outside it. Says what it read, for the run view's notes.
 */
final class ScriptRefresh {
    /** The most of one script or AppSpec read back. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Inspector inspector;

    ScriptRefresh(Inspector inspector) {
        this.inspector = inspector;
    }

    /** What a refresh did: one note per file, and a short summary for the status line. */
    record Refreshed(List<String> notes, String summary) {
    }

    /**
     * @param judged the revision as the session was built from it (input, deployment, settings)
     * @return what was read
     */
    Refreshed refresh(Inspection judged, Sandbox sandbox, StepState step) throws InputException, IOException {
        List<Said> said = read(judged, sandbox, step);
        List<String> files = said.stream().filter(n -> n.file() != null)
                .map(n -> n.file() + (n.changed() ? " (changed)" : " (unchanged)")).toList();
        List<String> notes = said.stream().map(Said::text).toList();
        String summary = files.isEmpty() ? String.join(" ", notes)
                : "read again from the revision on disk: " + String.join(", ", files) + ".";
        return new Refreshed(notes, summary);
    }

    /** One thing a refresh says; {@code file} is the file it read again (null for anything else). */
    private record Said(String text, String file, boolean changed) {
        static Said of(String text) {
            return new Said(text, null, false);
        }
    }

    private List<Said> read(Inspection judged, Sandbox sandbox, StepState step) throws InputException, IOException {
        switch (step.revision()) {
            case AGENT -> {
                return List.of(Said.of(step.event() + " runs again from the revision "
                        + (judged.kind() == InputKind.FOLDER ? "folder on disk." : "as it was opened; reload it (F5) "
                        + "to read a changed archive.")));
            }
            case PREVIOUS -> {
                return List.of(Said.of(step.event() + " runs the previous revision's scripts as they were deployed; "
                        + "they are not read again."));
            }
            default -> {
                // this revision's scripts, below
            }
        }
        DeploymentLayout layout = judged.layout();
        SandboxTree tree = sandbox.tree();
        if (!tree.isDirectory(layout.archiveDir())) {
            return List.of(Said.of("DownloadBundle has not run: there is no deployment-archive to put scripts in yet."));
        }
        OpenedRevision fresh = inspector.read(judged.input());
        Inspection again = inspector.judge(fresh, layout, judged.options());
        List<Said> said = new ArrayList<>();
        if (judged.options().appspecOverride() == null && again.appspecEntry() != null
                && again.lookup().flatMap(l -> l.effectiveName()).isPresent()) {
            String name = again.lookup().get().effectiveName().get();
            put(fresh, again.appspecEntry(), layout.paths().join(layout.archiveDir(), name), name, tree, sandbox,
                    said);
        }
        Optional<PlannedEvent> event = again.plan().event(step.event());
        List<PlannedScript> scripts = event.map(PlannedEvent::scripts).orElse(List.of());
        if (scripts.isEmpty()) {
            said.add(Said.of(step.event() + " has no scripts in the revision on disk now."));
        }
        for (PlannedScript ps : scripts) {
            String location = ps.script().location();
            if (ps.bundleEntry() == null || ps.archivePath() == null) {
                said.add(Said.of(location + " is not a file of the revision (" + ps.target().label() + "): nothing "
                        + "to read again."));
                continue;
            }
            put(fresh, ps.bundleEntry(), ps.path(), location, tree, sandbox, said);
        }
        return said;
    }

    private static void put(OpenedRevision fresh, String entry, String instancePath, String shown, SandboxTree tree,
                            Sandbox sandbox, List<Said> said) throws IOException {
        Optional<byte[]> body = fresh.bundle().orElseThrow().read(entry, MAX_BYTES);
        if (body.isEmpty()) {
            said.add(Said.of(shown + ": the revision on disk has no readable file " + entry + "."));
            return;
        }
        byte[] before = tree.isRegularFile(instancePath) ? tree.read(instancePath) : null;
        try (OutputStream out = sandbox.writes().openForWriting(instancePath)) {
            out.write(body.get());
        }
        boolean changed = before == null || !Arrays.equals(before, body.get());
        said.add(new Said("Read " + shown + " again from the revision on disk (" + fresh.input().getFileName() + "/"
                + entry + ")" + (changed ? ": changed since it was deployed." : ": unchanged."), shown, changed));
    }
}
