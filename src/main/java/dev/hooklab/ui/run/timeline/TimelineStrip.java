package dev.hooklab.ui.run.timeline;

import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import javafx.scene.Node;

import java.util.List;
import java.util.function.Consumer;

/** The run on one time axis: every bar that ran, end to end at its start, as wide as its share of the run. */
final class TimelineStrip extends Pane {
    private static final double SLIVER = 3;
    private static final String TIP = "timeline-tip";

    private TimelineBars bars = TimelineBars.empty();

    TimelineStrip() {
        getStyleClass().add("timeline-strip");
        setMinHeight(22);
        setPrefHeight(22);
        setMaxHeight(22);
    }

    void show(TimelineBars shown, Consumer<TimelineBars.Bar> select) {
        bars = shown;
        getChildren().clear();
        for (TimelineBars.Bar bar : shown.bars()) {
            if (!bar.started()) {
                continue;
            }
            Region segment = new Region();
            segment.getStyleClass().addAll("timeline-segment", "timeline-fill", "status-" + bar.status());
            segment.setUserData(bar);
            Tooltip tip = new Tooltip(bar.describe());
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(segment, tip);
            segment.getProperties().put(TIP, tip);
            segment.setOnMouseClicked(e -> select.accept(bar));
            getChildren().add(segment);
        }
        requestLayout();
    }

    /** The same bars further on (a running one grew): segments keep their nodes, so a hover stays. */
    void update(TimelineBars shown) {
        List<TimelineBars.Bar> started = shown.bars().stream().filter(TimelineBars.Bar::started).toList();
        if (started.size() != getChildren().size()) {
            throw new IllegalStateException("the strip's bars changed: show them instead");
        }
        bars = shown;
        for (int i = 0; i < started.size(); i++) {
            Node segment = getChildren().get(i);
            segment.setUserData(started.get(i));
            if (segment.getProperties().get(TIP) instanceof Tooltip tip) {
                tip.setText(started.get(i).describe());
            }
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        long total = Math.max(1, bars.totalMs());
        for (var child : getChildren()) {
            TimelineBars.Bar bar = (TimelineBars.Bar) child.getUserData();
            double x = Math.min(width * bar.startMs() / total, Math.max(0, width - SLIVER));
            double w = Math.max(SLIVER, Math.min(width * bar.durationMs() / total, width - x));
            child.resizeRelocate(x, 2, w, height - 4);
        }
    }
}
