package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The control channel, as {@code unbound-control} is used: {@code flush} makes the next question
 * as cold as on a fresh start, {@code flush NAME} and {@code flush_negative} forget part of what
 * is cached, {@code stats} reports the counters.
 */
class ControlChannelTest {

  static ServerLab lab;

  @BeforeAll
  static void start() {
    lab = ServerLab.start(server -> server.control(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .tcpIdleTimeout(Duration.ofMillis(500)));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @BeforeEach
  void coldStart() {
    assertThat(control("flush")).isEqualTo("ok\n");
    lab.hierarchy.clearQueries();
  }

  @Test
  @DisplayName("flush: the next question goes upstream as on a fresh start, priming included")
  void flush_nextQuestionIsCold() {
    assertThat(Peers.dig(lab.address(), "www.shop.example.").status()).isEqualTo("NOERROR");
    lab.settle();
    int cold = lab.hierarchy.queryCount();
    Peers.dig(lab.address(), "www.shop.example.");
    assertThat(lab.hierarchy.queryCount()).as("warm: from the cache").isEqualTo(cold);

    assertThat(control("flush")).isEqualTo("ok\n");
    lab.hierarchy.clearQueries();
    Peers.Output again = Peers.dig(lab.address(), "www.shop.example.");

    assertThat(again.status()).isEqualTo("NOERROR");
    lab.settle();
    assertThat(lab.hierarchy.queryCount()).as("cold again").isEqualTo(cold);
    assertThat(lab.upstreamQueriesFor(".")).as("priming again").isPositive();
  }

  @Test
  @DisplayName("flush NAME: only that name is asked again, of its zone's server")
  void flushName_asksOnlyForThatName() {
    Peers.dig(lab.address(), "web.shop.example.");
    lab.settle();
    lab.hierarchy.clearQueries();

    assertThat(control("flush web.shop.example.")).isEqualTo("ok\n");
    Peers.dig(lab.address(), "web.shop.example.");

    assertThat(lab.hierarchy.queries()).singleElement()
        .satisfies(query -> assertThat(query.qname().toString()).isEqualTo("web.shop.example."));
  }

  @Test
  @DisplayName("flush NAME reads the name as every name given as text is read (RFC 1035 §5.1): '@', a character "
      + "beyond ASCII or a label over 63 octets is an error line, and nothing is flushed")
  void flushName_malformed_isAnErrorAndFlushesNothing() {
    Peers.dig(lab.address(), ".", "NS");
    Peers.dig(lab.address(), "web.shop.example.");
    lab.settle();
    lab.hierarchy.clearQueries();

    assertThat(control("flush @")).startsWith("error: malformed name '@'").contains("the root is '.'");
    assertThat(control("flush ü.shop.example.")).startsWith("error: malformed name 'ü.shop.example.'")
        .contains("is not ASCII");
    assertThat(control("flush " + "a".repeat(64) + ".shop.example.")).startsWith("error: malformed name 'aaaa");
    assertThat(control("flush a..b")).as("the name quoted once, then the reason")
        .isEqualTo("error: malformed name 'a..b': invalid empty label\n");
    Peers.dig(lab.address(), ".", "NS");
    Peers.dig(lab.address(), "web.shop.example.");

    assertThat(lab.hierarchy.queries()).as("still cached: nothing was flushed").isEmpty();
  }

  @Test
  @DisplayName("flush_negative: a cached NXDOMAIN is asked again, a cached answer is not")
  void flushNegative_asksForTheNxDomainAgain() {
    Peers.dig(lab.address(), "gone.shop.example.");
    Peers.dig(lab.address(), "web.shop.example.");
    lab.settle();
    lab.hierarchy.clearQueries();

    assertThat(control("flush_negative")).isEqualTo("ok\n");
    assertThat(Peers.dig(lab.address(), "gone.shop.example.").status()).isEqualTo("NXDOMAIN");
    Peers.dig(lab.address(), "web.shop.example.");

    assertThat(lab.upstreamQueriesFor("gone.shop.example.")).isEqualTo(1);
    assertThat(lab.hierarchy.queryCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("stats: the server's counters and the resolver's metrics, one name=value a line")
  void stats_countsWhatHappened() {
    long answered = stat("num.answer.rcode.NXDOMAIN");
    long upstream = stat("dnschase.num.query.out");
    Peers.dig(lab.address(), "gone.shop.example.");

    assertThat(stat("num.answer.rcode.NXDOMAIN")).isEqualTo(answered + 1);
    assertThat(stat("dnschase.num.query.out") - upstream).as("the resolver's upstream queries")
        .isEqualTo(lab.hierarchy.queryCount());
    assertThat(control("stats")).contains("total.num.queries=", "num.query.udp=", "total.num.cachehits=",
        "mem.cache.rrset=", "unwanted.queries=", "num.query.ratelimited=", "total.requestlist.exceeded=");
  }

  @Test
  @DisplayName("a mistake is answered with an error naming the commands")
  void unknownCommand_isAnError() {
    assertThat(control("frobnicate")).startsWith("error: unknown command 'frobnicate'")
        .contains("stats, flush, flush NAME, flush_negative");
    assertThat(control("flush a..b")).startsWith("error: malformed name 'a..b'");
  }

  @Test
  @DisplayName("a client that connects and sends no command line is told so and closed after the idle timeout")
  void silentClient_closedAfterTheIdleTimeout() {
    assertThat(control(null)).isEqualTo("error: no command line within 500 ms\n");
  }

  @Test
  @DisplayName("a command line ended by the end of the client's input instead of a line feed (printf stats | nc) is "
      + "run; an input that ends with no command line at all is told so at once")
  void commandEndedByEndOfInput_isRun() {
    assertThat(controlThenEndOfInput("flush_negative")).isEqualTo("ok\n");
    assertThat(controlThenEndOfInput("")).isEqualTo("error: the client's input ended without a command line\n");
  }

  @Test
  @DisplayName("one command a connection, as unbound-control's: a line after the first is not run, its output "
      + "having nowhere to go")
  void lineAfterTheCommand_notRun() {
    Peers.dig(lab.address(), "www.shop.example.");
    int warm = lab.hierarchy.queryCount();

    assertThat(control("flush_negative\nflush")).isEqualTo("ok\n");
    Peers.dig(lab.address(), "www.shop.example.");

    assertThat(lab.hierarchy.queryCount()).as("still cached: the flush was not run").isEqualTo(warm);
  }

  @Test
  @DisplayName("a line longer than the bound is an error at once, before its end arrives")
  void oversizedLine_errorAtOnce() {
    String output = control("x".repeat(2_000), false);

    assertThat(output).isEqualTo("error: a command line longer than 1024 octets\n");
  }

  @Test
  @DisplayName("clients at once each get their own command's output")
  void concurrentClients_eachAnswered() throws Exception {
    List<Future<String>> outputs = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 16; i++) {
        String command = i % 2 == 0 ? "stats" : "flush_negative";
        outputs.add(clients.submit(() -> control(command)));
      }
    }
    for (int i = 0; i < outputs.size(); i++) {
      assertThat(outputs.get(i).get()).startsWith(i % 2 == 0 ? "total.num.queries=" : "ok\n");
    }
  }

  @Test
  @DisplayName("a command line's terminal escapes and carriage return are logged escaped: a local client neither "
      + "restyles the operator's terminal nor forges a line of the log")
  void commandLine_isLoggedEscaped() {
    ServerLog.Logged<String> sent = controlLogged("stats\u001b[2J\rINFO forged");

    assertThat(sent.result()).startsWith("error: too many arguments");
    assertThat(sent.log())
        .contains("control: stats\\x1b[2J\\x0dINFO forged -> error: too many arguments for 'stats\\x1b[2J'")
        .doesNotContain("\u001b", "\r");
  }

  @Test
  @DisplayName("flush NAME with a control character or a backslash: the error quotes the name escaped once, to the "
      + "client and in the log alike")
  void flushName_quotedEscapedOnce() {
    ServerLog.Logged<String> sent = controlLogged("flush a\\x\u0001b.shop.example.");

    assertThat(sent.result()).startsWith("error: malformed name 'a\\\\x\\x01b.shop.example.': U+0001 at 3");
    assertThat(sent.log())
        .contains("-> error: malformed name 'a\\\\x\\x01b.shop.example.': U+0001 at 3")
        .doesNotContain("\u0001", "\\\\\\\\x");
  }

  /** What a command line got back, and what the server logged meanwhile. */
  private static ServerLog.Logged<String> controlLogged(String command) {
    return ServerLog.during(() -> control(command));
  }

  private static long stat(String name) {
    for (String line : control("stats").split("\n")) {
      if (line.startsWith(name + "=")) {
        return Long.parseLong(line.substring(name.length() + 1));
      }
    }
    throw new AssertionError("no " + name + " in stats");
  }

  /** Sends {@code command} without a line feed, ends the client's output, and reads the output to its end. */
  private static String controlThenEndOfInput(String command) {
    try (Socket socket = new Socket()) {
      socket.connect(lab.server.controlAddress().orElseThrow(), 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one command line and reads the output until the server closes the connection. */
  static String control(String command) {
    return control(command, true);
  }

  /** Sends {@code command} (nothing if null), with a line feed if asked, and reads the output to its end. */
  static String control(String command, boolean lineFeed) {
    try (Socket socket = new Socket()) {
      socket.connect(lab.server.controlAddress().orElseThrow(), 5_000);
      socket.setSoTimeout(10_000);
      if (command != null) {
        socket.getOutputStream().write((command + (lineFeed ? "\n" : "")).getBytes(StandardCharsets.UTF_8));
      }
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
