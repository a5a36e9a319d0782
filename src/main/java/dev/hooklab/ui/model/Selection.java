package dev.hooklab.ui.model;

/**
 * What the user has selected in the open revision, shared by every view so that a click in one selects the
 * same thing in the others: a plan row selects its script in the tree and its line in the AppSpec view, a
 * finding selects its line and file.
 *
 * @param file        the revision-relative path (as in the bundle tree) of the selected file, or null
 * @param line        1-based line in the AppSpec view, 0 for none
 * @param column      1-based column on that line, 0 for none
 * @param event       the lifecycle event of the selected plan row, or null
 * @param scriptIndex the script's index within that event, -1 for none
 * @param origin      the view that made the selection (a view does not react to its own selections)
 */
public record Selection(String file, int line, int column, String event, int scriptIndex, String origin) {
    public static final Selection NONE = new Selection(null, 0, 0, null, -1, null);

    public static Selection ofFile(String file, String origin) {
        return new Selection(file, 0, 0, null, -1, origin);
    }

    public static Selection ofLine(String file, int line, int column, String origin) {
        return new Selection(file, line, column, null, -1, origin);
    }

    /** The same selection naming another file (for example the tree entry a script's location reaches). */
    public Selection withFile(String f) {
        return new Selection(f, line, column, event, scriptIndex, origin);
    }

    /** Whether a view that calls itself {@code view} made this selection (it then does not react to it). */
    public boolean madeBy(String view) {
        return view.equals(origin);
    }
}
