package dev.tunelab.spark;

import dev.tunelab.core.train.TrainingListener;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The task's end of the line to the driver ({@link RelayServer}): a {@link TrainingListener}
 * that sends log lines (buffered) and metrics (each answered by the driver: keep training or
 * stop, as an early-stopping rule decides), plus a heartbeat thread that flushes the log and
 * learns whether the driver wants the job stopped. If the driver can no longer be reached the
 * job is asked to stop: nobody would record it.
 *
 * <p>Frames: one kind byte, then for a log line its text; for a metric the name, the iteration
 * and the value, answered by a boolean; for a heartbeat nothing, answered by "stop?"; for the end
 * nothing, answered by one byte once the driver has handled every earlier frame. Text is an int
 * length and UTF-8 bytes.
 */
final class RelayClient implements TrainingListener, AutoCloseable {

  static final byte LOG = 'L';
  static final byte METRIC = 'M';
  static final byte HEARTBEAT = 'H';
  static final byte END = 'E';
  /** How often the log is flushed and the driver asked whether to stop. */
  static final long HEARTBEAT_MS = 250;

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;
  private final Thread heartbeat;
  private volatile boolean stopRequested;
  private volatile boolean broken;

  private RelayClient(Socket socket) throws IOException {
    this.socket = socket;
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    heartbeat = new Thread(this::beat, "tunelab-relay-heartbeat");
    heartbeat.setDaemon(true);
  }

  /**
   * Connects to the driver and presents the job's token.
   *
   * @throws IOException when the driver cannot be reached or does not know the token
   */
  static RelayClient connect(String host, int port, String token) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(host, port), 10_000);
    s.setTcpNoDelay(true);
    RelayClient c = new RelayClient(s);
    c.out.writeInt(RelayServer.MAGIC);
    writeText(c.out, token);
    c.out.flush();
    if (c.in.readByte() != 1) {
      s.close();
      throw new IOException("the driver at " + host + ":" + port + " does not expect this training task");
    }
    c.heartbeat.start();
    return c;
  }

  /** True once the driver asked the job to stop (or cannot be reached). */
  boolean stopRequested() {
    return stopRequested || broken;
  }

  @Override
  public synchronized void log(String line) {
    if (broken) {
      return;
    }
    try {
      out.writeByte(LOG);
      writeText(out, line);
    } catch (IOException e) {
      broken = true;
    }
  }

  @Override
  public synchronized boolean metric(String name, int iteration, double value) {
    if (broken) {
      return false;
    }
    try {
      out.writeByte(METRIC);
      writeText(out, name);
      out.writeInt(iteration);
      out.writeDouble(value);
      out.flush();
      return in.readBoolean();
    } catch (IOException e) {
      broken = true;
      return false;
    }
  }

  private void beat() {
    while (!broken && !socket.isClosed()) {
      try {
        Thread.sleep(HEARTBEAT_MS);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (socket.isClosed() || broken) {
          return;
        }
        try {
          out.writeByte(HEARTBEAT);
          out.flush();
          if (in.readBoolean()) {
            stopRequested = true;
          }
        } catch (IOException e) {
          broken = true;
        }
      }
    }
  }

  /** Sends what is left, waits until the driver has handled it all, and hangs up. */
  @Override
  public void close() {
    heartbeat.interrupt();
    synchronized (this) {
      try {
        if (!broken) {
          out.writeByte(END);
          out.flush();
          in.readByte();
        }
      } catch (IOException e) {
        broken = true;
      } finally {
        try {
          socket.close();
        } catch (IOException ignored) {
          // nothing left to tell anyone
        }
      }
    }
  }

  static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readText(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 16 << 20) {
      throw new IOException("relay frame of " + n + " bytes refused");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
