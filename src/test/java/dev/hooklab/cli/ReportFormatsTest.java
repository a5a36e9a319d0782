package dev.hooklab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hooklab.cli.BadInputTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code inspect --format markdown|html}: the report of dev.hooklab.report, with inspect's exit statuses. */
class ReportFormatsTest {
    @TempDir
    Path tmp;

    static final String PATH = HooklabCli.ARCHIVE + "/var/app/current/start_aplication.sh";

    Path seedZip() throws IOException {
        return SeedStoryTest.seed("/var/app/current/start_aplication.sh").zip(tmp, "app.zip");
    }

    @Test
    void markdownOfTheSeedStoryGoesToStdoutAndExitsOne() throws IOException {
        HooklabCli.Result r = HooklabCli.run("inspect", seedZip().toString(), "--format", "markdown",
                "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("# hooklab report: app.zip\n")
                .contains("**✗ The agent would fail this deployment: 1 error")
                .contains("| AfterInstall | this revision | `/var/app/current/start_aplication.sh` | `" + PATH
                        + "` | **missing from the revision** | 180 s | — |")
                .contains("| error | `script-missing` | `appspec.yml:8:17` |")
                .contains("| `Script does not exist at specified location: " + PATH
                        + "` | `location: start_aplication.sh` |");
    }

    @Test
    void htmlGoesToTheOutputFileWholeAndNothingToStdout() throws IOException {
        Path file = tmp.resolve("report.html");

        HooklabCli.Result r = HooklabCli.run("inspect", seedZip().toString(), "--format", "html", "-o",
                file.toString(), "--deployment-group-id", HooklabCli.GROUP, "--deployment-id", HooklabCli.DEPLOYMENT);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        String page = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n")
                .contains("<td><code>" + PATH + "</code></td>")
                .contains("✗ The agent would fail this deployment");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("app.zip", "report.html");
        }
    }

    @Test
    void aHealthyRevisionExitsZeroInBothFormats() throws IOException {
        Path rev = SeedStoryTest.seed("start_aplication.sh").folder(tmp, "rev");

        HooklabCli.Result md = HooklabCli.run("inspect", rev.toString(), "--format", "markdown");
        HooklabCli.Result html = HooklabCli.run("inspect", rev.toString(), "--format", "html");

        assertThat(md.exit()).as(md.out()).isZero();
        assertThat(md.out()).contains("**✓ The agent would accept this revision: 0 errors");
        assertThat(html.exit()).isZero();
        assertThat(html.out()).contains("<p class=\"verdict pass\">✓ The agent would accept this revision");
    }

    @Test
    void theSameInputGivesTheSameBytes() throws IOException {
        Path zip = seedZip();
        String[] args = {"inspect", zip.toString(), "--format", "html", "--deployment-id", HooklabCli.DEPLOYMENT};

        assertThat(HooklabCli.run(args).out()).isEqualTo(HooklabCli.run(args).out());
    }

    @Test
    void unreadableInputIsOneLineAndNoReport() throws IOException {
        Path junk = Files.writeString(tmp.resolve("bundle.zip"), "PK\u0003\u0004 not really a zip");
        Path file = tmp.resolve("report.md");

        assertRefused(HooklabCli.run("inspect", junk.toString(), "--format", "markdown", "-o", file.toString()),
                "bundle.zip");
        assertThat(file).doesNotExist();
    }

    @Test
    void onlyInspectWritesReports() throws IOException {
        Path zip = seedZip();

        assertRefused(HooklabCli.run("lint", zip.toString(), "--format", "markdown"), "inspect --format markdown");
        assertRefused(HooklabCli.run("lint", zip.toString(), "--format", "html"), "inspect --format html");
        assertRefused(HooklabCli.run("run", zip.toString(), "--format", "html"), "text or json");
        assertRefused(HooklabCli.run("inspect", zip.toString(), "--format", "pdf"), "pdf");
    }

    @Test
    void inspectHelpNamesTheFormats() {
        HooklabCli.Result r = HooklabCli.run("inspect", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("text, json, markdown or html");
    }
}
