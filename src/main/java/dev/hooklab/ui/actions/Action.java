package dev.hooklab.ui.actions;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Every command of the window, in menu order: where it sits, its words, its shortcut and, for the toolbar, its
 * icon. The {@link Actions} table turns these into the menu bar and the toolbar; the shell and the views bind
 * what each one does.
 */
public enum Action {
    OPEN(MenuName.FILE, Kind.COMMAND, "Open…", "Shortcut+O", Material2AL.FOLDER_OPEN, true,
            "Open a revision bundle (zip, tar, tgz) or an appspec.yml alone"),
    OPEN_FOLDER(MenuName.FILE, Kind.COMMAND, "Open folder…", "Shortcut+Shift+O", Material2AL.FOLDER, true,
            "Open a folder that holds a revision, as codedeploy-local deploys a directory"),
    OPEN_PREVIOUS(MenuName.FILE, Kind.COMMAND, "Open previous revision…", null, Material2AL.HISTORY, false,
            "The last successful revision: ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run its scripts"),
    RELOAD(MenuName.FILE, Kind.COMMAND, "Reload", "F5", Material2MZ.REFRESH, true,
            "Read the open revision again from disk"),
    RECENT(MenuName.FILE, Kind.SUBMENU, "Recent revisions", null, null, false, null),
    EXPORT(MenuName.FILE, Kind.COMMAND, "Export report…", "Shortcut+E", Material2AL.DESCRIPTION, false,
            "Write the plan and the findings as Markdown or HTML"),
    QUIT(MenuName.FILE, Kind.COMMAND, "Quit", "Shortcut+Q", null, false, null),

    FIND(MenuName.EDIT, Kind.COMMAND, "Find…", "Shortcut+F", Material2MZ.SEARCH, false,
            "Filter the revision's files"),
    COPY_PATH(MenuName.EDIT, Kind.COMMAND, "Copy path", "Shortcut+Shift+C", Material2AL.CONTENT_COPY, true,
            "Copy the selected script's path on the instance"),
    PASTE_ERROR(MenuName.EDIT, Kind.COMMAND, "Paste deployment error", "Shortcut+Shift+V",
            Material2AL.CONTENT_PASTE, false, "Explain an error copied from the console or codedeploy-agent.log"),
    PREFERENCES(MenuName.EDIT, Kind.COMMAND, "Preferences…", "Shortcut+Comma", Material2MZ.SETTINGS, false, null),

    DARK_THEME(MenuName.VIEW, Kind.TOGGLE, "Dark theme", "Shortcut+Shift+D", Material2MZ.NIGHTS_STAY, true,
            "Switch between the light and the dark theme"),
    WELCOME(MenuName.VIEW, Kind.COMMAND, "Welcome", null, Material2AL.HOME, false,
            "The start page: recent revisions and samples"),

    RUN_VIEW(MenuName.RUN, Kind.COMMAND, "Run view", "Shortcut+Shift+R", Material2MZ.PLAY_CIRCLE_OUTLINE, false,
            "Show the run view: the revision's hooks step by step in a sandbox"),
    STEP(MenuName.RUN, Kind.COMMAND, "Step", "F8", Material2MZ.REDO, true,
            "Run the next step"),
    RUN_TO_END(MenuName.RUN, Kind.COMMAND, "Run to end", "F9", Material2MZ.PLAY_ARROW, true,
            "Run the remaining steps; pauses before a breakpoint, ends at a failure"),
    RUN_TO_HERE(MenuName.RUN, Kind.COMMAND, "Run to here", "Alt+F9", Material2MZ.SKIP_NEXT, false,
            "Run the steps up to and including the selected one"),
    SKIP(MenuName.RUN, Kind.COMMAND, "Skip", "Shift+F8", Material2AL.FAST_FORWARD, false,
            "Leave out the selected step (or the next one) without running it"),
    RERUN(MenuName.RUN, Kind.COMMAND, "Re-run", "Shift+F9", Material2MZ.REPLAY, true,
            "Run the selected step again, its scripts read again from the revision on disk"),
    STOP(MenuName.RUN, Kind.COMMAND, "Stop", "Shortcut+F2", Material2MZ.STOP, true,
            "Stop the running hook and everything it started"),
    RESET(MenuName.RUN, Kind.COMMAND, "Reset", "Shortcut+Shift+F2", Material2MZ.RESTORE, false,
            "A fresh sandbox: every step pending again"),
    TOGGLE_BREAKPOINT(MenuName.RUN, Kind.COMMAND, "Toggle breakpoint", "Shortcut+F8", Material2AL.ADJUST, false,
            "Run to end pauses before the selected step"),

    SAMPLES(MenuName.HELP, Kind.SUBMENU, "Samples", null, null, false, null),
    ABOUT(MenuName.HELP, Kind.COMMAND, "About hooklab", null, Material2AL.INFO, false, null);

    /** The menus of the menu bar, in order. */
    public enum MenuName {
        FILE("_File"), EDIT("_Edit"), VIEW("_View"), RUN("_Run"), HELP("_Help");

        private final String text;

        MenuName(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A plain command, an on/off setting, or a submenu the shell fills (recent revisions, samples). */
    public enum Kind { COMMAND, TOGGLE, SUBMENU }

    private final MenuName menu;
    private final Kind kind;
    private final String text;
    private final String shortcut;
    private final Ikon icon;
    private final boolean toolbar;
    private final String help;

    Action(MenuName menu, Kind kind, String text, String shortcut, Ikon icon, boolean toolbar, String help) {
        this.menu = menu;
        this.kind = kind;
        this.text = text;
        this.shortcut = shortcut;
        this.icon = icon;
        this.toolbar = toolbar;
        this.help = help;
    }

    public MenuName menu() {
        return menu;
    }

    public Kind kind() {
        return kind;
    }

    /** The menu item's words; the toolbar button's tooltip starts with them too. */
    public String text() {
        return text;
    }

    /** A {@link javafx.scene.input.KeyCombination} string ({@code Shortcut+O}), or null. */
    public String shortcut() {
        return shortcut;
    }

    /** The icon of the menu item and toolbar button, or null. */
    public Ikon icon() {
        return icon;
    }

    /** Whether the toolbar has a button for it. */
    public boolean onToolbar() {
        return toolbar;
    }

    /** One sentence for the tooltip, or null. */
    public String help() {
        return help;
    }

    /** The id of its menu item ({@code menu-open-folder}); its toolbar button is {@code tool-open-folder}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
