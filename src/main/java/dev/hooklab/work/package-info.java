/**
 * Hooklab's threads: {@link dev.hooklab.work.Workers}, the one source of the background threads, built by the
 * composition root. On the ground floor beside {@code finding}: every package may use it; it uses none of ours.
 */
package dev.hooklab.work;
