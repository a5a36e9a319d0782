/**
 * The sample revisions that ship with hooklab (the seed story, a healthy service, a revision of classic
 * mistakes): resources under {@code dev/hooklab/samples/<name>/}, listed with their modes by
 * {@link dev.hooklab.sample.Samples} and written out to a folder by {@link dev.hooklab.sample.Sample#materialize}.
 * Uses no other package of hooklab.
 */
package dev.hooklab.sample;
