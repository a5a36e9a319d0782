package dev.hooklab.bundle;

import java.util.List;

/**
 * The outcome of the agent's single-top-folder rule (semantics 2.3): after unpacking, the archive root
 * is listed (hidden entries count); one level is stripped only when the root holds exactly one entry,
 * that entry is a directory, and it directly contains a name with "appspec" in any case.
 *
 * @param stripped    whether the agent strips a folder
 * @param folder      the single root entry when there is one (stripped or not), else null
 * @param rootEntries the names at the archive root, sorted
 * @param blocker     when a single folder holding an AppSpec is not stripped because other root entries sit
 *                    beside it ({@code __MACOSX}, a dotfile, a README): the first of those, else null
 */
public record TopFolder(boolean stripped, String folder, List<String> rootEntries, String blocker) {

    public TopFolder {
        rootEntries = List.copyOf(rootEntries);
    }

    /** The prefix (with trailing slash) that bundle paths lose in deployment-archive, or "". */
    public String prefix() {
        return stripped ? folder + "/" : "";
    }
}
