package dev.tunelab.cli;

import dev.tunelab.web.DashboardServer;
import java.io.IOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab dashboard}: the read-only web UI of a TuneLab home, until Ctrl-C. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = {"Serve a read-only web dashboard of the jobs in the TuneLab home: tuning jobs,",
        "their training jobs, curves, logs and transform runs (JSON API: docs/dashboard-api.md).",
        "Binds 127.0.0.1 unless --host says otherwise. Runs until Ctrl-C."})
final class DashboardCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
      description = "TCP port (default ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to bind (default ${DEFAULT-VALUE}, this machine only). Any other"
          + " address lets whoever reaches it read every job: there is no login.")
  String host;

  @Mixin HomeOption home;

  /** Released by the shutdown hook; {@link #call} waits on it. */
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    OptionBounds.check("--port", port, 0, 65_535);
    DashboardServer server = new DashboardServer(home.existingHome(), host, port);
    try {
      server.start();
    } catch (UnknownHostException e) {
      throw Main.badInput("--host", host, "an address or name of this machine");
    } catch (BindException e) {
      throw Main.badInput("--port", port, "a free port on " + host + " (" + e.getMessage()
          + "; choose another --port, or 0 for any free one)");
    } catch (IOException e) {
      throw new IOException("cannot start the dashboard on " + host + ":" + port + ": " + e, e);
    }
    String warning = warning(host, server.port(), home.path());
    if (warning != null) {
      System.err.println(warning);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "tunelab-dashboard-stop"));
    System.out.println("TuneLab dashboard: " + server.url() + "  (home " + home.path()
        + "; Ctrl-C to stop)");
    System.out.flush();
    try {
      stopped.await();
    } finally {
      server.close();
    }
    return 0;
  }

  /**
   * The warning printed when the dashboard is reachable from other machines, or {@code null}
   * for a loopback address.
   */
  static String warning(String host, int port, java.nio.file.Path home) {
    if (DashboardServer.isLoopback(host)) {
      return null;
    }
    return "tunelab: warning: --host " + host + " is not a loopback address: anyone who can"
        + " reach this machine on port " + port + " can read every job in " + home
        + " (there is no login)";
  }
}
