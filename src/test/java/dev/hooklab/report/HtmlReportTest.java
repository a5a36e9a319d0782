package dev.hooklab.report;

import dev.hooklab.cli.HooklabCli;
import dev.hooklab.inspect.Inspection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report of the seed story, read as the DOM a browser builds from it. */
class HtmlReportTest {
    @TempDir
    Path tmp;

    private final XPath xpath = XPathFactory.newInstance().newXPath();

    @Test
    void theSeedStoryShowsTheComputedPathItsErrorAndTheFix() throws Exception {
        Inspection in = Reports.inspect(Reports.seed().tgz(tmp, "app.tgz"));

        String page = new ReportWriter().render(in, ReportFormat.HTML);
        Document doc = Reports.html(page);

        assertThat(page).startsWith("<!DOCTYPE html>\n");
        assertThat(xpath.evaluate("/html/body/h1", doc)).isEqualTo("hooklab report: app.tgz");
        assertThat(xpath.evaluate("//p[contains(@class,'verdict')]/@class", doc)).isEqualTo("verdict fail");
        assertThat(xpath.evaluate("//p[contains(@class,'verdict')]", doc))
                .startsWith("✗ The agent would fail this deployment: 1 error, ");

        assertThat(field(doc, "Kind")).isEqualTo("tgz archive, 2 entries");
        assertThat(field(doc, "Deployment type")).isEqualTo("in-place");
        assertThat(field(doc, "Deployment group id")).isEqualTo(HooklabCli.GROUP);
        assertThat(field(doc, "Deployment id")).isEqualTo(HooklabCli.DEPLOYMENT);
        assertThat(field(doc, "Root dir")).isEqualTo("/opt/codedeploy-agent/deployment-root");
        assertThat(field(doc, "OS")).isEqualTo("linux");
        assertThat(field(doc, "File exists behaviour")).isEqualTo("DISALLOW");

        String row = "//table[@class='plan']/tbody/tr[td[1]='AfterInstall']";
        assertThat(xpath.evaluate(row + "/@class", doc)).isEqualTo("problem");
        assertThat(xpath.evaluate(row + "/td[3]", doc)).isEqualTo("/var/app/current/start_aplication.sh");
        assertThat(xpath.evaluate(row + "/td[4]/code", doc)).isEqualTo(Reports.SEED_PATH);
        assertThat(xpath.evaluate(row + "/td[5]", doc)).isEqualTo("missing from the revision");
        assertThat(xpath.evaluate(row + "/td[6]", doc)).isEqualTo("180 s");
        assertThat(xpath.evaluate("count(//table[@class='plan']/tbody/tr)", doc)).isEqualTo("7");

        String finding = "//table[@class='findings']/tbody/tr[td[2]='script-missing']";
        assertThat(xpath.evaluate(finding + "/td[1]", doc)).isEqualTo("error");
        assertThat(xpath.evaluate(finding + "/td[3]", doc)).isEqualTo("appspec.yml:8:17");
        assertThat(xpath.evaluate(finding + "/td[5]", doc))
                .isEqualTo("Script does not exist at specified location: " + Reports.SEED_PATH);
        assertThat(xpath.evaluate(finding + "/td[6]", doc)).isEqualTo("location: start_aplication.sh");
    }

    @Test
    void thePageIsTheSameForTheSameRevision() throws Exception {
        Path rev = Reports.seed().folder(tmp, "rev");

        String first = new ReportWriter().render(Reports.inspect(rev), ReportFormat.HTML);

        assertThat(new ReportWriter().render(Reports.inspect(rev), ReportFormat.HTML)).isEqualTo(first);
        assertThat(first).doesNotContain("class=\"generated\"");
        assertThat(new ReportWriter().render(ReportModel.of(Reports.inspect(rev), "at noon"), ReportFormat.HTML))
                .contains("<p class=\"generated\">at noon</p>");
    }

    private String field(Document doc, String name) throws Exception {
        return xpath.evaluate("//table[@class='fields']/tr[th='" + name + "']/td", doc);
    }
}
