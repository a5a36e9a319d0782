package dev.hooklab.ui.actions;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table of commands: menus and toolbar come from it, and an unbound command is never offered. */
@ExtendWith(ApplicationExtension.class)
class ActionsTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: menu items and icons need it
    }

    @Test
    void theMenuBarHasTheFiveMenusAndEveryItemItsShortcut() {
        MenuBar bar = new Actions().menuBar();
        assertThat(bar.getMenus()).extracting(Menu::getText)
                .containsExactly("_File", "_Edit", "_View", "_Run", "_Help");
        MenuItem open = find(bar, "menu-open");
        assertThat(open.getAccelerator()).isEqualTo(KeyCombination.valueOf("Shortcut+O"));
        assertThat(find(bar, "menu-reload").getAccelerator()).isEqualTo(KeyCombination.valueOf("F5"));
        assertThat(find(bar, "menu-recent")).isInstanceOf(Menu.class);
    }

    @Test
    void noTwoActionsShareAShortcut() {
        Set<KeyCombination> seen = new HashSet<>();
        for (Action a : Action.values()) {
            if (a.shortcut() != null) {
                assertThat(seen.add(KeyCombination.valueOf(a.shortcut()))).as(a + " " + a.shortcut()).isTrue();
            }
        }
    }

    @Test
    void anUnboundActionIsDisabledAndDoesNothingABoundOneRuns() {
        Actions actions = new Actions();
        MenuBar bar = actions.menuBar();
        for (String id : List.of("menu-export", "menu-paste-error", "menu-find")) {
            assertThat(find(bar, id).isDisable()).as(id).isTrue();
        }
        AtomicInteger runs = new AtomicInteger();
        actions.fire(Action.EXPORT);
        actions.bind(Action.EXPORT, runs::incrementAndGet);
        assertThat(find(bar, "menu-export").isDisable()).isFalse();
        find(bar, "menu-export").fire();
        actions.fire(Action.EXPORT);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aToggleFlipsOnceWhetherFiredOrClickedOnTheToolbar() {
        Actions actions = new Actions();
        AtomicInteger runs = new AtomicInteger();
        actions.bind(Action.DARK_THEME, runs::incrementAndGet);
        ToolBar tools = actions.toolBar();
        actions.fire(Action.DARK_THEME);
        assertThat(actions.selectedProperty(Action.DARK_THEME).get()).isTrue();
        tools.getItems().stream().filter(n -> "tool-dark-theme".equals(n.getId())).findFirst()
                .map(javafx.scene.control.ToggleButton.class::cast).orElseThrow().fire();
        assertThat(actions.selectedProperty(Action.DARK_THEME).get()).isFalse();
        assertThat(runs).hasValue(2);
    }

    private static MenuItem find(MenuBar bar, String id) {
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (id.equals(i.getId())) {
                    return i;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }
}
