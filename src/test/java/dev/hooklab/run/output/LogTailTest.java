package dev.hooklab.run.output;

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

    @Test
    void replayingTheLastEntriesGivesTheTailOfTheWholeSequence() {
        java.util.Random random = new java.util.Random(42);
        LogTail tail = new LogTail();
        java.util.List<String> reference = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(50) == 0 ? 1500 + random.nextInt(700) : 9 + random.nextInt(120);
            String entry = "[stdout]" + "x".repeat(length - 9) + "\n";
            tail.append(entry);
            agentAppend(reference, entry);
        }
        assertThat(tail.text()).isEqualTo(String.join("", reference));
    }

    /** The agent's loop over the whole sequence, written out independently. */
    private static void agentAppend(java.util.List<String> log, String entry) {
        log.add(entry);
        int index = log.size();
        int remaining = 2048;
        while (index > 0 && remaining - log.get(index - 1).length() > 0) {
            index--;
            remaining -= log.get(index == 0 ? log.size() - 1 : index - 1).length();
        }
        log.subList(0, index).clear();
    }
}
