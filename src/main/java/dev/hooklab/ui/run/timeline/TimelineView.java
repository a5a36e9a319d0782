package dev.hooklab.ui.run.timeline;

import dev.hooklab.run.session.RunTarget;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.ui.ViewsStyle;
import dev.hooklab.ui.run.RunPart;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The run as a chart ({@code #timeline}): at the top every script that ran on one time axis, end to end; below, a row
 * per event with its total against the service's hour, and under it a row per script whose track is the script's
 * timeout, filled as far as the script got, coloured by its status. Hovering a bar or row tells the script, its
 * status and its duration; a click selects it ({@link #onSelect}).
 */
public final class TimelineView implements RunPart {
    static final String SHEET = TimelineView.class.getResource("/dev/hooklab/ui/run/run-parts.css").toExternalForm();
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final List<String> LEGEND = List.of("succeeded", "failed", "timed-out", "outputs-left-open",
            "running", "pending");

    private final BorderPane node = new BorderPane();
    private final Label summary = new Label();
    private final TimelineStrip strip = new TimelineStrip();
    private final Label axisEnd = new Label();
    private final VBox rows = new VBox();
    private final Map<Integer, StepState> steps = new TreeMap<>();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> render()));
    private RunTarget target;
    private TimelineBars bars = TimelineBars.empty();
    private BiConsumer<Integer, String> onSelect = (step, location) -> { };
    private int selectedStep = -1;
    private String selectedLocation;
    private String runningKey;
    private long runningSince;

    public TimelineView() {
        node.setId("timeline");
        node.getStyleClass().add("timeline-view");
        ViewsStyle.apply(node);
        node.getStylesheets().add(SHEET);
        summary.getStyleClass().add("timeline-summary");
        HBox legend = new HBox(10);
        for (String status : LEGEND) {
            Region chip = new Region();
            chip.getStyleClass().addAll("timeline-chip", "timeline-fill", "status-" + status);
            Label name = new Label(status, chip);
            name.getStyleClass().add("timeline-legend");
            name.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(name);
        }
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("timeline-legend-row");
        Label title = new Label("Timeline");
        title.getStyleClass().add("view-title");
        HBox header = new HBox(12, title, summary);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-header");
        Label axisStart = new Label("0 s");
        axisStart.getStyleClass().add("timeline-axis");
        axisEnd.getStyleClass().add("timeline-axis");
        Region axisGap = new Region();
        HBox.setHgrow(axisGap, Priority.ALWAYS);
        VBox overview = new VBox(2, strip, new HBox(axisStart, axisGap, axisEnd), legend);
        overview.getStyleClass().add("timeline-overview");
        rows.getStyleClass().add("timeline-rows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("timeline-scroll");
        node.setTop(new VBox(header, overview));
        node.setCenter(scroll);
        ticker.setCycleCount(Animation.INDEFINITE);
        render();
    }

    @Override
    public Node node() {
        return node;
    }

    /** Where a click on a bar goes: the step's index and the script's location (null for an agent step). */
    public void onSelect(BiConsumer<Integer, String> handler) {
        onSelect = Objects.requireNonNull(handler, "handler");
    }

    /** What the chart shows now. */
    public TimelineBars bars() {
        return bars;
    }

    @Override
    public void sessionChanged(SessionBuilder.Prepared prepared) {
        steps.clear();
        runningKey = null;
        selectedStep = -1;
        selectedLocation = null;
        StepSession session = prepared == null ? null : prepared.session();
        target = session == null ? null : session.target();
        if (session != null) {
            session.steps().forEach(step -> steps.put(step.index(), step));
        }
        render();
    }

    @Override
    public void stepChanged(StepState step) {
        steps.put(step.index(), step);
        render();
    }

    @Override
    public void selected(StepState step, String location) {
        selectedStep = step == null ? -1 : step.index();
        selectedLocation = location;
        markSelection();
    }

    private void render() {
        trackRunning();
        long elapsed = runningKey == null ? 0 : (System.nanoTime() - runningSince) / 1_000_000;
        bars = target == null ? TimelineBars.empty() : TimelineBars.of(List.copyOf(steps.values()), target, elapsed);
        if (runningKey != null && ticker.getStatus() != Animation.Status.RUNNING) {
            ticker.play();
        } else if (runningKey == null) {
            ticker.stop();
        }
        long ran = bars.bars().stream().filter(TimelineBars.Bar::started).count();
        summary.setText(target == null ? "No run" : "Run: " + TimelineBars.seconds(bars.totalMs()) + " · " + ran
                + " of " + bars.bars().size() + " bars ran");
        axisEnd.setText(TimelineBars.seconds(bars.totalMs()));
        strip.show(bars, this::select);
        rows.getChildren().setAll(rowNodes());
        markSelection();
    }

    /** Notes when the running script changed, to time it while it runs. */
    private void trackRunning() {
        String key = null;
        for (StepState step : steps.values()) {
            if (step.status() != StepStatus.RUNNING) {
                continue;
            }
            key = step.index() + "";
            for (var script : step.scripts()) {
                if (script.running()) {
                    key = step.index() + "/" + script.location();
                }
            }
        }
        if (!Objects.equals(key, runningKey)) {
            runningKey = key;
            runningSince = System.nanoTime();
        }
    }

    private List<Node> rowNodes() {
        List<Node> out = new ArrayList<>();
        if (target == null) {
            Label none = new Label("Open a revision and step through its hooks: each script's run shows here.");
            none.getStyleClass().add("timeline-placeholder");
            out.add(none);
            return out;
        }
        for (TimelineBars.EventTotal event : bars.events()) {
            out.add(eventRow(event));
            bars.bars().stream().filter(bar -> bar.step() == event.step() && bar.location() != null)
                    .forEach(bar -> out.add(scriptRow(bar)));
        }
        return out;
    }

    private Node eventRow(TimelineBars.EventTotal event) {
        TimelineBars.Bar agent = bars.bars().stream()
                .filter(bar -> bar.step() == event.step() && bar.location() == null).findFirst().orElse(null);
        Label name = new Label(event.event());
        name.getStyleClass().add("timeline-event");
        boolean ran = !(event.status().equals("pending") || event.status().equals("not-run")
                || event.status().equals("skipped"));
        TimelineTrack track = new TimelineTrack(event.ofLimit(), ran && event.totalMs() > 0,
                "timeline-limit", "status-" + event.status());
        track.thin();
        boolean nothing = event.scripts() == 0 && agent == null && ran;
        Label info = new Label(nothing ? event.status() + " · nothing to run"
                : ran ? TimelineBars.seconds(event.totalMs()) + " of 1 h · " + event.status() : event.status());
        HBox row = row(name, track, info, "timeline-event-row");
        row.setUserData(agent != null ? agent : event);
        Tooltip.install(row, tip(agent != null ? agent.describe() : event.event() + "\n" + event.status()
                + (ran ? " · " + TimelineBars.seconds(event.totalMs()) : "")
                + "\nThe service fails an event that runs longer than one hour."));
        String first = bars.bars().stream().filter(bar -> bar.step() == event.step()).map(TimelineBars.Bar::location)
                .filter(Objects::nonNull).findFirst().orElse(null);
        row.setOnMouseClicked(e -> onSelect.accept(event.step(), agent != null ? null : first));
        return row;
    }

    private Node scriptRow(TimelineBars.Bar bar) {
        Label name = new Label(bar.location());
        name.getStyleClass().addAll("timeline-script", "monospace");
        TimelineTrack track = new TimelineTrack(bar.ofTimeout(), bar.started(), "status-" + bar.status());
        String took = bar.started() ? TimelineBars.seconds(bar.durationMs()) + " of " : "timeout ";
        Label info = new Label(took + TimelineBars.seconds(bar.timeoutMs()) + " · " + bar.status());
        HBox row = row(name, track, info, "timeline-row");
        row.setUserData(bar);
        Tooltip.install(row, tip(bar.describe()));
        row.setOnMouseClicked(e -> select(bar));
        return row;
    }

    private static HBox row(Label name, TimelineTrack track, Label info, String style) {
        name.setMinWidth(190);
        name.setPrefWidth(190);
        name.setMaxWidth(190);
        info.setMinWidth(190);
        info.setPrefWidth(190);
        info.getStyleClass().add("timeline-info");
        HBox.setHgrow(track, Priority.ALWAYS);
        track.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(10, name, track, info);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(style);
        return row;
    }

    private static Tooltip tip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(150));
        return tip;
    }

    private void select(TimelineBars.Bar bar) {
        onSelect.accept(bar.step(), bar.location());
    }

    private void markSelection() {
        for (Node row : rows.getChildren()) {
            boolean selected = row.getUserData() instanceof TimelineBars.Bar bar && bar.step() == selectedStep
                    && Objects.equals(bar.location(), selectedLocation);
            row.pseudoClassStateChanged(SELECTED, selected);
        }
        for (Node segment : strip.getChildren()) {
            TimelineBars.Bar bar = (TimelineBars.Bar) segment.getUserData();
            segment.pseudoClassStateChanged(SELECTED, bar.step() == selectedStep
                    && Objects.equals(bar.location(), selectedLocation));
        }
    }
}
