package dev.hooklab.run.process;

import dev.hooklab.run.output.OutputChannel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WrapperReportTest {

    @Test
    void readsEveryFactTheWrapperWrites() {
        WrapperReport report = WrapperReport.parse(List.of(
                "pipes 11 12", "pid 3", "deadline", "survived-term 3 /bin/bash /x/stubborn.sh",
                "signal 9 SIGKILL", "holder stdout 4 sleep 60", "leftover 5 sleep 61 > x", "done"));

        assertThat(report.stdoutInode()).isEqualTo(11);
        assertThat(report.stderrInode()).isEqualTo(12);
        assertThat(report.pid()).isEqualTo(3);
        assertThat(report.ending()).isEqualTo("deadline");
        assertThat(report.survivedTerm()).containsExactly(new ProcessRef(3, "/bin/bash /x/stubborn.sh"));
        assertThat(report.signal()).isEqualTo(9);
        assertThat(report.signalName()).isEqualTo("SIGKILL");
        assertThat(report.exitCode()).isNull();
        assertThat(report.holders()).containsExactly(new OutputHolder(OutputChannel.STDOUT, new ProcessRef(4, "sleep 60")));
        assertThat(report.leftovers()).containsExactly(new ProcessRef(5, "sleep 61 > x"));
        assertThat(report.done()).isTrue();
        assertThat(report.ended()).isTrue();
    }

    @Test
    void readsAnExecError() {
        WrapperReport report = WrapperReport.parse(List.of("pipes 1 2", "pid 7",
                "exec-error 2 ENOENT No such file or directory", "done"));

        assertThat(report.execError()).isEqualTo(new ExecError(2, "ENOENT", "No such file or directory"));
        assertThat(report.ended()).isFalse();
    }

    @Test
    void linesOutOfTheWrappersOrderDoNotCount() {
        WrapperReport report = WrapperReport.parse(List.of("pipes 1 2", "pid 7", "done", "exit 0", "exit 3",
                "deadline", "holder stdout x", "done", "exit 0", "signal 9 SIGKILL"));

        assertThat(report.exitCode()).isZero();
        assertThat(report.ending()).isNull();
        assertThat(report.holders()).isEmpty();
        assertThat(report.signal()).isNull();
        assertThat(report.done()).isTrue();
        assertThat(WrapperReport.parse("pipes 1 2\npid 7\nexit 3\ndone".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .done()).as("a line without its newline is not complete").isFalse();
    }
}
