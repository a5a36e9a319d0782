package dev.hooklab.ui.run.console;

import java.util.Objects;

/**
 * One script of a session: its step and its location as written in the AppSpec.
 *
 * @param step     the step's index in the session
 * @param location the location, never null
 */
public record ScriptKey(int step, String location) {

    public ScriptKey {
        Objects.requireNonNull(location, "location");
    }
}
