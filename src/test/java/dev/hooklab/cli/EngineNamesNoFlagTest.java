package dev.hooklab.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine (everything but {@code cli}, {@code ui} and {@code app}) names a setting with
 * {@link dev.hooklab.finding.Setting}, never with a command-line flag: this reads every string literal of its
 * sources and refuses {@code --word}. Allowed: an argument for another program written alone (bubblewrap's
 * {@code "--ro-bind"}) unless it is one of our own options, and the few other programs' flags quoted in prose.
 */
class EngineNamesNoFlagTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/hooklab");
    private static final Set<String> FRONT_ENDS = Set.of("cli", "ui", "app");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z]");
    private static final Pattern LONE_ARGUMENT = Pattern.compile("--[a-z][a-z0-9-]*=?");
    /** Other programs' flags that an engine text may quote: the AWS CLI's, setfacl's, git's. */
    private static final List<String> OTHER_PROGRAMS = List.of("--ignore-application-stop-failures", "setfacl --set ",
            "git update-index --chmod=");

    record Literal(String file, int line, String text) {
    }

    @Test
    void noEngineStringNamesAFlag() throws IOException {
        Set<String> ours = SettingFlagsTest.optionNames();
        List<Literal> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (FRONT_ENDS.contains(SOURCES.relativize(file).getName(0).toString())) {
                    continue;
                }
                files++;
                offending.addAll(offending(SOURCES.relativize(file).toString(), Files.readString(file), ours));
            }
        }
        assertThat(files).as("engine source files read").isGreaterThan(200);
        assertThat(offending).as("engine strings naming a flag (use Setting.X.ref())").isEmpty();
    }

    @Test
    void theScanFindsAFlagInAMessageAndNowhereElse() {
        String source = """
                // --events in a comment is fine
                /** {@code --sandbox} in Javadoc too */
                class X {
                    char c = '"';
                    String a = "--events: '" + name + "' is not an event name";
                    String b = "name another " + "--sandbox";
                    String c = "hooklab run --max-output-size=2M \\" --os";
                    List<String> bwrap = List.of("--ro-bind", "--nproc=", "--", "a--b");
                    String aws = "deploy once with --ignore-application-stop-failures.";
                }
                """;

        List<Literal> found = offending("X.java", source, Set.of("--events", "--sandbox", "--os"));

        assertThat(found).extracting(Literal::line).containsExactly(5, 6, 7);
    }

    static List<Literal> offending(String file, String source, Set<String> ourOptions) {
        List<Literal> out = new ArrayList<>();
        for (Literal literal : literals(file, source)) {
            String text = literal.text();
            for (String allowed : OTHER_PROGRAMS) {
                text = text.replace(allowed, "");
            }
            boolean lone = LONE_ARGUMENT.matcher(text).matches() && !ourOptions.contains(text.replace("=", ""));
            if (FLAG.matcher(text).find() && !lone) {
                out.add(literal);
            }
        }
        return out;
    }

    /** The string literals (text blocks included) of a Java source, with their line; comments are skipped. */
    static List<Literal> literals(String file, String s) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) - 1;
                if (i < 0) {
                    break;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
            } else if (c == '\'') {
                i = s.charAt(i + 1) == '\\' ? s.indexOf('\'', i + 3) : i + 2;
            } else if (c == '"') {
                int start = line;
                boolean block = s.startsWith("\"\"\"", i);
                String close = block ? "\"\"\"" : "\"";
                StringBuilder text = new StringBuilder();
                int j = i + close.length();
                while (!s.startsWith(close, j)) {
                    char d = s.charAt(j);
                    if (d == '\\') {
                        text.append(d).append(s.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '\n') {
                        line++;
                    }
                    text.append(d);
                    j++;
                }
                out.add(new Literal(file, start, text.toString()));
                i = j + close.length() - 1;
            }
        }
        return out;
    }
}
