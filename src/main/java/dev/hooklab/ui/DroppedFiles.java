package dev.hooklab.ui;

import java.io.File;
import java.util.List;
import java.util.Optional;

/** Decides what a drop opens: the first file or folder; says why nothing, otherwise. */
final class DroppedFiles {
    private DroppedFiles() {
    }

    /** @param file what to open, or null; @param problem why the drop is refused, or null */
    record Choice(File file, String problem) {
    }

    static Choice pick(List<File> files) {
        if (files == null || files.isEmpty()) {
            return new Choice(null, "Drop a bundle (zip, tar, tgz), a folder or an appspec.yml.");
        }
        Optional<File> usable = files.stream().filter(File::exists).findFirst();
        if (usable.isEmpty()) {
            return new Choice(null, files.get(0).getName() + " does not exist.");
        }
        return new Choice(usable.get(), null);
    }
}
