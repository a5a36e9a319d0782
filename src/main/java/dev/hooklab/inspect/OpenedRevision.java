package dev.hooklab.inspect;

import dev.hooklab.bundle.Bundle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One input as read, before any judgement: what the user gave and, for a bundle or folder, its listing (the
 * expensive part, done once). {@link Inspector#judge} judges it under any settings without listing it again.
 *
 * @param input  what the user gave
 * @param kind   archive, folder or lone AppSpec
 * @param bundle the listed bundle (empty for a lone AppSpec)
 */
public record OpenedRevision(Path input, InputKind kind, Optional<Bundle> bundle) {
}
