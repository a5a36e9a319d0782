package dev.hooklab.plan;

import dev.hooklab.appspec.HookScript;

/**
 * A hook script with the path the agent executes.
 *
 * @param script      the AppSpec entry
 * @param path        the absolute, normalised on-instance path (as in "Script does not exist at specified location")
 * @param target      what the path reaches
 * @param archivePath the path relative to deployment-archive when inside it, else null
 * @param bundleEntry the bundle entry it hits (a bundle path, after top-folder stripping and inside links), else null
 * @param installedBy for a path outside deployment-archive: the files copy that puts a file there, else null
 */
public record PlannedScript(HookScript script, String path, ScriptTarget target, String archivePath,
                            String bundleEntry, InstallStep.Copy installedBy) {
}
