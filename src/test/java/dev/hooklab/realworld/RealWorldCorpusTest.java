package dev.hooklab.realworld;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hooklab.cli.HooklabCli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every revision of the real-world corpus, rebuilt as a folder and inspected: hooklab never fails on it,
 * writes a complete plan and a verdict, and each hook path agrees with an independent File.join +
 * expand_path of its location against the revision's listing (semantics 4.2, 4.3).
 */
@Tag("corpus")
class RealWorldCorpusTest {
    @TempDir
    Path tmp;

    static List<String> revisions() {
        return RealWorldRevision.ids();
    }

    @Test
    void theWholeCorpusIsThere() {
        assertThat(revisions()).hasSize(81).first().asString().startsWith("01-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisions")
    void inspectsTheRevision(String id) throws IOException {
        RealWorldRevision rev = RealWorldRevision.load(id);
        Path folder = rev.writeFolder(tmp);
        HooklabCli.Result r = rev.windows()
                ? HooklabCli.inspectJson(folder, "--os", "windows")
                : HooklabCli.inspectJson(folder);

        assertThat(r.err()).as("stderr").isEmpty();
        assertThat(r.exit()).as("exit status").isIn(0, 1);
        JsonNode json = r.json();
        String archive = rev.windows()
                ? "C:/ProgramData/Amazon/CodeDeploy/" + HooklabCli.GROUP + "/" + HooklabCli.DEPLOYMENT + "/deployment-archive"
                : HooklabCli.ARCHIVE;
        assertThat(json.path("bundle").path("format").asText()).isEqualTo("folder");
        assertThat(json.path("appspec").path("entry").asText()).isEqualTo(rev.appspecName());
        assertThat(json.path("appspec").path("valid").isBoolean()).isTrue();
        assertThat(json.path("layout").path("archiveDir").asText()).isEqualTo(archive);
        assertThat(json.path("events")).as("the in-place lifecycle at least").isNotEmpty();

        for (JsonNode event : json.path("events")) {
            assertThat(event.path("name").asText()).isNotBlank();
            for (JsonNode script : event.path("scripts")) {
                checkPath(rev, archive, event.path("name").asText(), script);
            }
        }
        for (JsonNode d : json.path("diagnostics")) {
            assertThat(d.path("severity").asText()).isIn("error", "warning", "info");
            assertThat(d.path("code").asText()).isNotBlank();
            assertThat(d.path("message").asText()).isNotBlank();
        }
        int errors = json.path("summary").path("errors").asInt(-1);
        assertThat(errors).isGreaterThanOrEqualTo(0);
        assertThat(r.exit()).as("the verdict matches the errors").isEqualTo(errors > 0 ? 1 : 0);
    }

    /** The oracle: the agent's File.join(archive, location) expanded, checked against the listing. */
    private static void checkPath(RealWorldRevision rev, String archive, String event, JsonNode script) {
        String location = script.path("location").asText();
        String path = script.path("path").asText();
        String target = script.path("target").asText();
        String what = event + " " + location + " -> " + path;
        String relative = expand(rev.windows() ? location.replace('\\', '/') : location);
        if (relative == null) {
            assertThat(path).as(what).doesNotStartWith(archive + "/");
            assertThat(target).as(what).isEqualTo("outside-archive");
            assertThat(location).as(what).contains("..");
            return;
        }
        assertThat(path).as(what).isEqualTo(archive + "/" + relative);
        if (rev.has(relative)) {
            assertThat(target).as(what).isEqualTo("found");
            assertThat(script.path("bundleEntry").asText()).as(what).isEqualTo(relative);
        } else if (rev.paths().stream().noneMatch(p -> p.startsWith(relative + "/"))) {
            assertThat(target).as(what).isEqualTo("missing");
            assertThat(script.get("bundleEntry").isNull()).as(what).isTrue();
        }
    }

    /** The location below deployment-archive after File.join and expand_path, or null when it climbs out. */
    static String expand(String location) {
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : location.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return String.join("/", parts);
    }
}
