package dev.hooklab.ui.settings;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.DeploymentType;
import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.model.RevisionModel;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.beans.property.StringProperty;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The deployment settings form: what the revision is judged under. Text fields apply on Enter or when they lose
 * the focus, choices at once; the tooltips explain the agent's terms.
 */
public final class SettingsView {
    private static final String AS_APPSPEC = "as the AppSpec says";

    private final SettingsModel model;
    private final GridPane grid = new GridPane();
    private final ScrollPane node;
    private int row;

    /** @param appspecChooser asks the user for an appspec.yml (a file chooser); returns null when cancelled */
    public SettingsView(RevisionModel revision, Supplier<Path> appspecChooser) {
        this.model = new SettingsModel(revision);
        grid.getStyleClass().add("settings-grid");
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        ComboBox<DeploymentType> type = choice("deployment-type", DeploymentType.values(), DeploymentType::label,
                model.typeProperty());
        add("Deployment type", type, "The kind of deployment: it decides which lifecycle events the agent runs, "
                + "and in which order.");
        add("Deployment group id", text("deployment-group-id", model.deploymentGroupIdProperty(),
                DeploymentLayout.LOCAL_GROUP), "deployment group id: the UUID CodeDeploy gives the deployment group "
                + "(not its name). The agent keeps every deployment of the group under <root>/<group id>/; "
                + "codedeploy-local uses " + DeploymentLayout.LOCAL_GROUP + ".");
        add("Deployment id", text("deployment-id", model.deploymentIdProperty(), "d-XXXXXXXXX"),
                "The deployment's id (d- and 9 letters or digits): the folder <root>/<group id>/<deployment id>/ "
                        + "whose deployment-archive holds the unpacked revision. Drawn once per opened revision "
                        + "when left empty.");
        add("Root dir", text("root-dir", model.rootDirProperty(), DeploymentLayout.LINUX_ROOT),
                "The agent's :root_dir: setting: where deployments live on the instance.");
        add("OS", choice("os", TargetOs.values(), TargetOs::label, model.osProperty()),
                "The instance's platform: it decides paths and the AppSpec's os check.");
        add("Application name", text("application-name", model.applicationNameProperty(), ""),
                "The CodeDeploy application; hooks see it as APPLICATION_NAME when they run.");
        add("Deployment group name", text("deployment-group-name", model.deploymentGroupNameProperty(), ""),
                "The deployment group's name; hooks see it as DEPLOYMENT_GROUP_NAME when they run.");
        add("AppSpec file name", text("appspec-name", model.appspecNameProperty(), "appspec.yml"),
                "The deployment's AppSpec file name (appspec.yml unless the deployment names another).");
        List<String> behaviours = new ArrayList<>(SettingsModel.FILE_EXISTS);
        behaviours.add(0, AS_APPSPEC);
        ComboBox<String> exists = new ComboBox<>(FXCollections.observableArrayList(behaviours));
        exists.setId("file-exists-behavior");
        exists.setValue(model.fileExistsBehaviorProperty().get() == null ? AS_APPSPEC
                : model.fileExistsBehaviorProperty().get());
        exists.valueProperty().addListener((o, old, v) -> model.fileExistsBehaviorProperty()
                .set(v == null || AS_APPSPEC.equals(v) ? null : v));
        model.fileExistsBehaviorProperty().addListener((o, old, v) -> exists.setValue(v == null ? AS_APPSPEC : v));
        add("If a file exists", exists, "fileExistsBehavior: what Install does with a file that is already at a "
                + "destination and was not put there by the last successful revision: DISALLOW fails the "
                + "deployment, OVERWRITE replaces it, RETAIN keeps it.");
        add("Replacement AppSpec", replacement(appspecChooser), "A separate appspec.yml judged instead of the "
                + "revision's own (the command line's --appspec).");

        node = new ScrollPane(ViewsStyle.apply(grid));
        node.setFitToWidth(true);
        node.setFitToHeight(true);
        node.getStyleClass().add("settings-view");
        node.setId("settings-view");
    }

    public Node node() {
        return node;
    }

    public SettingsModel model() {
        return model;
    }

    private void add(String label, Control field, String help) {
        Label l = new Label(label);
        l.setLabelFor(field);
        Tooltip tip = new Tooltip(help);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        l.setTooltip(tip);
        field.setTooltip(tip);
        field.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, l, field);
    }

    private static TextField text(String id, StringProperty property, String prompt) {
        TextField f = new TextField(property.get());
        f.setId(id);
        f.setPromptText(prompt);
        f.getStyleClass().add("monospace");
        property.addListener((o, old, v) -> {
            if (!f.getText().equals(v == null ? "" : v)) {
                f.setText(v == null ? "" : v);
            }
        });
        f.setOnAction(e -> property.set(f.getText()));
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                property.set(f.getText());
            }
        });
        return f;
    }

    private static <T> ComboBox<T> choice(String id, T[] values, Function<T, String> label,
                                          javafx.beans.property.ObjectProperty<T> property) {
        ComboBox<T> c = new ComboBox<>(FXCollections.observableArrayList(values));
        c.setId(id);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        c.valueProperty().bindBidirectional(property);
        return c;
    }

    private Control replacement(Supplier<Path> chooser) {
        TextField shown = new TextField();
        shown.setId("appspec-override");
        shown.setEditable(false);
        shown.setPromptText("the revision's own");
        shown.textProperty().bind(model.appspecOverrideProperty().asString().map(s -> "null".equals(s) ? "" : s));
        Button choose = new Button(null, new FontIcon(Material2AL.FOLDER_OPEN));
        choose.setId("appspec-override-choose");
        choose.setTooltip(new Tooltip("Choose an appspec.yml"));
        choose.setOnAction(e -> {
            Path p = chooser.get();
            if (p != null) {
                model.appspecOverrideProperty().set(p);
            }
        });
        Button clear = new Button(null, new FontIcon(Material2OutlinedAL.CLEAR));
        clear.setId("appspec-override-clear");
        clear.setTooltip(new Tooltip("Use the revision's own AppSpec"));
        clear.disableProperty().bind(model.appspecOverrideProperty().isNull());
        clear.setOnAction(e -> model.appspecOverrideProperty().set(null));
        HBox box = new HBox(4, shown, choose, clear);
        HBox.setHgrow(shown, Priority.ALWAYS);
        // HBox is not a Control: wrap it so that add() can give it the row's tooltip
        javafx.scene.control.Label holder = new javafx.scene.control.Label(null, box);
        holder.setMaxWidth(Double.MAX_VALUE);
        box.prefWidthProperty().bind(holder.widthProperty());
        return holder;
    }
}
