package dev.hooklab.ui.run;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The run settings pane ({@code #run-settings}): isolation, network, max timeout, where the sandbox is kept,
 * {@code BUNDLE_*} variables and the events to run. Isolation and network apply at once; the text fields on
 * Apply. It says plainly what "none" means, and when bubblewrap cannot work here, why, how to install it, and
 * offers none.
 */
final class RunSettingsView {
    static final String NO_ISOLATION_WARNING = "Without isolation, hooks run directly on this machine as you: "
            + "absolute paths in scripts (/var/app/current, /etc, /opt/...) reach this machine's real files, and "
            + "processes a hook starts may outlive it.";

    private final RunModel model;
    private final ScrollPane root;
    private final ChoiceBox<String> isolation = new ChoiceBox<>();
    private final CheckBox network = new CheckBox("Hooks may use the network (bubblewrap only; without isolation "
            + "they always can)");
    private final TextField maxTimeout = new TextField();
    private final Label folder = new Label();
    private final TextArea variables = new TextArea();
    private final TextField events = new TextField();
    private final Label error = new Label();
    private final Label isolationWarning = new Label();
    private final Button useNone = new Button("Run without isolation");
    private boolean showing;

    RunSettingsView(RunModel model, Supplier<Path> chooseFolder) {
        this.model = model;
        isolation.getItems().setAll(RunSettings.ISOLATIONS);
        isolation.setId("run-isolation");
        network.setId("run-network");
        maxTimeout.setId("run-max-timeout");
        maxTimeout.setPromptText("the AppSpec's timeouts");
        maxTimeout.setPrefColumnCount(8);
        folder.setId("run-sandbox-folder");
        folder.setWrapText(true);
        variables.setId("run-bundle-variables");
        variables.setPromptText("NAME=VALUE, one a line: BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, BUNDLE_ETAG or "
                + "BUNDLE_COMMIT");
        variables.setPrefRowCount(3);
        events.setId("run-events");
        events.setPromptText("every event of the deployment type");
        error.setId("run-settings-error");
        error.getStyleClass().add("run-settings-error");
        error.setWrapText(true);
        isolationWarning.setId("run-isolation-warning");
        isolationWarning.getStyleClass().add("run-warning");
        isolationWarning.setWrapText(true);
        isolationWarning.setGraphic(new FontIcon(Material2MZ.WARNING));
        useNone.setId("run-use-none");
        useNone.setOnAction(e -> update(model.settingsProperty().get().withIsolation("none")));

        Button choose = new Button("Choose…");
        choose.setId("run-sandbox-choose");
        choose.setOnAction(e -> {
            Path p = chooseFolder.get();
            if (p != null) {
                update(model.settingsProperty().get().withSandboxFolder(p));
            }
        });
        Button temporary = new Button("Temporary");
        temporary.setId("run-sandbox-temporary");
        temporary.setOnAction(e -> update(model.settingsProperty().get().withSandboxFolder(null)));
        Button apply = new Button("Apply");
        apply.setId("run-settings-apply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> apply());
        maxTimeout.setOnAction(e -> apply());
        events.setOnAction(e -> apply());

        isolation.valueProperty().addListener((o, a, now) -> {
            if (!showing && now != null) {
                update(model.settingsProperty().get().withIsolation(now));
            }
        });
        network.selectedProperty().addListener((o, a, now) -> {
            if (!showing) {
                update(model.settingsProperty().get().withNetwork(now));
            }
        });

        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        network.setWrapText(true);
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        temporary.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        grid.addRow(row++, new Label("Isolation"), isolation);
        grid.add(isolationWarning, 1, row++);
        grid.add(useNone, 1, row++);
        grid.add(network, 1, row++);
        grid.addRow(row++, new Label("Max timeout (s)"), maxTimeout);
        HBox folderLine = new HBox(8, folder, choose, temporary);
        HBox.setHgrow(folder, Priority.ALWAYS);
        grid.addRow(row++, new Label("Sandbox folder"), folderLine);
        grid.addRow(row++, new Label("BUNDLE_* variables"), variables);
        grid.addRow(row++, new Label("Events"), events);
        grid.add(new HBox(8, apply, error), 1, row);
        GridPane.setHgrow(folderLine, Priority.ALWAYS);
        Label title = new Label("Run settings: they apply from the next command (a fresh run); remembered between "
                + "starts.");
        title.getStyleClass().add("run-settings-title");
        title.setWrapText(true);
        VBox box = new VBox(10, title, grid);
        box.setPadding(new Insets(10));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.setId("run-settings");

        model.settingsProperty().addListener((o, a, now) -> show(now));
        model.bubblewrapProblemProperty().addListener((o, a, now) -> showWarning());
        show(model.settingsProperty().get());
    }

    Node node() {
        return root;
    }

    private void update(RunSettings s) {
        error.setText("");
        model.settingsProperty().set(s);
    }

    /** Reads the text fields into the settings, or says what is wrong with them. */
    void apply() {
        try {
            RunSettings s = model.settingsProperty().get();
            String t = maxTimeout.getText().trim();
            Integer timeout;
            try {
                timeout = t.isEmpty() ? null : Integer.valueOf(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the max timeout is a whole number of seconds, not '" + t + "'");
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (String line : variables.getText().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + line.trim() + "' is not NAME=VALUE");
                }
                vars.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
            update(new RunSettings(s.isolation(), s.network(), timeout, s.sandboxFolder(), vars,
                    RunSettings.split(events.getText())));
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private void show(RunSettings s) {
        showing = true;
        try {
            isolation.setValue(s.isolation());
            network.setSelected(s.network());
            network.setDisable(s.isolation().equals("none"));
            maxTimeout.setText(s.maxTimeout() == null ? "" : s.maxTimeout().toString());
            folder.setText(s.sandboxFolder() == null ? "A temporary folder, removed when the run closes"
                    : s.sandboxFolder().toString());
            StringBuilder b = new StringBuilder();
            s.bundleVariables().forEach((k, v) -> b.append(b.isEmpty() ? "" : "\n").append(k).append('=').append(v));
            variables.setText(b.toString());
            events.setText(String.join(",", s.events()));
        } finally {
            showing = false;
        }
        showWarning();
    }

    private void showWarning() {
        RunSettings s = model.settingsProperty().get();
        String why = model.bubblewrapProblemProperty().get();
        String text;
        boolean offerNone = false;
        if (s.isolation().equals("none")) {
            text = NO_ISOLATION_WARNING;
        } else if (why != null) {
            text = "Bubblewrap cannot run hooks here: " + why + ". Install it with: sudo apt-get install bubblewrap"
                    + (s.isolation().equals("auto") ? ". Until then, auto runs hooks without isolation: "
                    + NO_ISOLATION_WARNING : ". Until then, run without isolation (none).");
            offerNone = !s.isolation().equals("none");
        } else {
            text = null;
        }
        isolationWarning.setText(text == null ? "" : text);
        isolationWarning.setVisible(text != null);
        isolationWarning.setManaged(text != null);
        useNone.setVisible(offerNone);
        useNone.setManaged(offerNone);
    }
}
