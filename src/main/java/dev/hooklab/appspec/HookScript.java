package dev.hooklab.appspec;

/**
 * One script of a lifecycle event, with the agent's reading of its values.
 *
 * @param event    the event name as written under hooks
 * @param location {@code location.to_s.strip}
 * @param timeout  seconds ({@code to_i}, default 3600)
 * @param runas    {@code runas.to_s.strip}, or null
 * @param sudo     Ruby truthiness of {@code sudo}
 * @param mark     where the location value is
 * @param itemMark where the list item starts
 */
public record HookScript(String event, String location, int timeout, String runas, boolean sudo, Mark mark,
                         Mark itemMark) {
    public static final int DEFAULT_TIMEOUT = 3600;
}
