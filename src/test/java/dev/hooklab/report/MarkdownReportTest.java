package dev.hooklab.report;

import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.inspect.Inspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown report of revisions built in the test, read back with a GFM parser as GitHub shows it. */
class MarkdownReportTest {
    @TempDir
    Path tmp;

    private final ReportWriter writer = new ReportWriter();

    static List<String> row(List<List<String>> table, String first) {
        return table.stream().filter(r -> r.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + table));
    }

    @Test
    void theSeedStoryShowsTheComputedPathItsErrorAndTheFix() throws Exception {
        Inspection in = Reports.inspect(Reports.seed().zip(tmp, "app.zip"));

        String md = writer.render(in, ReportFormat.MARKDOWN);

        assertThat(md).startsWith("# hooklab report: app.zip\n\n")
                .contains("**✗ The agent would fail this deployment: 1 error, ");
        List<List<List<String>>> tables = Reports.tables(md);
        assertThat(tables).hasSize(4); // revision, settings, plan, findings

        List<List<String>> revision = tables.get(0);
        assertThat(row(revision, "Input")).containsExactly("Input", tmp.resolve("app.zip").toString());
        assertThat(row(revision, "Kind").get(1)).isEqualTo("zip archive, 2 entries");
        assertThat(row(revision, "AppSpec entry").get(1)).isEqualTo("appspec.yml");
        assertThat(row(revision, "AppSpec verdict").get(1)).isEqualTo("accepted by the agent");

        List<List<String>> settings = tables.get(1);
        assertThat(row(settings, "Deployment type").get(1)).isEqualTo("in-place");
        assertThat(row(settings, "Deployment group id").get(1)).isEqualTo(HooklabCli.GROUP);
        assertThat(row(settings, "Deployment id").get(1)).isEqualTo(HooklabCli.DEPLOYMENT);
        assertThat(row(settings, "Root dir").get(1)).isEqualTo("/opt/codedeploy-agent/deployment-root");
        assertThat(row(settings, "OS").get(1)).isEqualTo("linux");
        assertThat(row(settings, "File exists behaviour").get(1)).isEqualTo("DISALLOW");

        List<List<String>> plan = tables.get(2);
        assertThat(plan.get(0)).containsExactly("Event", "Runs from", "Location (as written)", "On-instance path",
                "In the revision", "Timeout", "Runas");
        assertThat(plan.stream().map(r -> r.get(0)).toList()).containsExactly("Event", "ApplicationStop",
                "DownloadBundle", "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService");
        assertThat(row(plan, "AfterInstall")).containsExactly("AfterInstall", "this revision",
                "/var/app/current/start_aplication.sh", Reports.SEED_PATH, "missing from the revision", "180 s", "—");
        assertThat(row(plan, "ApplicationStop").get(1)).isEqualTo("last successful revision");
        assertThat(row(plan, "Install").get(1)).isEqualTo("agent step");
        assertThat(md).contains("| **missing from the revision** |");

        List<String> missing = row(tables.get(3), "error");
        assertThat(missing.get(1)).isEqualTo("script-missing");
        assertThat(missing.get(2)).isEqualTo("appspec.yml:8:17");
        assertThat(missing.get(3)).contains("/var/app/current/start_aplication.sh"); // escaped '_' reads as '_'
        assertThat(missing.get(4)).isEqualTo("Script does not exist at specified location: " + Reports.SEED_PATH);
        assertThat(missing.get(5)).isEqualTo("location: start_aplication.sh");
    }

    @Test
    void everyTableLineHasTheCellsOfItsHeaderAsGitHubSplitsThem() throws Exception {
        Inspection in = Reports.inspect(Reports.seed().folder(tmp, "rev"));

        String md = writer.render(in, ReportFormat.MARKDOWN);

        int header = -1;
        for (String line : md.split("\n")) {
            if (!line.startsWith("|")) {
                header = -1;
                continue;
            }
            int cells = Reports.gfmCellCount(line);
            if (header < 0) {
                header = cells;
            }
            assertThat(cells).as(line).isEqualTo(header);
        }
    }

    @Test
    void aHealthyRevisionIsAcceptedAndItsScriptFound() throws Exception {
        Path rev = TestRevision.withAppSpec("""
                        version: 0.0
                        os: linux
                        hooks:
                          ApplicationStart:
                            - location: scripts/start.sh
                              timeout: 60
                              runas: ec2-user
                          ValidateService:
                            - location: scripts/check.sh
                              sudo: true
                        """).script("scripts/start.sh").script("scripts/check.sh").under("app-1.2")
                .zip(tmp, "healthy.zip");

        String md = writer.render(Reports.inspect(rev), ReportFormat.MARKDOWN);

        assertThat(md).contains("**✓ The agent would accept this revision: 0 errors, ");
        List<List<List<String>>> tables = Reports.tables(md);
        assertThat(row(tables.get(0), "Top folder stripped by the agent").get(1)).isEqualTo("app-1.2/");
        assertThat(row(tables.get(2), "ApplicationStart")).containsExactly("ApplicationStart", "this revision",
                "scripts/start.sh", HooklabCli.ARCHIVE + "/scripts/start.sh", "found app-1.2/scripts/start.sh", "60 s",
                "ec2-user");
        assertThat(row(tables.get(2), "ValidateService").get(6)).isEqualTo("sudo");
    }

    @Test
    void theOutputIsTheSameForTheSameRevisionAndCarriesNoTimeUnlessGiven() throws Exception {
        Path rev = Reports.seed().folder(tmp, "rev");

        String first = writer.render(Reports.inspect(rev), ReportFormat.MARKDOWN);
        String second = writer.render(Reports.inspect(rev), ReportFormat.MARKDOWN);
        String stamped = writer.render(ReportModel.of(Reports.inspect(rev), "2031-02-03 04:05 UTC, hooklab 9.9"),
                ReportFormat.MARKDOWN);

        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain("\r").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(stamped).isEqualTo(first.replace("# hooklab report: rev\n\n",
                        "# hooklab report: rev\n\n_2031-02-03 04:05 UTC, hooklab 9.9_\n\n"));
    }
}
