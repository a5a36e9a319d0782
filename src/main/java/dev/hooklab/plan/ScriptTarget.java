package dev.hooklab.plan;

import java.util.Locale;

/** What a hook location reaches on the instance. */
public enum ScriptTarget {
    /** A file of the revision inside deployment-archive. */
    FOUND,
    /** Nothing of the revision is there: the agent fails with "Script does not exist". */
    MISSING,
    /** A directory: the agent finds it, then cannot execute it. */
    DIRECTORY,
    /** Outside deployment-archive ('..'): depends on what the instance has there. */
    OUTSIDE_ARCHIVE,
    /** No revision contents known (a lone appspec.yml). */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
