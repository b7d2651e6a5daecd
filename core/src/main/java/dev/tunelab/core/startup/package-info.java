/**
 * Start-up work that overlaps other start-up work: one-off loads (native libraries) run once per
 * JVM on a background thread, started by a command that will need them soon.
 */
package dev.tunelab.core.startup;
