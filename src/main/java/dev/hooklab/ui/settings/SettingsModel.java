package dev.hooklab.ui.settings;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.ui.model.RevisionModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The deployment settings as properties. A change writes the model at once: where the revision is deployed (OS,
 * root dir, deployment group id, deployment id) to {@link RevisionModel#layoutProperty()}, how it is judged (type,
 * AppSpec file name, file-exists behaviour, a replacing AppSpec) to {@link RevisionModel#optionsProperty()}; the
 * shell then re-judges. Settings set from elsewhere (a pasted error, the saved state) show up here. The
 * application name and deployment group name are part of neither yet: they live here for the run view. Empty text
 * means "the agent's default" (a blank deployment id: the one drawn for the open revision).
 */
public final class SettingsModel {
    /** The fileExistsBehavior choices; null stands for "as the AppSpec says" (the agent's default DISALLOW). */
    public static final List<String> FILE_EXISTS = List.of("DISALLOW", "OVERWRITE", "RETAIN");

    private final RevisionModel revision;
    private final ObjectProperty<DeploymentType> type = new SimpleObjectProperty<>(this, "type");
    private final ObjectProperty<TargetOs> os = new SimpleObjectProperty<>(this, "os");
    private final StringProperty deploymentGroupId = new SimpleStringProperty(this, "deploymentGroupId");
    private final StringProperty deploymentId = new SimpleStringProperty(this, "deploymentId");
    private final StringProperty rootDir = new SimpleStringProperty(this, "rootDir");
    private final StringProperty applicationName = new SimpleStringProperty(this, "applicationName", "");
    private final StringProperty deploymentGroupName = new SimpleStringProperty(this, "deploymentGroupName", "");
    private final StringProperty appspecName = new SimpleStringProperty(this, "appspecName");
    private final ObjectProperty<String> fileExistsBehavior = new SimpleObjectProperty<>(this, "fileExistsBehavior");
    private final ObjectProperty<Path> appspecOverride = new SimpleObjectProperty<>(this, "appspecOverride");
    private boolean loading;

    public SettingsModel(RevisionModel revision) {
        this.revision = revision;
        load(revision.getOptions(), revision.getLayout(), true);
        revision.optionsProperty().addListener((o, old, options) -> load(options, revision.getLayout(), false));
        revision.layoutProperty().addListener((o, old, layout) -> load(revision.getOptions(), layout, false));
        os.addListener((o, old, now) -> {
            // the other platform's default root dir follows the OS; a root dir the user typed stays
            if (!loading && old != null && now != null && DeploymentLayout.defaultRoot(old).equals(rootDir.get())) {
                rootDir.set(DeploymentLayout.defaultRoot(now));
            }
        });
        for (ObservableValue<?> p : List.of(type, os, deploymentGroupId, deploymentId, rootDir, appspecName,
                fileExistsBehavior, appspecOverride)) {
            p.addListener((o, old, v) -> apply());
        }
    }

    private void load(InspectOptions o, DeploymentLayout l, boolean always) {
        if (o == null || l == null || !always && o.equals(options()) && l.equals(layout())) {
            return;
        }
        loading = true;
        try {
            type.set(o.type());
            appspecName.set(text(o.appspecName()));
            fileExistsBehavior.set(o.fileExistsBehavior());
            appspecOverride.set(o.appspecOverride());
            os.set(l.os());
            deploymentGroupId.set(l.deploymentGroupId());
            deploymentId.set(l.deploymentId());
            rootDir.set(l.rootDir());
        } finally {
            loading = false;
        }
    }

    /** How the revision is judged (empty text: the default). */
    public InspectOptions options() {
        String name = blankToNull(appspecName.get());
        return new InspectOptions(type.get() == null ? DeploymentType.IN_PLACE : type.get(),
                name == null ? "appspec.yml" : name, appspecOverride.get(), fileExistsBehavior.get());
    }

    /** Where it is deployed (empty text: the default; a blank deployment id: the drawn one). */
    public DeploymentLayout layout() {
        TargetOs platform = os.get() == null ? TargetOs.LINUX : os.get();
        String root = blankToNull(rootDir.get());
        String group = blankToNull(deploymentGroupId.get());
        String id = blankToNull(deploymentId.get());
        return new DeploymentLayout(platform, root == null ? DeploymentLayout.defaultRoot(platform) : root,
                group == null ? DeploymentLayout.LOCAL_GROUP : group, id == null ? "" : id);
    }

    private void apply() {
        if (loading) {
            return;
        }
        InspectOptions options = options();
        DeploymentLayout layout = layout();
        if (!Objects.equals(layout, revision.getLayout())) {
            revision.layoutProperty().set(layout);
        }
        if (!Objects.equals(options, revision.getOptions())) {
            revision.optionsProperty().set(options);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObjectProperty<DeploymentType> typeProperty() {
        return type;
    }

    public ObjectProperty<TargetOs> osProperty() {
        return os;
    }

    public StringProperty deploymentGroupIdProperty() {
        return deploymentGroupId;
    }

    public StringProperty deploymentIdProperty() {
        return deploymentId;
    }

    public StringProperty rootDirProperty() {
        return rootDir;
    }

    /** Not in the options or layout yet; the run view will give it to hooks as APPLICATION_NAME. */
    public StringProperty applicationNameProperty() {
        return applicationName;
    }

    /** Not in the options or layout yet; the run view will give it to hooks as DEPLOYMENT_GROUP_NAME. */
    public StringProperty deploymentGroupNameProperty() {
        return deploymentGroupName;
    }

    public StringProperty appspecNameProperty() {
        return appspecName;
    }

    /** DISALLOW, OVERWRITE, RETAIN, or null for the AppSpec's own (default DISALLOW). */
    public ObjectProperty<String> fileExistsBehaviorProperty() {
        return fileExistsBehavior;
    }

    /** A file replacing the revision's AppSpec (the CLI's --appspec), or null. */
    public ObjectProperty<Path> appspecOverrideProperty() {
        return appspecOverride;
    }
}
