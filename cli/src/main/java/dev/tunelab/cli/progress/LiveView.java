package dev.tunelab.cli.progress;

/**
 * The terminal view: one {@link LiveLine} redrawn on every event and every tick with
 * {@link StatusLine#fit} at the terminal's width; notices are printed above it. Job events
 * leave no lines behind (the summary follows at the end), as the SageMaker console's list of
 * training jobs is elsewhere ({@code list-training-jobs-for-hyper-parameter-tuning-job}).
 */
final class LiveView implements ProgressView {

  private final LiveLine line;

  LiveView(LiveLine line) {
    this.line = line;
  }

  @Override
  public void jobEvent(String text, ProgressSnapshot state) {
    draw(state);
  }

  @Override
  public void notice(String message, ProgressSnapshot state) {
    line.printAbove("tunelab: " + message);
    draw(state);
  }

  @Override
  public void tick(ProgressSnapshot state) {
    draw(state);
  }

  @Override
  public void end(ProgressSnapshot state) {
    draw(state);
    line.finish();
  }

  private void draw(ProgressSnapshot state) {
    line.draw(StatusLine.fit(state, line.width()));
  }
}
