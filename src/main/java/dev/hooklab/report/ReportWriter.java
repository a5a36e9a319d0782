package dev.hooklab.report;

import dev.hooklab.inspect.Inspection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes the report of an inspection: the revision, the settings, the plan with every on-instance path,
 * the findings with their fixes, and the verdict. The output depends only on the inspection (and on the
 * generated line a caller passes): the same inspection gives the same bytes, lines end with {@code \n}.
 * The caller owns the writer (and its encoding, which should be UTF-8) and closes it.
 */
public final class ReportWriter {
    private final MarkdownReport markdown = new MarkdownReport();
    private final HtmlReport html = new HtmlReport();

    /** Writes the report of {@code in}, with no generated line. */
    public void write(Inspection in, ReportFormat format, Writer out) throws IOException {
        write(ReportModel.of(in), format, out);
    }

    /** Writes a report model, for a caller that adds a generated line ({@link ReportModel#of(Inspection, String)}). */
    public void write(ReportModel model, ReportFormat format, Writer out) throws IOException {
        switch (format) {
            case MARKDOWN -> markdown.write(model, out);
            case HTML -> html.write(model, out);
        }
    }

    /** The report as a string (to copy to the clipboard). */
    public String render(ReportModel model, ReportFormat format) {
        StringWriter s = new StringWriter();
        try {
            write(model, format, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return s.toString();
    }

    /** The report of {@code in} as a string, with no generated line. */
    public String render(Inspection in, ReportFormat format) {
        return render(ReportModel.of(in), format);
    }
}
