package dev.hooklab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine (everything but ui and app) never touches JavaFX; there are no static singletons. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/hooklab");

    @Test
    void engineNeverImportsJavaFx() throws IOException {
        List<String> leaks;
        try (Stream<Path> files = Files.walk(MAIN)) {
            leaks = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(MAIN.resolve("ui")) && !p.startsWith(MAIN.resolve("app")))
                    .filter(ArchitectureTest::importsJavaFx)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(leaks).as("engine files importing javafx.*").isEmpty();
    }

    @Test
    void theCheckSeesJavaFxWhereItIsAllowed() throws IOException {
        // guards the test above against silently scanning nothing
        try (Stream<Path> files = Files.walk(MAIN.resolve("ui"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).anyMatch(ArchitectureTest::importsJavaFx))
                    .isTrue();
        }
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import javafx."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
