package dev.hooklab.ui.settings;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
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
 * The deployment settings as properties. A change writes {@link RevisionModel#optionsProperty()} at once (the
 * shell then re-judges); options set from elsewhere (a pasted error, preferences) show up here. The application
 * name and deployment group name are not part of {@link InspectOptions} yet: they live here for the run view.
 * Empty text means "the agent's default".
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
        load(revision.getOptions(), true);
        revision.optionsProperty().addListener((o, old, options) -> load(options, false));
        for (ObservableValue<?> p : List.of(type, os, deploymentGroupId, deploymentId, rootDir, appspecName,
                fileExistsBehavior, appspecOverride)) {
            p.addListener((o, old, v) -> apply());
        }
    }

    private void load(InspectOptions o, boolean always) {
        if (o == null || !always && o.equals(options())) {
            return;
        }
        loading = true;
        try {
            type.set(o.type());
            os.set(o.os());
            deploymentGroupId.set(text(o.deploymentGroupId()));
            deploymentId.set(text(o.deploymentId()));
            rootDir.set(text(o.rootDir()));
            appspecName.set(text(o.appspecName()));
            fileExistsBehavior.set(o.fileExistsBehavior());
            appspecOverride.set(o.appspecOverride());
        } finally {
            loading = false;
        }
    }

    /** The settings as options (empty text: the default). */
    public InspectOptions options() {
        String name = blankToNull(appspecName.get());
        return new InspectOptions(os.get() == null ? TargetOs.LINUX : os.get(), blankToNull(rootDir.get()),
                blankToNull(deploymentGroupId.get()), blankToNull(deploymentId.get()),
                type.get() == null ? DeploymentType.IN_PLACE : type.get(), name == null ? "appspec.yml" : name,
                appspecOverride.get(), fileExistsBehavior.get());
    }

    private void apply() {
        if (loading) {
            return;
        }
        InspectOptions next = options();
        if (!Objects.equals(next, revision.getOptions())) {
            revision.optionsProperty().set(next);
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

    /** Not in InspectOptions yet; the run view will give it to hooks as APPLICATION_NAME. */
    public StringProperty applicationNameProperty() {
        return applicationName;
    }

    /** Not in InspectOptions yet; the run view will give it to hooks as DEPLOYMENT_GROUP_NAME. */
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
