package dev.hooklab.ui.run.console;

import dev.hooklab.run.ScriptContext;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.process.OutputHolder;
import dev.hooklab.run.session.ScriptState;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepState;
import dev.hooklab.ui.run.RunPart;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The selected script's result and surroundings: exit code ({@code #exit-code}), signal, duration, timeout, the
 * agent's message ({@code #agent-message}), the notes (the processes that held stdout open, with pid and command;
 * that the agent would have hung; that a timeout killed the tree; what differs off this sandbox), the command line,
 * the working directory, the user it ran as and the environment it saw ({@code #script-env}), all but the result
 * shown from the moment the script started, so its end changes a few labels, not the table. For a step without
 * scripts (DownloadBundle, Install, an event with nothing to run): its agent message and notes.
 */
public final class ScriptDetailsView implements RunPart {
    private final Map<Integer, StepState> steps = new HashMap<>();
    private final Label title = label("script-title", "No step selected");
    private final Label status = label("script-status", "");
    private final Label exitCode = label("exit-code", "");
    private final Label signal = label("script-signal", "");
    private final Label duration = label("script-duration", "");
    private final Label timeout = label("script-timeout", "");
    private final Label user = label("script-user", "");
    private final Label workingDirectory = label("script-workdir", "");
    private final Label command = label("script-command", "");
    private final Label argv = label("script-argv", "");
    private final Label agentMessage = label("agent-message", "");
    private final VBox notes = new VBox(2);
    private final TableView<Map.Entry<String, String>> env = new TableView<>();
    private final CheckBox allVariables = new CheckBox("Every variable (also those hooklab passed on)");
    private final ScrollPane node;
    /** Environment rows waiting until the details show, or null. */
    private List<Map.Entry<String, String>> waitingRows;
    private final List<javafx.beans.property.BooleanProperty> watched = new ArrayList<>();
    private final javafx.beans.InvalidationListener visibilityChanged = o -> {
        if (waitingRows != null && !hidden()) {
            List<Map.Entry<String, String>> rows = waitingRows;
            waitingRows = null;
            env.getItems().setAll(rows);
        }
    };
    private int shownStep = -1;
    private String shownLocation;

    public ScriptDetailsView() {
        title.getStyleClass().add("view-title");
        status.getStyleClass().add("status"); // coloured by its tone
        GridPane grid = new GridPane();
        grid.getStyleClass().add("details-grid");
        int row = 0;
        row = row(grid, row, "Status", status);
        row = row(grid, row, "Exit code", exitCode);
        row = row(grid, row, "Signal", signal);
        row = row(grid, row, "Duration", duration);
        row = row(grid, row, "Timeout", timeout);
        row = row(grid, row, "Ran as", user);
        row = row(grid, row, "Working directory", workingDirectory);
        row = row(grid, row, "Agent's command", command);
        row(grid, row, "hooklab executed", argv);
        agentMessage.setWrapText(true);
        agentMessage.setMaxWidth(Double.MAX_VALUE);
        notes.setId("script-notes");
        env.setId("script-env");
        env.getStyleClass().addAll("env-table", "dense");
        env.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        env.setPrefHeight(220);
        env.setPlaceholder(new Label("No environment: the script has not started."));
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>("Variable");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        name.setPrefWidth(200);
        name.setMaxWidth(240);
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()));
        env.getColumns().add(name);
        env.getColumns().add(value);
        env.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Map.Entry<String, String> item, boolean empty) {
                super.updateItem(item, empty);
                boolean codeDeploy = !empty && item != null && (ScriptContext.AGENT_VARIABLES.contains(item.getKey())
                        || item.getKey().startsWith("BUNDLE_"));
                if (codeDeploy != getStyleClass().contains("codedeploy")) { // unchanged classes: no new CSS pass
                    if (codeDeploy) {
                        getStyleClass().add("codedeploy");
                    } else {
                        getStyleClass().remove("codedeploy");
                    }
                }
            }
        });
        allVariables.setId("script-env-all");
        allVariables.selectedProperty().addListener((o, was, now) -> refresh());
        VBox content = new VBox(4, title, grid, section("Agent's message"), agentMessage, section("Notes"), notes,
                section("Environment"), allVariables, env);
        content.getStyleClass().add("details-content");
        content.setStyle("-fx-padding: 8 10 8 10;");
        node = ConsoleStyle.apply(new ScrollPane(content));
        node.setFitToWidth(true);
        node.setId("script-details");
        node.getStyleClass().add("script-details");
        node.sceneProperty().addListener((o, was, now) -> watchParents());
        node.parentProperty().addListener((o, was, now) -> watchParents());
        refresh();
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        return l;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-section");
        return l;
    }

    private static int row(GridPane grid, int row, String key, Label value) {
        Label k = new Label(key);
        k.getStyleClass().add("details-key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.GridPane.setValignment(k, javafx.geometry.VPos.TOP);
        value.getStyleClass().add("details-value");
        value.setWrapText(true);
        grid.addRow(row, k, value);
        return row + 1;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void sessionChanged(SessionBuilder.Prepared prepared) {
        steps.clear();
        shownStep = -1;
        shownLocation = null;
        refresh();
    }

    @Override
    public void stepChanged(StepState step) {
        steps.put(step.index(), step);
        if (step.index() == shownStep) {
            refresh();
        }
    }

    @Override
    public void selected(StepState step, String location) {
        if (step != null) {
            steps.put(step.index(), step);
        }
        shownStep = step == null ? -1 : step.index();
        shownLocation = location;
        refresh();
    }

    private void refresh() {
        StepState step = steps.get(shownStep);
        ScriptState script = step == null || shownLocation == null ? null : step.scripts().stream()
                .filter(s -> s.location().equals(shownLocation)).findFirst().orElse(null);
        ScriptRun run = script == null ? null : script.run();
        ScriptDetails d = ScriptDetails.of(step, shownLocation, script);
        title.setText(d.title());
        status.setText(d.status());
        status.getStyleClass().removeAll("failure", "success", "muted");
        status.getStyleClass().add(d.tone());
        exitCode.setText(d.exitCode());
        exitCode.getStyleClass().removeAll("failure", "success");
        if (run != null && run.exitCode() != null) {
            exitCode.getStyleClass().add(run.exitCode() == 0 ? "success" : "failure");
        }
        signal.setText(d.signal());
        duration.setText(d.duration());
        timeout.setText(d.timeout());
        user.setText(d.user());
        workingDirectory.setText(d.workingDirectory());
        command.setText(d.command());
        argv.setText(d.argv());
        agentMessage.setText(d.agentMessage() == null ? "None: the agent reports no error here." : d.agentMessage());
        agentMessage.getStyleClass().remove("empty");
        if (d.agentMessage() == null) {
            agentMessage.getStyleClass().add("empty");
        }
        List<String> holders = (run == null ? List.<OutputHolder>of() : run.outputHolders()).stream()
                .map(h -> "Held " + h.channel().label() + " open after the script exited: pid " + h.process().pid()
                        + ", " + h.process().command()).toList();
        List<String> texts = new ArrayList<>(holders);
        texts.addAll(d.notes());
        if (texts.isEmpty()) {
            texts.add("None.");
        }
        if (!texts.equals(notes.getChildren().stream().map(n -> ((Label) n).getText()).toList())) {
            notes.getChildren().clear(); // unchanged notes keep their styled labels
            holders.forEach(h -> notes.getChildren().add(note(h, "holder", Material2MZ.WARNING)));
            d.notes().forEach(n -> notes.getChildren().add(note(n, "note", Material2AL.INFO)));
            if (notes.getChildren().isEmpty()) {
                notes.getChildren().add(new Label("None."));
            }
        }
        ScriptContext context = script == null ? null : script.context();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        if (context != null) {
            Map<String, String> shown = new java.util.LinkedHashMap<>(context.codeDeployVariables());
            if (allVariables.isSelected()) {
                new java.util.TreeMap<>(context.environment()).forEach(shown::putIfAbsent);
            }
            rows.addAll(shown.entrySet());
        }
        showRows(rows);
    }

    /**
     * The environment table's rows: unchanged ones are kept (the same variables when the script ends as while it
     * ran), and while the details are hidden (another tab in front) new ones wait until they show: a table's rows
     * are laid out even where nobody sees them, and the first ones cost a frame.
     */
    private void showRows(List<Map.Entry<String, String>> rows) {
        if (rows.equals(waitingRows != null ? waitingRows : env.getItems())) {
            return;
        }
        if (hidden()) {
            waitingRows = rows;
        } else {
            waitingRows = null;
            env.getItems().setAll(rows);
        }
    }

    /** In a scene, but it or one of its parents is not visible. */
    private boolean hidden() {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return true;
            }
        }
        return false;
    }

    /** Hears when one of its parents shows or hides (a tab selected), to put waiting rows in. */
    private void watchParents() {
        watched.forEach(v -> v.removeListener(visibilityChanged));
        watched.clear();
        for (Node n = node; n != null; n = n.getParent()) {
            n.visibleProperty().addListener(visibilityChanged);
            watched.add(n.visibleProperty());
        }
        visibilityChanged.invalidated(null);
    }

    private static Label note(String text, String style, org.kordamp.ikonli.Ikon icon) {
        Label l = new Label(text, new FontIcon(icon));
        l.setWrapText(true);
        l.getStyleClass().addAll("note", style);
        return l;
    }
}
