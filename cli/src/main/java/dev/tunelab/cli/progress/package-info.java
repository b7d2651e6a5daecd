/**
 * The progress display of {@code tunelab tune} and {@code tunelab resume}.
 *
 * <p>{@link dev.tunelab.cli.progress.TuningConsole} hears the tuning job's events and feeds a
 * {@link dev.tunelab.cli.progress.ProgressTracker}, which keeps the counts, the running jobs'
 * current rounds and the finished jobs' durations and gives a {@link
 * dev.tunelab.cli.progress.ProgressSnapshot} (with an {@link dev.tunelab.cli.progress.Eta}) at
 * any instant. On a terminal a {@link dev.tunelab.cli.progress.LiveView} redraws one line, fitted
 * to the terminal's width by {@link dev.tunelab.cli.progress.StatusLine}, through JLine; piped,
 * a {@link dev.tunelab.cli.progress.LineView} prints one line per job event and a heartbeat while
 * nothing else is printed. A {@link dev.tunelab.cli.progress.Refresher} thread ticks the view.
 * Time comes from an injectable millisecond clock and the width from the JLine terminal, so tests
 * drive both.
 */
package dev.tunelab.cli.progress;
