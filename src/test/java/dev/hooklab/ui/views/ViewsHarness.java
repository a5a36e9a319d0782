package dev.hooklab.ui.views;

import dev.hooklab.app.Hooklab;
import dev.hooklab.inspect.InputException;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.sample.Samples;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.ui.appspec.AppSpecView;
import dev.hooklab.ui.findings.FindingsView;
import dev.hooklab.ui.model.RevisionModel;
import dev.hooklab.ui.plan.PlanView;
import dev.hooklab.ui.settings.SettingsView;
import dev.hooklab.ui.tree.BundleTreeView;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: the five views on one {@link RevisionModel}, laid out as the shell will, and doing what the shell
 * does with them: inspect a revision when it is opened and re-judge it (synchronously, on the FX thread) when
 * the settings change the options.
 */
public final class ViewsHarness {
    public static final String GROUP_ID = "f808110e-bfcb-4ea9-a1f0-6377570718ec";
    public static final String DEPLOYMENT_ID = "d-VALNHOGV7";

    public final RevisionModel revision = new RevisionModel();
    public final Inspector inspector = Hooklab.create().inspector();
    public final List<Path> opened = new ArrayList<>();
    public final List<String> copied = new ArrayList<>();
    public final BundleTreeView tree = new BundleTreeView(revision);
    public final PlanView plan = new PlanView(revision, copied::add);
    public final AppSpecView appspec = new AppSpecView(revision, opened::add);
    public final FindingsView findings = new FindingsView(revision);
    public final SettingsView settings;
    public Path chosenAppSpec;
    private Path current;

    public ViewsHarness() {
        settings = new SettingsView(revision, () -> chosenAppSpec);
        revision.optionsProperty().addListener((o, old, options) -> judge());
        revision.layoutProperty().addListener((o, old, layout) -> judge());
    }

    /** Opens a revision under the seed story's deployment ids. */
    public void open(Path input) {
        current = input;
        DeploymentLayout l = revision.getLayout();
        if (l.deploymentId().isBlank()) {
            revision.layoutProperty().set(new DeploymentLayout(l.os(), l.rootDir(), GROUP_ID, DEPLOYMENT_ID));
        } else {
            judge();
        }
    }

    private void judge() {
        if (current == null) {
            return;
        }
        try {
            revision.inspectionProperty().set(inspector.inspect(current, revision.getLayout(), revision.getOptions()));
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Tree and settings on the left; plan over AppSpec and findings on the right. */
    public Parent layout() {
        SplitPane left = new SplitPane(tree.node(), settings.node());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.58);
        SplitPane bottom = new SplitPane(appspec.node(), findings.node());
        bottom.setDividerPositions(0.52);
        SplitPane right = new SplitPane(plan.node(), bottom);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        SplitPane all = new SplitPane(left, right);
        all.setDividerPositions(0.3);
        return all;
    }

    /** The seed story as a folder: files / -> /var/app/current, AfterInstall at /var/app/current/start_aplication.sh. */
    public static Path seedStory(Path dir) {
        try {
            return new Samples().seedStory().materialize(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
