package dev.hooklab.ui.shell;

import dev.hooklab.report.ReportFormat;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks where File > Export report writes, and in which format; tests give their own. */
@FunctionalInterface
public interface ExportChooser {

    /** A report file and its format. */
    record Target(Path file, ReportFormat format) {
    }

    /** The file to write, or empty when the user cancelled. */
    Optional<Target> choose(Window owner, String suggestedName);

    /**
     * A save dialog with one filter per format: the format follows the file name's extension ({@code .md},
     * {@code .html}), else the chosen filter, whose extension is then added to the name.
     */
    static ExportChooser saveDialog() {
        return (owner, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the report");
            for (ReportFormat f : ReportFormat.values()) {
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                        f.label() + " (*." + f.extension() + ")", "*." + f.extension()));
            }
            chooser.setInitialFileName(suggestedName);
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            int filter = chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter());
            ReportFormat picked = ReportFormat.values()[Math.max(0, filter)];
            Optional<ReportFormat> named = ReportFormat.forFileName(file.getName());
            Path path = named.isPresent() ? file.toPath() : file.toPath().resolveSibling(file.getName() + "."
                    + picked.extension());
            return Optional.of(new Target(path, named.orElse(picked)));
        };
    }
}
