package dev.tunelab.spark;

import dev.tunelab.core.train.TrainingListener;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's end of the line from running tasks: a TCP server on the driver that each training
 * task connects to, so that its log lines and metrics reach the store while it runs (for
 * {@code logs --follow}, the dashboard and early stopping) and a stop reaches the task. Spark's
 * own channels give a task's result only when it ends.
 *
 * <p>Each training job gets a {@link Session} with a random 128-bit token; a connection that
 * does not present a live token is closed. Frames are length-prefixed UTF-8 (see
 * {@link RelayClient}); one thread per connection hands them to the job's listener in order.
 */
final class RelayServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
  static final int MAGIC = 0x544c5231; // "TLR1"

  private final ServerSocket socket;
  private final String host;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * @param bindHost the address executors reach the driver at ({@code 127.0.0.1} for a local
   *                 master)
   * @param port     the port, 0 for any free one
   */
  RelayServer(String bindHost, int port) {
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getByName(bindHost), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the relay for training tasks on " + bindHost + ":" + port, e);
    }
    host = bindHost;
    acceptor = new Thread(this::acceptLoop, "tunelab-relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The host tasks connect to. */
  String host() {
    return host;
  }

  /** The port tasks connect to. */
  int port() {
    return socket.getLocalPort();
  }

  /**
   * Opens the line for one training job.
   *
   * @param listener receives the job's log lines and metrics (its answer to a metric goes back
   *                 to the task)
   * @param stop     polled for each heartbeat; true asks the task to stop
   */
  Session open(String jobName, TrainingListener listener, BooleanSupplier stop) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    Session s = new Session(HexFormat.of().formatHex(bytes), jobName, listener, stop);
    sessions.put(s.token, s);
    return s;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = socket.accept();
        Thread t = new Thread(() -> serve(client), "tunelab-relay-" + client.getRemoteSocketAddress());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("relay accept failed", e);
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client;
         DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
         DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()))) {
      client.setTcpNoDelay(true);
      if (in.readInt() != MAGIC) {
        return;
      }
      Session s = sessions.get(RelayClient.readText(in));
      if (s == null) {
        out.writeByte(0);
        out.flush();
        return;
      }
      out.writeByte(1);
      out.flush();
      s.connected = true;
      while (true) {
        int kind = in.readByte();
        switch (kind) {
          case RelayClient.LOG -> s.listener.log(RelayClient.readText(in));
          case RelayClient.METRIC -> {
            String name = RelayClient.readText(in);
            int iteration = in.readInt();
            double value = in.readDouble();
            out.writeBoolean(s.listener.metric(name, iteration, value));
            out.flush();
          }
          case RelayClient.HEARTBEAT -> {
            out.writeBoolean(s.stop.getAsBoolean());
            out.flush();
          }
          case RelayClient.END -> {
            out.writeByte(1);
            out.flush();
            return;
          }
          default -> {
            LOG.warn("relay for {}: unknown frame {}", s.jobName, kind);
            return;
          }
        }
      }
    } catch (EOFException | SocketException e) {
      LOG.debug("relay connection ended", e);
    } catch (IOException | RuntimeException e) {
      LOG.warn("relay connection failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing the relay", e);
    }
  }

  /** One training job's line: its token, and where its frames go. Close it when the job ends. */
  final class Session implements AutoCloseable {
    final String token;
    final String jobName;
    final TrainingListener listener;
    final BooleanSupplier stop;
    volatile boolean connected;

    private Session(String token, String jobName, TrainingListener listener, BooleanSupplier stop) {
      this.token = token;
      this.jobName = jobName;
      this.listener = listener;
      this.stop = stop;
    }

    @Override
    public void close() {
      sessions.remove(token);
    }
  }
}
