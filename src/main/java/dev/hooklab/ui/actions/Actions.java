package dev.hooklab.ui.actions;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The one table of commands: what each {@link Action} does once bound, whether it is enabled, and the menu bar
 * and toolbar built from it. An action nobody has bound yet stays disabled, so a menu never offers a command that
 * does nothing. Menu items are {@code #menu-<id>}, toolbar buttons {@code #tool-<id>}.
 */
public final class Actions {
    /** Menu entries after which a separator follows. */
    private static final Set<Action> SEPARATOR_AFTER = Set.of(Action.OPEN_PREVIOUS, Action.RECENT, Action.EXPORT,
            Action.COPY_PATH, Action.PASTE_ERROR, Action.SAMPLES, Action.RUN_VIEW, Action.RESET);

    private final Map<Action, Runnable> handlers = new EnumMap<>(Action.class);
    private final Map<Action, BooleanProperty> disabled = new EnumMap<>(Action.class);
    private final Map<Action, BooleanProperty> selected = new EnumMap<>(Action.class);
    private final Map<Action, Menu> submenus = new EnumMap<>(Action.class);

    public Actions() {
        for (Action a : Action.values()) {
            disabled.put(a, new SimpleBooleanProperty(this, a.id() + "-disabled", a.kind() != Action.Kind.SUBMENU));
            if (a.kind() == Action.Kind.TOGGLE) {
                selected.put(a, new SimpleBooleanProperty(this, a.id() + "-selected"));
            }
            if (a.kind() == Action.Kind.SUBMENU) {
                Menu m = new Menu(a.text());
                m.setId("menu-" + a.id());
                submenus.put(a, m);
            }
        }
    }

    /** Says what the action does and enables it (unless its disabled property is bound elsewhere). */
    public void bind(Action a, Runnable handler) {
        if (a.kind() == Action.Kind.SUBMENU) {
            throw new IllegalArgumentException(a + " is a submenu; fill submenu(" + a + ") instead");
        }
        handlers.put(a, handler);
        if (!disabled.get(a).isBound()) {
            disabled.get(a).set(false);
        }
    }

    /** Whether it is bound, whatever its state. */
    public boolean isBound(Action a) {
        return handlers.containsKey(a);
    }

    public BooleanProperty disabledProperty(Action a) {
        return disabled.get(a);
    }

    /** The on/off state of a toggle action. */
    public BooleanProperty selectedProperty(Action a) {
        BooleanProperty p = selected.get(a);
        if (p == null) {
            throw new IllegalArgumentException(a + " is not a toggle");
        }
        return p;
    }

    /** The submenu the shell fills (recent revisions, samples). */
    public Menu submenu(Action a) {
        Menu m = submenus.get(a);
        if (m == null) {
            throw new IllegalArgumentException(a + " is not a submenu");
        }
        return m;
    }

    /** Runs the action as its menu item would: nothing happens while it is disabled or unbound. */
    public void fire(Action a) {
        Runnable h = handlers.get(a);
        if (h != null && !disabled.get(a).get()) {
            if (a.kind() == Action.Kind.TOGGLE) {
                selected.get(a).set(!selected.get(a).get());
            }
            h.run();
        }
    }

    /** File, Edit, View, Run and Help, every item carrying its shortcut. */
    public MenuBar menuBar() {
        MenuBar bar = new MenuBar();
        for (Action.MenuName name : Action.MenuName.values()) {
            Menu menu = new Menu(name.text());
            menu.setId("menu-" + name.name().toLowerCase(java.util.Locale.ROOT));
            for (Action a : Action.values()) {
                if (a.menu() != name) {
                    continue;
                }
                menu.getItems().add(item(a));
                if (SEPARATOR_AFTER.contains(a)) {
                    menu.getItems().add(new SeparatorMenuItem());
                }
            }
            if (menu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("Nothing to run yet: open a revision");
                none.setDisable(true);
                menu.getItems().add(none);
            }
            bar.getMenus().add(menu);
        }
        return bar;
    }

    private MenuItem item(Action a) {
        if (a.kind() == Action.Kind.SUBMENU) {
            return submenus.get(a);
        }
        MenuItem item;
        if (a.kind() == Action.Kind.TOGGLE) {
            CheckMenuItem check = new CheckMenuItem(a.text());
            check.selectedProperty().bindBidirectional(selected.get(a));
            // the check mark flips itself before onAction; run the handler without flipping it again
            check.setOnAction(e -> runHandler(a));
            item = check;
        } else {
            item = new MenuItem(a.text());
            item.setOnAction(e -> fire(a));
        }
        item.setId("menu-" + a.id());
        if (a.shortcut() != null) {
            item.setAccelerator(KeyCombination.valueOf(a.shortcut()));
        }
        if (a.icon() != null) {
            item.setGraphic(new FontIcon(a.icon()));
        }
        item.disableProperty().bind(disabled.get(a));
        return item;
    }

    private void runHandler(Action a) {
        Runnable h = handlers.get(a);
        if (h != null && !disabled.get(a).get()) {
            h.run();
        }
    }

    /** A button for every action marked for the toolbar, in menu order. */
    public ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        bar.setId("toolbar");
        Action.MenuName last = null;
        for (Action a : Action.values()) {
            if (!a.onToolbar()) {
                continue;
            }
            if (last != null && last != a.menu()) {
                bar.getItems().add(new javafx.scene.control.Separator());
            }
            last = a.menu();
            bar.getItems().add(button(a));
        }
        return bar;
    }

    private javafx.scene.control.ButtonBase button(Action a) {
        javafx.scene.control.ButtonBase b;
        if (a.kind() == Action.Kind.TOGGLE) {
            ToggleButton t = new ToggleButton();
            t.selectedProperty().bindBidirectional(selected.get(a));
            t.setOnAction(e -> runHandler(a));
            b = t;
        } else {
            Button plain = new Button();
            plain.setOnAction(e -> fire(a));
            b = plain;
        }
        b.setId("tool-" + a.id());
        b.setGraphic(new FontIcon(a.icon()));
        b.getStyleClass().add("button-icon");
        String tip = a.text().replace("…", "") + (a.shortcut() == null ? ""
                : " (" + KeyCombination.valueOf(a.shortcut()).getDisplayText() + ")")
                + (a.help() == null ? "" : "\n" + a.help());
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.disableProperty().bind(disabled.get(a));
        return b;
    }
}
