package dev.hooklab.ui.appspec;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.finding.Severity;
import dev.hooklab.inspect.Inspection;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The AppSpec view's model: the text as read, a title naming where it came from, where each finding sits on
 * it (line and column span), and the file to open in an editor when there is one on disk.
 */
public final class AppSpecModel {
    /**
     * A finding placed on the text.
     *
     * @param line     0-based paragraph
     * @param from     0-based first column marked
     * @param to       0-based column after the last marked
     * @param severity the finding's severity
     * @param message  what the tooltip says
     */
    public record Mark(int line, int from, int to, Severity severity, String message) {
    }

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No AppSpec");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final List<Mark> marks = new ArrayList<>();

    public void show(Inspection in) {
        marks.clear();
        if (in == null) {
            text.set("");
            title.set("No AppSpec");
            file.set(null);
            return;
        }
        String body = in.appspec().text() == null ? "" : in.appspec().text();
        String[] lines = body.split("\n", -1);
        for (Diagnostic d : in.diagnostics()) {
            boolean onAppSpec = d.file() == null || Objects.equals(d.file(), in.appspecEntry());
            if (!onAppSpec || d.line() <= 0 || d.line() > lines.length) {
                continue;
            }
            String line = lines[d.line() - 1].replace("\r", "");
            int indent = line.length() - line.stripLeading().length();
            int from = d.column() > 0 ? Math.min(d.column() - 1, line.length()) : indent;
            int to = line.stripTrailing().length();
            if (to <= from) {
                from = indent;
                to = Math.max(line.stripTrailing().length(), from);
            }
            marks.add(new Mark(d.line() - 1, from, to, d.severity(), tooltip(d)));
        }
        // errors last, so that where findings overlap the error's style wins
        marks.sort(Comparator.comparing((Mark m) -> m.severity()).reversed());
        if (in.appspecEntry() == null) {
            title.set("The revision has no " + in.appspec().fileName());
        } else if (in.appspecSource() != null && in.lookup().isEmpty() && in.bundle().isPresent()) {
            title.set(in.appspecEntry() + " (replaces the revision's AppSpec)");
        } else {
            title.set(in.appspecEntry());
        }
        file.set(in.appspecSource());
        text.set(body);
    }

    static String tooltip(Diagnostic d) {
        StringBuilder b = new StringBuilder(d.severity().label()).append(" [").append(d.code().slug()).append("] ")
                .append(d.message());
        if (d.agentMessage() != null) {
            b.append("\nagent: ").append(d.agentMessage());
        }
        if (d.fix() != null) {
            b.append("\nfix: ").append(d.fix());
        }
        return b.toString();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The AppSpec as a file on disk (folder revision, lone AppSpec, replacement), null when inside an archive. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The findings on the text, infos first and errors last. */
    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The findings marked at a 0-based line and column, most severe first. */
    public List<Mark> marksAt(int line, int column) {
        List<Mark> at = new ArrayList<>();
        for (Mark m : marks) {
            if (m.line() == line && column >= m.from() && column <= m.to()) {
                at.add(0, m);
            }
        }
        return at;
    }

    /** The most severe finding on a 0-based line, or null. */
    public Severity worstOn(int line) {
        return marks.stream().filter(m -> m.line() == line).map(Mark::severity).min(Comparator.naturalOrder())
                .orElse(null);
    }
}
