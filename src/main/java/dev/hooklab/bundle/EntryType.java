package dev.hooklab.bundle;

import java.util.Locale;

/** What an archive entry is. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
