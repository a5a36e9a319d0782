package dev.hooklab.ui.shell;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A sample revision that ships with hooklab, opened from the welcome view and the Help menu.
 *
 * @param id          short name ({@code seed-story}), also the {@code --sample=} parameter
 * @param title       what the menu and the welcome view show
 * @param description one sentence on what it demonstrates
 * @param materialize writes it to disk (or finds it) and gives the path to open
 */
public record Sample(String id, String title, String description, Supplier<Path> materialize) {
}
