package dev.tunelab.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * Reads one output stream of a training process line by line (UTF-8; {@code \n}, {@code \r\n}
 * and a lone {@code \r} end a line, so progress bars arrive as lines) and puts each line on a
 * queue shared with the training thread, then {@link #EOF}. Lines longer than
 * {@value #MAX_LINE_CHARS} characters are split.
 */
final class LinePump implements Runnable {

  /** Put on the queue once the stream has ended (or failed). */
  static final Object EOF = new Object();

  static final int MAX_LINE_CHARS = 65_536;

  private final InputStream in;
  private final BlockingQueue<Object> queue;

  LinePump(InputStream in, BlockingQueue<Object> queue) {
    this.in = in;
    this.queue = queue;
  }

  /** Starts a daemon thread pumping {@code in} into {@code queue}. */
  static Thread start(String name, InputStream in, BlockingQueue<Object> queue) {
    Thread t = new Thread(new LinePump(in, queue), name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void run() {
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      char[] buf = new char[8192];
      boolean afterCr = false;
      int n;
      while ((n = r.read(buf)) >= 0) {
        for (int i = 0; i < n; i++) {
          char c = buf[i];
          if (c == '\n' && afterCr) {
            afterCr = false;
            continue;
          }
          afterCr = c == '\r';
          if (c == '\n' || c == '\r') {
            queue.put(line.toString());
            line.setLength(0);
          } else {
            line.append(c);
            if (line.length() >= MAX_LINE_CHARS) {
              queue.put(line.toString());
              line.setLength(0);
            }
          }
        }
      }
      if (line.length() > 0) {
        queue.put(line.toString());
      }
    } catch (IOException e) {
      // The stream was closed under us (process killed): nothing more to read.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      queue.offer(EOF);
    }
  }
}
