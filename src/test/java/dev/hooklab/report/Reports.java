package dev.hooklab.report;

import dev.hooklab.app.Hooklab;
import dev.hooklab.cli.HooklabCli;
import dev.hooklab.bundle.TestRevision;
import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentLayout;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Inspections of revisions written in tests, and the Markdown and HTML reports read back as a reader sees them. */
final class Reports {
    private static final Hooklab HOOKLAB = Hooklab.create();
    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer GFM_HTML = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create())).build();

    private Reports() {
    }

    /** The seed story: everything installed to /var/app/current, AfterInstall written as the installed path. */
    static TestRevision seed() {
        return TestRevision.seedStory();
    }

    static final String SEED_PATH = HooklabCli.ARCHIVE + "/var/app/current/start_aplication.sh";

    /** Inspects with the seed story's deployment group and deployment ids. */
    static Inspection inspect(Path input) throws InputException {
        return HOOKLAB.inspector().inspect(input, new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT,
                HooklabCli.GROUP, HooklabCli.DEPLOYMENT), InspectOptions.defaults());
    }

    static Node markdown(String md) {
        return GFM.parse(md);
    }

    static String markdownToHtml(String md) {
        return GFM_HTML.render(GFM.parse(md));
    }

    /** Every GFM table of the document, each as rows of cell texts (header row first), as a reader sees them. */
    static List<List<List<String>>> tables(String md) {
        List<List<List<String>>> tables = new ArrayList<>();
        for (Node n = markdown(md).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableBlock t) {
                List<List<String>> rows = new ArrayList<>();
                collectRows(t, rows);
                tables.add(rows);
            }
        }
        return tables;
    }

    private static void collectRows(Node node, List<List<String>> rows) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableRow r) {
                List<String> cells = new ArrayList<>();
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    StringBuilder b = new StringBuilder();
                    text(c, b);
                    cells.add(b.toString());
                }
                rows.add(cells);
            } else {
                collectRows(n, rows);
            }
        }
    }

    /** The text of a node: code and text literally, {@code <br>} as a line break, other inline HTML dropped. */
    private static void text(Node node, StringBuilder b) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof HtmlInline h) {
                b.append(h.getLiteral().equals("<br>") ? "\n" : "");
            } else {
                text(n, b);
            }
        }
    }

    /**
     * The cells of one table line split as cmark-gfm (GitHub) splits them: a backslash and any ASCII
     * punctuation after it are one escaped pair, so only an unpaired {@code |} ends a cell.
     */
    static int gfmCellCount(String line) {
        String s = line.strip();
        int cells = 0;
        boolean open = false;
        for (int i = s.startsWith("|") ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
                i++;
                open = true;
            } else if (c == '|') {
                cells++;
                open = false;
            } else {
                open = true;
            }
        }
        return cells + (open ? 1 : 0);
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
    }

    /** The HTML report read as XML: it must be well-formed, and the DOM is what a browser builds. */
    static Document html(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(page)));
    }
}
