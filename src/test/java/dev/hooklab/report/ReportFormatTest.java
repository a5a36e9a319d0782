package dev.hooklab.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {
    @Test
    void aFileNameChoosesTheFormatByItsExtension() {
        assertThat(ReportFormat.forFileName("report.md")).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.forFileName("REPORT.Markdown")).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.forFileName("report.html")).contains(ReportFormat.HTML);
        assertThat(ReportFormat.forFileName("report.HTM")).contains(ReportFormat.HTML);
        assertThat(ReportFormat.forFileName("report.txt")).isEmpty();
        assertThat(ReportFormat.forFileName("md")).isEmpty();
        assertThat(ReportFormat.HTML.extension()).isEqualTo("html");
        assertThat(ReportFormat.MARKDOWN.label()).isEqualTo("Markdown");
    }
}
