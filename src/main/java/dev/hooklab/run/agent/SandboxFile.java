package dev.hooklab.run.agent;

import java.nio.file.Path;

/**
 * An instance path located in the sandbox folder.
 *
 * @param instancePath the path on the instance after resolving symlinks as the instance would (for messages)
 * @param host         where it is on this machine, always inside the sandbox folder
 */
public record SandboxFile(String instancePath, Path host) {
}
