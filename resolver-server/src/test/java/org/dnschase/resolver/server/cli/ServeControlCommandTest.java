package org.dnschase.resolver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/serve-control}'s command line, refused as bad usage (exit 2, naming what is wrong)
 * before anything is sent: the control channel is on loopback only, one call carries one command
 * line, and an option is given once.
 */
class ServeControlCommandTest {

  @Test
  @DisplayName("--control at an address not on loopback is bad usage: no control channel listens there, and nothing is sent")
  void controlNotOnLoopback_isRefused() {
    assertThat(run("--control", "192.0.2.1:8954", "stats"))
        .isEqualTo("2 serve-control: --control must be a loopback address: the control channel has no authentication,"
            + " got 192.0.2.1");
  }

  @Test
  @DisplayName("a COMMAND holding a line break is bad usage: the server runs one line a connection, and would drop the rest unseen")
  void commandWithALineBreak_isRefused() {
    assertThat(run("--control", "127.0.0.1:1", "flush\nstats"))
        .isEqualTo("2 serve-control: COMMAND holds a control character (\\x0a): one command line a call");
  }

  @Test
  @DisplayName("--control given twice is bad usage, naming the first address")
  void controlTwice_isRefused() {
    assertThat(run("--control", "127.0.0.1:8954", "--control", "127.0.0.1:8955", "stats"))
        .isEqualTo("2 serve-control: --control was already given as 127.0.0.1:8954: give it once");
  }

  @Test
  @DisplayName("a listener that closes the connection without a word is no control channel: exit 1, saying so")
  void connectionClosedWithoutOutput_failsSayingSo() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket accepted = silent.accept()) {
          accepted.getInputStream().read(); // the command arrives, then the connection is closed unanswered
        } catch (IOException ignored) {
          // the test's own socket closing
        }
      });

      assertThat(run("--control", "127.0.0.1:" + silent.getLocalPort(), "stats"))
          .isEqualTo("1 serve-control: the control channel at 127.0.0.1:" + silent.getLocalPort()
              + " closed the connection without output (is it bin/serve's control channel?)");
    }
  }

  /** The exit code and the first line of the error output. */
  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ServeControlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return code + " " + err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }
}
