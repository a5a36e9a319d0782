package dev.hooklab.ui.run.timeline;

import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A track (a script's timeout, an event's hour) with the part used filled from the left; anything that ran shows at
 * least a sliver, however short it was against its track.
 */
final class TimelineTrack extends Pane {
    private static final double SLIVER = 3;

    private final Region fill = new Region();
    private double fraction;
    private final boolean started;

    /**
     * @param fraction   how much of the track is used, 0 to 1
     * @param started    whether it ran (a sliver shows even for 0)
     * @param fillStyles the fill's style classes (its status)
     */
    TimelineTrack(double fraction, boolean started, String... fillStyles) {
        this.fraction = fraction;
        this.started = started;
        getStyleClass().add("timeline-track");
        fill.getStyleClass().add("timeline-fill");
        fill.getStyleClass().addAll(fillStyles);
        getChildren().add(fill);
        setMinWidth(40);
        setPrefWidth(240);
        setMinHeight(12);
        setPrefHeight(12);
        setMaxHeight(12);
    }

    /** Fills {@code used} (0 to 1) of the track: a running script's grows. */
    void fraction(double used) {
        if (used != fraction) {
            fraction = used;
            requestLayout();
        }
    }

    /** A thinner track: an event's hour under its scripts' timeouts. */
    void thin() {
        setMinHeight(6);
        setPrefHeight(6);
        setMaxHeight(6);
    }

    Region fill() {
        return fill;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double used = started ? Math.max(SLIVER, width * fraction) : 0;
        fill.resizeRelocate(0, 0, Math.min(width, used), getHeight());
    }
}
