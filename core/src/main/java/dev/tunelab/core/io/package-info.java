/**
 * Files the user names for TuneLab to write ({@code transform --output}, {@code analytics --csv},
 * {@code report --out}, {@code datasets --out}): checked before any work, written whole or not at
 * all, never over an input, and with write errors reported by path and the system's reason.
 */
package dev.tunelab.core.io;
