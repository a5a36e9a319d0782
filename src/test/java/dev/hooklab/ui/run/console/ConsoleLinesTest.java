package dev.hooklab.ui.run.console;

import dev.hooklab.run.output.OutputChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's bounded store: per script, in total, and the counts of what left memory. */
class ConsoleLinesTest {
    private static final ScriptKey A = new ScriptKey(2, "a.sh");
    private static final ScriptKey B = new ScriptKey(4, "b.sh");
    private static final ScriptKey C = new ScriptKey(5, "c.sh");

    private static List<ConsoleLine> lines(String prefix, int from, int to) {
        List<ConsoleLine> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(new ConsoleLine(i % 2 == 0 ? OutputChannel.STDERR : OutputChannel.STDOUT, prefix + i, false));
        }
        return out;
    }

    @Test
    void aScriptKeepsItsLastLinesAndCountsTheOnesItDropped() {
        ConsoleLines store = new ConsoleLines(5, 20);
        assertThat(store.add(A, lines("a", 1, 3)).droppedFromScript()).isZero();
        assertThat(store.add(A, lines("a", 4, 8)).droppedFromScript()).isEqualTo(3);
        assertThat(store.lines(A)).extracting(ConsoleLine::text).containsExactly("a4", "a5", "a6", "a7", "a8");
        assertThat(store.dropped(A)).isEqualTo(3);
        assertThat(store.printed(A)).isEqualTo(8);
        assertThat(store.lines(A).get(0).stderr()).isTrue();
        assertThat(store.size()).isEqualTo(5);
    }

    @Test
    void aBatchLargerThanTheBoundKeepsOnlyItsEnd() {
        ConsoleLines store = new ConsoleLines(3, 10);
        store.add(A, lines("a", 1, 1000));
        assertThat(store.lines(A)).extracting(ConsoleLine::text).containsExactly("a998", "a999", "a1000");
        assertThat(store.dropped(A)).isEqualTo(997);
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void theTotalBoundTakesTheEldestScriptsOldestLinesFirst() {
        ConsoleLines store = new ConsoleLines(4, 6);
        store.add(A, lines("a", 1, 4));
        store.add(B, lines("b", 1, 2));
        assertThat(store.size()).isEqualTo(6);
        store.add(C, lines("c", 1, 3));
        assertThat(store.size()).isEqualTo(6);
        assertThat(store.lines(A)).extracting(ConsoleLine::text).containsExactly("a4");
        assertThat(store.dropped(A)).isEqualTo(3);
        assertThat(store.lines(B)).extracting(ConsoleLine::text).containsExactly("b1", "b2");
        assertThat(store.lines(C)).hasSize(3);
        // the script printing now is never shortened for the others: past A and B it keeps its own bound
        store.add(C, lines("c", 4, 9));
        assertThat(store.lines(C)).extracting(ConsoleLine::text).containsExactly("c6", "c7", "c8", "c9");
        assertThat(store.lines(A)).isEmpty();
        assertThat(store.dropped(A)).isEqualTo(4);
        assertThat(store.lines(B)).extracting(ConsoleLine::text).containsExactly("b1", "b2");
        assertThat(store.size()).isEqualTo(6).isEqualTo(store.total());
        store.add(C, lines("c", 10, 11));
        assertThat(store.lines(B)).extracting(ConsoleLine::text).containsExactly("b1", "b2");
        store.add(A, lines("a", 5, 8)); // A prints again: B, now the eldest with lines, gives them up
        assertThat(store.lines(B)).isEmpty();
        assertThat(store.lines(A)).hasSize(4);
        assertThat(store.lines(C)).extracting(ConsoleLine::text).containsExactly("c10", "c11");
    }

    @Test
    void aStepRunAgainForgetsItsScriptsAndANewSessionEverything() {
        ConsoleLines store = new ConsoleLines(10, 100);
        store.add(A, lines("a", 1, 5));
        store.add(B, lines("b", 1, 5));
        store.forgetStep(2);
        assertThat(store.lines(A)).isEmpty();
        assertThat(store.dropped(A)).isZero();
        assertThat(store.size()).isEqualTo(5);
        store.clear();
        assertThat(store.size()).isZero();
        assertThat(store.lines(B)).isEmpty();
    }

    @Test
    void boundsMustMakeSense() {
        assertThatThrownBy(() -> new ConsoleLines(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsoleLines(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
