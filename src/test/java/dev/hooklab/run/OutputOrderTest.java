package dev.hooklab.run;

import dev.hooklab.run.isolation.NoIsolation;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.output.OutputListener;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines of stdout and stderr reach the log and the listener in the order they were read, with that time. */
@Tag("process")
class OutputOrderTest {
    @TempDir
    Path dir;

    @Test
    void aStderrLineWrittenAfterABurstOfStdoutComesAfterItEvenWhenTheBurstIsSlowToHandOn() throws Exception {
        HookSandbox sandbox = new HookSandbox(dir);
        HookRunner runner = new HookRunner(sandbox.mounts, new NoIsolation(), RunLimits.defaults(), new HostAccounts(), sandbox.files());
        // 300 stdout lines in one atomic write (under PIPE_BUF), then, well after they were read, a stderr line
        StringBuilder burst = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            burst.append("out ").append(i).append('\n');
        }
        assertThat(burst.length()).isLessThan(4096);
        sandbox.script("burst.txt", burst.toString(), false);
        sandbox.script("burst.sh", "#!/bin/bash\ncat \"$(dirname \"$0\")/burst.txt\"\nsleep 0.3\necho late >&2\n"
                + "sleep 0.3\necho last\nsleep 3\n", true);
        List<OutputLine> heard = new CopyOnWriteArrayList<>();
        OutputListener slow = line -> {
            heard.add(line);
            if (line.channel() == OutputChannel.STDOUT && heard.size() <= 300) {
                try {
                    Thread.sleep(3); // handing on the burst takes about a second: longer than the script waits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        ScriptRun run = sandbox.run(runner, sandbox.call("burst.sh", 60), slow);

        assertThat(run.status()).isEqualTo(ScriptStatus.SUCCEEDED);
        assertThat(heard).hasSize(302);
        assertThat(heard.get(299).text()).isEqualTo("out 300");
        assertThat(heard.get(300).text()).isEqualTo("late");
        assertThat(heard.get(300).channel()).isEqualTo(OutputChannel.STDERR);
        assertThat(heard.get(301).text()).isEqualTo("last");
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i).time()).as("arrival times in order").isAfterOrEqualTo(heard.get(i - 1).time());
        }
        assertThat(heard.get(300).time()).as("the stderr line arrived after the burst was read")
                .isAfter(heard.get(0).time());
        List<String> log = Files.readAllLines(sandbox.scriptsLog());
        assertThat(log.get(log.size() - 3)).endsWith("[stdout]out 300");
        assertThat(log.get(log.size() - 2)).endsWith("[stderr]late");
    }
}
