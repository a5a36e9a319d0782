package dev.hooklab.appspec;

import dev.hooklab.finding.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every AppSpec of {@code agent/appspec-cases.yaml} (the agent's own verdicts, Linux agent) gives
 * the same verdict here.
 */
class AgentCasesTest {
    /** error_contains values that are Ruby or Psych internals: any error of ours counts for them. */
    private static final List<String> RUBY_INTERNALS = List.of("undefined method", "no implicit conversion",
            "(<unknown>):", "Alias parsing");

    private final AppSpecParser parser = new AppSpecParser();

    static Stream<Arguments> cases() throws IOException {
        return loadCases().stream().map(c -> Arguments.of(Named.of((String) c.get("id"), c)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadCases() throws IOException {
        try (InputStream in = AgentCasesTest.class.getResourceAsStream("/agent/appspec-cases.yaml")) {
            assertThat(in).as("agent/appspec-cases.yaml on the test class path").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        }
    }

    @Test
    void theFileHoldsAllCases() throws IOException {
        List<Map<String, Object>> cases = loadCases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(59)
                .allSatisfy(c -> assertThat(c).containsKeys("id", "appspec", "expect", "error_contains"));
        assertThat(cases).extracting(c -> c.get("id")).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agentVerdict(Map<String, Object> c) {
        AppSpecDocument doc = parser.parse("appspec.yml", (String) c.get("appspec"), TargetOs.LINUX);
        List<Diagnostic> errors = doc.diagnostics().stream().filter(Diagnostic::isError).toList();
        if ("ok".equals(c.get("expect"))) {
            assertThat(errors).as("errors for %s", c.get("id")).isEmpty();
            assertThat(doc.valid()).isTrue();
            return;
        }
        String expected = (String) c.get("error_contains");
        assertThat(doc.valid()).isFalse();
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("appspec.yml");
            assertThat(e.message()).isNotBlank();
            assertThat(e.line()).isPositive();
        });
        if (RUBY_INTERNALS.stream().anyMatch(expected::startsWith)) {
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).agentMessage()).as("our approximation of Ruby's text").contains(expected);
        } else {
            assertThat(errors).extracting(Diagnostic::agentMessage).anySatisfy(m -> assertThat(m).contains(expected));
            assertThat(errors.get(0).agentMessage()).as("the first error is the one the agent reports").contains(expected);
        }
    }
}
