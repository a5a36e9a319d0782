package dev.hooklab.report;

import dev.hooklab.bundle.TestRevision;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names and values a revision controls (its folder name, hook locations, file names, runas) come out as
 * inert text in both formats: no markup, no extra table cell, no lost character.
 */
class ReportEscapingTest {
    @TempDir
    Path tmp;

    /** Markup, pipes and runs of backticks. */
    static final String MARKUP = "scripts/<script>alert(1)</script>|`x``y`_*[a](b)*&amp;$x$.sh";
    /** A line break, a backslash right before a pipe (GitHub's cell splitter pairs it), and ESC. */
    static final String BREAKS = "scripts/line\nbreak\\|\u001b[31m.sh";
    static final String RUNAS = "<img src=x onerror=alert(1)>|root";
    static final String FOLDER = "rev <b onclick=x>&amp; |`t`";

    Inspection hostile() throws Exception {
        String yaml = """
                version: 0.0
                os: linux
                hooks:
                  AfterInstall:
                    - location: "%s"
                      runas: "%s"
                    - location: "%s"
                """.formatted(MARKUP, RUNAS, BREAKS.replace("\\", "\\\\").replace("\n", "\\n")
                .replace("\u001b", "\\e"));
        Path rev = TestRevision.withAppSpec(yaml).script(MARKUP).script(BREAKS).folder(tmp, FOLDER);
        Inspection in = Reports.inspect(rev);
        List<String> locations = in.plan().event("AfterInstall").orElseThrow().scripts().stream()
                .map(s -> s.script().location()).toList();
        assertThat(locations).as("the AppSpec reads as intended").containsExactly(MARKUP, BREAKS);
        return in;
    }

    static String visible(String s) {
        return s.replace("\n", "\\x0a").replace("\u001b", "\\x1b");
    }

    @Test
    void markdownShowsEveryValueAsWrittenInItsOwnCell() throws Exception {
        Inspection in = hostile();
        List<PlannedScript> scripts = in.plan().event("AfterInstall").orElseThrow().scripts();

        String md = new ReportWriter().render(in, ReportFormat.MARKDOWN);

        assertThat(md).startsWith("# hooklab report: rev \\<b onclick=x\\>\\&amp; \\|\\`t\\`\n");
        List<List<List<String>>> tables = Reports.tables(md);
        List<List<String>> plan = tables.get(2).stream().filter(r -> r.get(0).equals("AfterInstall")).toList();
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0)).containsExactly("AfterInstall", "this revision", MARKUP, scripts.get(0).path(),
                "found " + MARKUP, "3600 s", RUNAS);
        assertThat(plan.get(1)).containsExactly("AfterInstall", "this revision", visible(BREAKS),
                visible(scripts.get(1).path()), "found " + visible(BREAKS), "3600 s", "—");
        assertThat(tables.get(0).get(1)).containsExactly("Input", in.input().toString());

        for (String line : md.split("\n")) {
            if (line.startsWith("| AfterInstall ")) {
                assertThat(Reports.gfmCellCount(line)).as(line).isEqualTo(7);
            }
        }
        assertThat(md).doesNotContain("\u001b");
        String page = Reports.markdownToHtml(md);
        assertThat(page).doesNotContain("<script", "<img", "<b>", "<a ", "<em>", "<strong>&")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void htmlIsWellFormedInertAndShowsEveryValueAsWritten() throws Exception {
        Inspection in = hostile();
        List<PlannedScript> scripts = in.plan().event("AfterInstall").orElseThrow().scripts();

        String page = new ReportWriter().render(in, ReportFormat.HTML);
        Document doc = Reports.html(page);

        var xpath = XPathFactory.newInstance().newXPath();
        assertThat(((Number) xpath.evaluate("count(//script | //img | //b | //iframe | //link | //object)", doc,
                XPathConstants.NUMBER)).intValue()).isZero();
        assertThat(((Number) xpath.evaluate("count(//*[@src or @href or @onerror or @onload])", doc,
                XPathConstants.NUMBER)).intValue()).as("nothing loads or runs").isZero();
        assertThat(xpath.evaluate("/html/head/title", doc)).isEqualTo("hooklab report: " + FOLDER);
        assertThat(xpath.evaluate("//meta[@http-equiv='Content-Security-Policy']/@content", doc))
                .isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
        assertThat(xpath.evaluate("/html/head/style", doc)).contains("prefers-color-scheme: dark");

        NodeList rows = (NodeList) xpath.evaluate("//table[@class='plan']/tbody/tr[td[1]='AfterInstall']", doc,
                XPathConstants.NODESET);
        assertThat(rows.getLength()).isEqualTo(2);
        assertThat(cells((Element) rows.item(0))).containsExactly("AfterInstall", "this revision", MARKUP,
                scripts.get(0).path(), "found " + MARKUP, "3600 s", RUNAS);
        assertThat(cells((Element) rows.item(1))).containsExactly("AfterInstall", "this revision", visible(BREAKS),
                visible(scripts.get(1).path()), "found " + visible(BREAKS), "3600 s", "—");
        assertThat(page).doesNotContain("\u001b");
    }

    @Test
    void aCodeSpanFenceOutrunsTheBackticksInside() {
        assertThat(MarkdownReport.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownReport.code("a``b`")).isEqualTo("``` a``b` ```");
        assertThat(MarkdownReport.code("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownReport.code("a|b")).isEqualTo("`a\\|b`");
        assertThat(MarkdownReport.code("a\\|b")).isEqualTo("<code>a\\\\\\|b</code>");
        assertThat(MarkdownReport.code("")).isEqualTo("(empty)");
        assertThat(MarkdownReport.code(null)).isEqualTo("—");
        for (String s : List.of("a`b", "a``b`", "`x", " a ", "a|b", "a\\|b", "C:\\dir\\|x")) {
            String md = "| h |\n| --- |\n| " + MarkdownReport.code(s) + " |\n";
            assertThat(Reports.tables(md).get(0).get(1)).as(s).containsExactly(s);
        }
    }

    @Test
    void textEscapesMarkupAndKeepsLineBreaksInTheCell() {
        String s = "*a* _b_ <i>c</i> [d](e) `f` | g \\ h ~~i~~ &lt; $j$\nnext\r\nlast";
        String md = "| h |\n| --- |\n| " + MarkdownReport.text(s) + " |\n";

        assertThat(Reports.gfmCellCount(md.split("\n")[2])).isEqualTo(1);
        assertThat(Reports.tables(md).get(0).get(1)).containsExactly(s.replace("\r\n", "\n"));
        assertThat(Reports.markdownToHtml(md)).doesNotContain("<em>", "<i>", "<a ", "<code>", "<del>");
    }

    private static List<String> cells(Element row) {
        List<String> out = new ArrayList<>();
        NodeList tds = row.getElementsByTagName("td");
        for (int i = 0; i < tds.getLength(); i++) {
            out.add(tds.item(i).getTextContent());
        }
        return out;
    }
}
