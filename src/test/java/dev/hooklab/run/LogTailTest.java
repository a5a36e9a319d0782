package dev.hooklab.run;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's ScriptLog#append_to_log, quirks included. */
class LogTailTest {

    @Test
    void keepsEveryEntryWhileTheyFit() {
        LogTail tail = new LogTail();
        tail.append("LifecycleEvent - AfterInstall\n");
        tail.append("Script - a.sh\n");
        tail.append("[stdout]hi\n");

        assertThat(tail.text()).isEqualTo("LifecycleEvent - AfterInstall\nScript - a.sh\n[stdout]hi\n");
    }

    @Test
    void dropsTheOldestEntriesBeyondAbout2048Characters() {
        LogTail tail = new LogTail();
        for (int i = 0; i < 30; i++) {
            tail.append(String.format("[stdout]%091d\n", i)); // 100 characters each
        }
        assertThat(tail.text()).hasSize(2000).startsWith(String.format("[stdout]%091d", 10));
    }

    @Test
    void canKeepSlightlyMoreThan2048BecauseItComparesOneEntryAndSubtractsTheNext() {
        LogTail tail = new LogTail();
        tail.append("a".repeat(1000));
        tail.append("b".repeat(10));
        tail.append("c".repeat(1040));

        assertThat(tail.text()).hasSize(2050);
    }

    @Test
    void aSingleEntryOf2048CharactersEmptiesTheTail() {
        LogTail tail = new LogTail();
        tail.append("[stdout]before\n");
        tail.append("x".repeat(2048));

        assertThat(tail.text()).isEmpty();

        tail.append("[stdout]after\n");
        assertThat(tail.text()).isEqualTo("[stdout]after\n");
    }

    @Test
    void countsCharactersNotBytes() {
        LogTail tail = new LogTail();
        tail.append("é".repeat(2000));

        assertThat(tail.text()).hasSize(2000);
    }
}
