package dev.hooklab.ui.run.console;

import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.session.StepState;
import dev.hooklab.run.session.StepStatus;
import dev.hooklab.plan.RevisionSource;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following the end: the tail shows the newest lines in the text area's place (a few from the top, a flood
 * bottom-aligned), the area's text still answers with every line kept, and pressing on the tail or a reading key
 * brings the area back at its end, no longer following.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleTailTest {
    private ConsoleView console;

    @Start
    void start(Stage stage) {
        console = ConsoleFixture.show(stage, new ConsoleView(new ConsoleLines(5000, 10000), o -> { }));
    }

    private static List<OutputLine> lines(int from, int to) {
        List<OutputLine> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(new OutputLine(i % 100 == 0 ? OutputChannel.STDERR : OutputChannel.STDOUT, Instant.now(),
                    "line " + i, 6, false));
        }
        return out;
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private List<String> tailRows() throws Exception {
        return onFx(() -> console.tailTexts());
    }

    @Test
    void aFloodShowsInTheTailUntilTheUserPressesOnIt(FxRobot robot) throws Exception {
        StyleClassedTextArea area = robot.lookup("#console").queryAs(StyleClassedTextArea.class);
        Node areaPane = area.getParent();
        robot.interact(() -> console.output(3, "a.sh", lines(1, 3000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(areaPane.isVisible()).as("the area folded away under a flood").isFalse();
        List<String> rows = tailRows();
        assertThat(rows).isNotEmpty().last().isEqualTo("line 3000");
        assertThat(rows).hasSizeLessThan(60).contains("line 2990");
        assertThat(onFx(() -> robot.lookup(".console-tail .stderr").queryAll().size())).as("line 3000's mark")
                .isPositive();

        Thread.sleep(300); // past the flush interval: the next batch shows at once
        robot.interact(() -> console.output(3, "a.sh", lines(3001, 3050)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tailRows()).last().as("few lines after a flood stay in the tail")
                .isEqualTo("line 3050");
        assertThat(areaPane.isVisible()).isFalse();

        String text = onFx(console::text); // read: the area's text catches up, still folded
        assertThat(text).startsWith("line 1\n").endsWith("line 3050");
        assertThat(area.getText()).isEqualTo(text);
        assertThat(areaPane.isVisible()).isFalse();

        robot.clickOn(robot.lookup(".console-tail").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(areaPane.isVisible()).as("the area back after a press on the tail").isTrue();
        assertThat(robot.lookup("#console-follow").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(onFx(area::lastVisibleParToAllParIndex)).as("at its end").isEqualTo(3049);
        assertThat(tailRows()).isEmpty();
        assertThat(onFx(console::lineCount)).isEqualTo(3050);
    }

    @Test
    void aLineTooLongForTheWidthEndsInAMarkInTheTailAndWholeInTheText(FxRobot robot) throws Exception {
        String longLine = "x".repeat(3000) + "END";
        robot.interact(() -> console.output(3, "a.sh", List.of(new OutputLine(OutputChannel.STDOUT, Instant.now(),
                "short", 1, false), new OutputLine(OutputChannel.STDOUT, Instant.now(), longLine, 2, false))));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> rows = tailRows();
        assertThat(rows.get(0)).isEqualTo("short");
        assertThat(rows.get(1)).startsWith("xxxx").endsWith("\u2026").hasSizeLessThan(400);
        double tailWidth = onFx(() -> robot.lookup(".console-tail").queryAs(javafx.scene.layout.Region.class).getWidth());
        double rowRight = onFx(() -> robot.lookup(".console-tail .text").queryAllAs(Text.class).stream()
                .filter(t -> t.getText().endsWith("\u2026")).findFirst().orElseThrow().getBoundsInParent().getMaxX());
        assertThat(rowRight).as("the mark inside the console's width").isLessThanOrEqualTo(tailWidth);
        assertThat(onFx(console::text)).isEqualTo("short\n" + longLine);
    }

    @Test
    void fitCutsByColumnsWithTabsToTheNextStopOfEight() {
        assertThat(ConsoleTail.fit("abcd", 4)).isEqualTo("abcd");
        assertThat(ConsoleTail.fit("abcdef", 4)).isEqualTo("abc\u2026");
        assertThat(ConsoleTail.fit("a\tb", 9)).isEqualTo("a\tb");
        assertThat(ConsoleTail.fit("a\tbc", 9)).isEqualTo("a\t\u2026");
        assertThat(ConsoleTail.fit("\t\tx", 12)).isEqualTo("\t\u2026");
    }

    @Test
    void aFewLinesShowFromTheTopAndAReadingKeyBringsTheAreaWithTheFocus(FxRobot robot) throws Exception {
        StyleClassedTextArea area = robot.lookup("#console").queryAs(StyleClassedTextArea.class);
        robot.interact(() -> console.output(3, "a.sh", lines(1, 3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tailRows()).containsExactly("line 1", "line 2", "line 3");
        Node tail = robot.lookup(".console-tail").query();
        double firstRowY = onFx(() -> robot.lookup(".console-tail .text").queryAllAs(Text.class).stream()
                .filter(t -> "line 1".equals(t.getText())).findFirst().orElseThrow().localToScene(0, 0).getY()
                - tail.localToScene(0, 0).getY());
        assertThat(firstRowY).as("the first line at the top, not the bottom").isLessThan(20);
        assertThat(area.getText()).as("a short output is in #console at once").isEqualTo("line 1\nline 2\nline 3");

        robot.interact(tail::requestFocus);
        robot.type(javafx.scene.input.KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getParent().isVisible()).isTrue();
        assertThat(area.isFocused()).as("the keys go on to the text").isTrue();
        assertThat(robot.lookup("#console-follow").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void afterAFloodTheStepsEndBringsTheAreaUpToDateInPartsWithEveryLineStyledByItsChannel(FxRobot robot)
            throws Exception {
        StyleClassedTextArea area = robot.lookup("#console").queryAs(StyleClassedTextArea.class);
        robot.interact(() -> console.output(3, "a.sh", lines(1, 4500)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getParent().isVisible()).isFalse();
        assertThat(area.getText()).as("a flood leaves the folded area's text behind").doesNotContain("line 4500");

        // the step ends: its text catches up in parts from the end, each in an FX event of its own
        StepState ended = new StepState(3, "AfterInstall", RevisionSource.CURRENT, StepStatus.SUCCEEDED, List.of(),
                null, List.of(), 10);
        robot.interact(() -> console.stepChanged(ended));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(area::getText).startsWith("line 1\n"));

        List<String> shown = onFx(area::getText).lines().toList();
        assertThat(shown).hasSize(4500).first().isEqualTo("line 1");
        assertThat(shown.get(4499)).isEqualTo("line 4500");
        assertThat(shown).isEqualTo(lines(1, 4500).stream().map(OutputLine::text).toList());
        // every hundredth line is stderr, across the parts' seams (250, 500, 1000, 2000 lines from the end) too
        for (int i = 0; i < 4500; i++) {
            int index = i;
            boolean err = onFx(() -> area.getParagraph(index).getParagraphStyle().contains("stderr"));
            assertThat(err).as("line %d on stderr", i + 1).isEqualTo((i + 1) % 100 == 0);
        }
        assertThat(area.getParent().isVisible()).as("still following: the tail stays").isFalse();

        // unfolded, the gutter numbers from 1 (the parts put their lines before the first, numbered on down)
        robot.clickOn(robot.lookup(".console-tail").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> area.showParagraphAtTop(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lineno").queryAllAs(Text.class)).extracting(t -> t.getText().trim())
                .contains("1", "2");
    }
}
