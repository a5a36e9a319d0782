/**
 * Writing a bundle's files: unpacks a revision read by {@code dev.hooklab.bundle} into a sandbox's
 * deployment-archive the way the agent's DownloadBundle does, after refusing hostile entries and
 * within a cap on expanded bytes ({@link dev.hooklab.bundle.extract.BundleExtractor}).
 */
package dev.hooklab.bundle.extract;
