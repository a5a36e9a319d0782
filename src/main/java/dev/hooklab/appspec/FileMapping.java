package dev.hooklab.appspec;

/**
 * One entry of the files section.
 *
 * @param source      {@code source.to_s} (the agent joins it onto deployment-archive)
 * @param destination {@code destination.to_s}
 * @param mark        where the list item starts
 */
public record FileMapping(String source, String destination, Mark mark) {
}
