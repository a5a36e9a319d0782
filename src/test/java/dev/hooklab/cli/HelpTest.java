package dev.hooklab.cli;

import dev.hooklab.app.Hooklab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"lint", "inspect", "run"})
    void everyCommandExplainsItself(String command) {
        StringWriter out = new StringWriter();
        int exit = Hooklab.create().cli().execute(new String[]{command, "--help"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: hooklab " + command).contains("Exit status:", "INPUT");
    }
}
