package dev.hooklab.ui.model;

import dev.hooklab.finding.Diagnostic;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.PlannedEvent;
import dev.hooklab.plan.PlannedScript;

import java.util.Objects;

/**
 * Turns what the user clicked in one view into the {@link Selection} every view understands, so that a plan row,
 * a tree entry, an AppSpec line and a finding that are about the same hook script select one another. A
 * selection's {@code file} is always a deployment-archive path (as in the bundle tree) and its {@code line} a line
 * of the AppSpec view. Pure functions over an {@link Inspection}; no JavaFX.
 */
public final class Selections {
    private Selections() {
    }

    /** The selection of one script of the plan: its archive path in the tree, its location's line in the AppSpec. */
    public static Selection ofScript(PlannedEvent event, int index, String origin) {
        PlannedScript s = event.scripts().get(index);
        return new Selection(s.archivePath(), s.script().mark().line(), s.script().mark().column(), event.name(),
                index, origin);
    }

    /** The selection of an event row without scripts: its key's line. */
    public static Selection ofEvent(PlannedEvent event, String origin) {
        return new Selection(null, event.mark().line(), event.mark().column(), event.name(), -1, origin);
    }

    /** A tree entry: the first script the agent would run from that path (if any) joins the selection. */
    public static Selection ofFile(Inspection in, String archivePath, String origin) {
        if (in != null) {
            for (PlannedEvent e : in.plan().events()) {
                for (int i = 0; i < e.scripts().size(); i++) {
                    if (archivePath.equals(e.scripts().get(i).archivePath())) {
                        return ofScript(e, i, origin).withFile(archivePath);
                    }
                }
            }
            if (archivePath.equals(appSpecArchivePath(in))) {
                return new Selection(archivePath, 1, 1, null, -1, origin);
            }
        }
        return Selection.ofFile(archivePath, origin);
    }

    /** A line of the AppSpec: the script whose location sits on it, else the AppSpec itself in the tree. */
    public static Selection ofLine(Inspection in, int line, int column, String origin) {
        if (in != null) {
            for (PlannedEvent e : in.plan().events()) {
                for (int i = 0; i < e.scripts().size(); i++) {
                    var s = e.scripts().get(i).script();
                    if (s.mark().line() == line || s.itemMark().line() == line) {
                        return new Selection(e.scripts().get(i).archivePath(), line, column, e.name(), i, origin);
                    }
                }
                if (e.mark().line() == line && line > 0) {
                    return new Selection(null, line, column, e.name(), -1, origin);
                }
            }
        }
        return new Selection(in == null ? null : appSpecArchivePath(in), line, column, null, -1, origin);
    }

    /**
     * A finding: a finding on the AppSpec selects its line (and the script written there); a finding on a
     * revision file selects that file and the AppSpec line of the script that runs it.
     */
    public static Selection ofFinding(Inspection in, Diagnostic d, String origin) {
        String appspec = appSpecArchivePath(in);
        boolean onAppSpec = d.file() == null || Objects.equals(d.file(), in.appspecEntry())
                || Objects.equals(d.file(), appspec);
        if (onAppSpec) {
            return d.line() > 0 ? ofLine(in, d.line(), d.column(), origin)
                    : new Selection(appspec, 0, 0, null, -1, origin);
        }
        String file = d.file();
        String prefix = in.bundle().map(b -> b.archive().topFolder().prefix()).orElse("");
        if (!prefix.isEmpty() && file.startsWith(prefix)) {
            file = file.substring(prefix.length());
        }
        Selection s = ofFile(in, file, origin);
        return s.event() != null ? s : Selection.ofFile(file, origin);
    }

    /** Where the revision's AppSpec sits in deployment-archive (the top folder the agent strips removed), or null. */
    public static String appSpecArchivePath(Inspection in) {
        String entry = in.appspecEntry();
        if (entry == null || in.bundle().isEmpty()) {
            return entry;
        }
        String prefix = in.bundle().get().archive().topFolder().prefix();
        return !prefix.isEmpty() && entry.startsWith(prefix) ? entry.substring(prefix.length()) : entry;
    }
}
