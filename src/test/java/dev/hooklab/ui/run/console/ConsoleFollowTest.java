package dev.hooklab.ui.run.console;

import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Following the tail, and not once the user scrolled up; the bound per script with its count; copying. */
@ExtendWith(ApplicationExtension.class)
class ConsoleFollowTest {
    private ConsoleView console;
    private ConsoleLines store;

    @Start
    void start(Stage stage) {
        store = new ConsoleLines(500, 1000);
        console = ConsoleFixture.show(stage, new ConsoleView(store, o -> { }));
    }

    private static List<OutputLine> lines(int from, int to) {
        List<OutputLine> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(new OutputLine(OutputChannel.STDOUT, Instant.now(), "line " + i, 6, false));
        }
        return out;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private int lastVisible(StyleClassedTextArea area) {
        return area.lastVisibleParToAllParIndex();
    }

    private List<String> tailRows() throws Exception {
        return onFx(() -> console.tailTexts());
    }

    @Test
    void followsTheTailUntilTheUserScrollsUpAndAgainOnFollow(FxRobot robot) throws Exception {
        StyleClassedTextArea area = robot.lookup("#console").queryAs(StyleClassedTextArea.class);
        robot.interact(() -> console.output(3, "a.sh", lines(1, 300)));
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton follow = robot.lookup("#console-follow").queryAs(ToggleButton.class);
        assertThat(follow.isSelected()).isTrue();
        assertThat(area.getParent().isVisible()).as("following: the tail, the area folded").isFalse();
        assertThat(tailRows()).last().isEqualTo("line 300");

        // a press on the output: the area, at its end, no longer following
        robot.clickOn(robot.lookup(".console-tail").queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(follow.isSelected()).isFalse();
        assertThat(area.getParent().isVisible()).isTrue();
        assertThat(lastVisible(area)).isEqualTo(299);
        assertThat(tailRows()).isEmpty();

        // the press went on to the area: it has the keys, the caret where the user pressed
        assertThat(area.isFocused()).as("the area took the press").isTrue();
        // up by keys (the robot's wheel barely moves under Monocle): the view stays where the user put it
        robot.type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(follow.isSelected()).as("scrolled up: no longer following").isFalse();
        int seen = area.firstVisibleParToAllParIndex();
        assertThat(seen).isLessThan(299 - 20);
        Thread.sleep(300); // past the console's flush interval: the next batch goes in at once
        robot.interact(() -> console.output(3, "a.sh", lines(301, 400)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getLength()).as("new lines go into the area").isEqualTo(onFx(console::text).length());
        assertThat(onFx(console::lineCount)).isEqualTo(400);
        assertThat(area.firstVisibleParToAllParIndex()).as("the view stayed where the user put it").isEqualTo(seen);

        robot.clickOn("#console-follow");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getParent().isVisible()).as("following again: the tail").isFalse();
        assertThat(tailRows()).last().isEqualTo("line 400");

        // past the bound: the oldest lines leave, the numbering goes on and the console says how many left
        robot.interact(() -> console.output(3, "a.sh", lines(401, 650)));
        assertThat(onFx(console::lineCount)).isEqualTo(500);
        assertThat(onFx(console::text)).startsWith("line 151\n").endsWith("line 650");
        Label dropped = robot.lookup("#console-dropped").queryAs(Label.class);
        assertThat(dropped.isVisible()).isTrue();
        assertThat(dropped.getText()).startsWith("150 earlier lines");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lineno").queryAllAs(javafx.scene.text.Text.class))
                .extracting(t -> t.getText().trim()).contains("650");

        robot.clickOn("#console-copy");
        String copied = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get();
        assertThat(copied).isEqualTo(onFx(console::text));
    }
}
