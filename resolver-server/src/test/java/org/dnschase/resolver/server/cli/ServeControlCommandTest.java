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
 * line, and an option is given once; and what it prints of the control channel's output: only
 * bin/serve's output for the command, whole, on standard output with exit 0, and anything else as
 * one escaped line on standard error with exit 1.
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

  /* ---- what is printed of the control channel's output ---- */

  @Test
  @DisplayName("stats: bin/serve's name=value lines are printed as they came, on standard output, exit 0")
  void stats_printedAsTheyCame_exit0() throws IOException {
    String stats = "total.num.queries=12\ntotal.recursion.time.avg=0.026705\nnum.answer.rcode.NOERROR=11\n";

    Printed printed = against(stats, "stats");

    assertThat(printed).isEqualTo(new Printed(0, stats, ""));
  }

  @Test
  @DisplayName("flush: bin/serve's 'ok' is printed, exit 0")
  void flush_ok_exit0() throws IOException {
    assertThat(against("ok\n", "flush", "www.example.")).isEqualTo(new Printed(0, "ok\n", ""));
  }

  @Test
  @DisplayName("a command bin/serve refuses: its reason on standard error after 'serve-control: ', nothing on"
      + " standard output, exit 1")
  void refused_reasonOnStandardError_exit1() throws IOException {
    Printed printed = against("error: unknown command 'flsh'; the commands are stats, flush, flush NAME,"
        + " flush_negative\n", "flsh");

    assertThat(printed).isEqualTo(new Printed(1, "", "serve-control: unknown command 'flsh'; the commands are stats,"
        + " flush, flush NAME, flush_negative\n"));
  }

  @Test
  @DisplayName("output cut short (the server stopped in the middle of stats) is a failure, not a success with half"
      + " the counters: exit 1, quoting the cut line")
  void outputCutShort_exit1() throws IOException {
    Printed printed = against("total.num.queries=12\ntotal.num.cach", "stats");

    assertThat(printed.code()).isEqualTo(1);
    assertThat(printed.out()).isEmpty();
    assertThat(printed.err()).startsWith("serve-control: the output of 'stats' from 127.0.0.1:")
        .endsWith(" ended in mid-line (did the server stop?): 'total.num.cach'\n");
  }

  @Test
  @DisplayName("another program's answer on the port (here an HTTP server's) is no output of bin/serve's: exit 1,"
      + " quoting its first line with its controls escaped, nothing printed raw")
  void anotherProgramsAnswer_exit1_escaped() throws IOException {
    Printed printed = against("HTTP/1.1 400 Bad Request\r\n\u001b[2J\r\n", "stats");

    assertThat(printed.code()).isEqualTo(1);
    assertThat(printed.out()).isEmpty();
    assertThat(printed.err()).endsWith("answered 'stats' with a line bin/serve does not write (is it bin/serve's"
        + " control channel?): 'HTTP/1.1 400 Bad Request\\x0d'\n");
    assertThat(printed.err()).doesNotContain("\u001b", "\r");
  }

  @Test
  @DisplayName("a refusal whose text holds control characters reaches standard error escaped")
  void refusalWithControls_escaped() throws IOException {
    Printed printed = against("error: malformed name 'a\u001b[31mb'\n", "flush", "x");

    assertThat(printed).isEqualTo(new Printed(1, "", "serve-control: malformed name 'a\\x1b[31mb'\n"));
  }

  /** What {@code bin/serve-control} printed: its exit code, standard output and standard error. */
  private record Printed(int code, String out, String err) {}

  /** Runs {@code command} against a control channel that answers it with {@code output}, then closes. */
  private static Printed against(String output, String... command) throws IOException {
    try (ServerSocket channel = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket accepted = channel.accept()) {
          accepted.getInputStream().read(); // the command line arrives
          accepted.getOutputStream().write(output.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
          // the test's own socket closing
        }
      });
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String[] args = new String[command.length + 2];
      args[0] = "--control";
      args[1] = "127.0.0.1:" + channel.getLocalPort();
      System.arraycopy(command, 0, args, 2, command.length);
      int code = ServeControlCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      return new Printed(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
