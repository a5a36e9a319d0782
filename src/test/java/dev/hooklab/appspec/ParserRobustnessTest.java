package dev.hooklab.appspec;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Mutated AppSpecs never reach the parser's last-resort catch: every outcome is a real finding. */
class ParserRobustnessTest {
    private static final String ALPHABET = " \n\t-:[]{}&*!|>'\"#%@`,?~0123456789.+_eExbo<=abcdlinuxs/\\\u00e9\u0000";

    @Test
    void mutatedAgentCasesAreReadWithoutInternalErrors() throws IOException {
        List<String> seeds = seeds();
        AppSpecParser parser = new AppSpecParser();
        Random random = new Random(20240611L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 6000; i++) {
                String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
                for (TargetOs os : TargetOs.values()) {
                    AppSpecDocument doc = parser.parse("appspec.yml", text, os);
                    assertThat(doc.diagnostics()).as("diagnostics of %s", text)
                            .noneMatch(d -> d.message().startsWith("hooklab could not read") || d.message().startsWith("The YAML cannot be read"))
                            .allSatisfy(d -> assertThat(d.message()).isNotBlank());
                }
            }
        });
    }

    private static String mutate(String seed, Random random) {
        StringBuilder b = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length() == 0 ? 0 : random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (b.length() > 0) {
                        b.deleteCharAt(at);
                    }
                }
                default -> {
                    if (b.length() > 0) {
                        b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
            }
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> seeds() throws IOException {
        try (InputStream in = ParserRobustnessTest.class.getResourceAsStream("/agent/appspec-cases.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Map<String, Object>> cases = (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return cases.stream().map(c -> (String) c.get("appspec")).toList();
        }
    }
}
