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
import java.util.function.IntUnaryOperator;

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
    /** The rows drawn now, by step and location ("" for an event's row): a tick updates them in place. */
    private final Map<String, Row> drawn = new java.util.HashMap<>();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> tick()));
    private RunTarget target;
    /** The session's deadline for an AppSpec timeout, in seconds (the max timeout caps it). */
    private IntUnaryOperator deadline = IntUnaryOperator.identity();
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
        deadline = session == null ? IntUnaryOperator.identity() : session::deadlineFor;
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

    /** A drawn row's parts that change while its script runs. */
    private record Row(Label info, TimelineTrack track, Tooltip tip) {
    }

    /**
     * While a script runs: its row, its event's row and the strip grow in place (a hover over them stays), unless
     * the bars changed otherwise, when everything is drawn again.
     */
    private void tick() {
        if (target == null || runningKey == null) {
            render();
            return;
        }
        long elapsed = (System.nanoTime() - runningSince) / 1_000_000;
        TimelineBars next = TimelineBars.of(List.copyOf(steps.values()), target, deadline, elapsed);
        if (!shape(next).equals(shape(bars))) {
            render();
            return;
        }
        bars = next;
        for (TimelineBars.Bar bar : next.bars()) {
            Row row = drawn.get(bar.step() + "/" + (bar.location() == null ? "" : bar.location()));
            if (row != null && bar.location() != null) {
                row.info().setText(scriptText(bar));
                row.track().fraction(bar.ofTimeout());
                row.tip().setText(bar.describe());
            }
        }
        for (TimelineBars.EventTotal event : next.events()) {
            Row row = drawn.get(event.step() + "/");
            TimelineBars.Bar agent = agentBar(event);
            if (row != null) {
                row.info().setText(eventText(event, agent));
                row.track().fraction(event.ofLimit());
                row.tip().setText(eventTip(event, agent));
            }
        }
        summarize();
        strip.update(next);
    }

    private static List<String> shape(TimelineBars shown) {
        return shown.bars().stream().map(bar -> bar.step() + "/" + bar.label() + "/" + bar.status()).toList();
    }

    private void summarize() {
        long ran = bars.bars().stream().filter(TimelineBars.Bar::started).count();
        summary.setText(target == null ? "No run" : "Run: " + TimelineBars.seconds(bars.totalMs()) + " · " + ran
                + " of " + bars.bars().size() + " bars ran");
        axisEnd.setText(TimelineBars.seconds(bars.totalMs()));
    }

    private void render() {
        trackRunning();
        long elapsed = runningKey == null ? 0 : (System.nanoTime() - runningSince) / 1_000_000;
        bars = target == null ? TimelineBars.empty() : TimelineBars.of(List.copyOf(steps.values()), target, deadline, elapsed);
        if (runningKey != null && ticker.getStatus() != Animation.Status.RUNNING) {
            ticker.play();
        } else if (runningKey == null) {
            ticker.stop();
        }
        summarize();
        strip.show(bars, this::select);
        drawn.clear();
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

    private TimelineBars.Bar agentBar(TimelineBars.EventTotal event) {
        return bars.bars().stream().filter(bar -> bar.step() == event.step() && bar.location() == null)
                .findFirst().orElse(null);
    }

    private static boolean ran(TimelineBars.EventTotal event) {
        return !(event.status().equals("pending") || event.status().equals("not-run")
                || event.status().equals("skipped"));
    }

    private static String eventText(TimelineBars.EventTotal event, TimelineBars.Bar agent) {
        boolean ran = ran(event);
        if (event.scripts() == 0 && agent == null && ran) {
            return event.status() + " · nothing to run";
        }
        return ran ? TimelineBars.seconds(event.totalMs()) + " of 1 h · " + event.status() : event.status();
    }

    private static String eventTip(TimelineBars.EventTotal event, TimelineBars.Bar agent) {
        return agent != null ? agent.describe() : event.event() + "\n" + event.status()
                + (ran(event) ? " · " + TimelineBars.seconds(event.totalMs()) : "")
                + "\nThe service fails an event that runs longer than one hour.";
    }

    private static String scriptText(TimelineBars.Bar bar) {
        String took = bar.started() ? TimelineBars.seconds(bar.durationMs()) + " of " : "timeout ";
        return took + TimelineBars.seconds(bar.timeoutMs()) + " · " + bar.status();
    }

    private Node eventRow(TimelineBars.EventTotal event) {
        TimelineBars.Bar agent = agentBar(event);
        Label name = new Label(event.event());
        name.getStyleClass().add("timeline-event");
        TimelineTrack track = new TimelineTrack(event.ofLimit(), ran(event) && event.totalMs() > 0,
                "timeline-limit", "status-" + event.status());
        track.thin();
        Label info = new Label(eventText(event, agent));
        HBox row = row(name, track, info, "timeline-event-row");
        row.setUserData(agent != null ? agent : event);
        Tooltip tip = tip(eventTip(event, agent));
        Tooltip.install(row, tip);
        drawn.put(event.step() + "/", new Row(info, track, tip));
        String first = bars.bars().stream().filter(bar -> bar.step() == event.step()).map(TimelineBars.Bar::location)
                .filter(Objects::nonNull).findFirst().orElse(null);
        row.setOnMouseClicked(e -> onSelect.accept(event.step(), agent != null ? null : first));
        return row;
    }

    private Node scriptRow(TimelineBars.Bar bar) {
        Label name = new Label(bar.location());
        name.getStyleClass().addAll("timeline-script", "monospace");
        TimelineTrack track = new TimelineTrack(bar.ofTimeout(), bar.started(), "status-" + bar.status());
        Label info = new Label(scriptText(bar));
        HBox row = row(name, track, info, "timeline-row");
        row.setUserData(bar);
        Tooltip tip = tip(bar.describe());
        Tooltip.install(row, tip);
        drawn.put(bar.step() + "/" + bar.location(), new Row(info, track, tip));
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
