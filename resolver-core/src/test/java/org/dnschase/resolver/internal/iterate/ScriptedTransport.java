package org.dnschase.resolver.internal.iterate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.internal.reply.Reply;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.internal.transport.ReplyFuture;
import org.dnschase.resolver.spi.Transport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A {@link Transport} that expects exact exchanges in order (OkHttp's tester style): each
 * expectation names the server and the question, and says what happens: a {@link Reply} after a
 * scripted round-trip time, or a timeout. Time passes only on the {@link FakeTicker}, moved here by
 * the round-trip time or, for a timeout, by the timeout the resolver gave. Every exchange is
 * recorded.
 *
 * <p>An exchange that was not expected, or that differs from the next expectation, fails with an
 * {@link java.io.IOException} (to the resolver, a broken server) and is remembered; {@link #verify()}, run
 * after each test when registered with {@code @RegisterExtension}, fails the test for those and for
 * any expectation left over. Replies complete at once, so a resolution runs on the test's thread.
 */
final class ScriptedTransport implements Transport, AfterEachCallback {

  /** One exchange as the resolver made it. */
  record Exchange(InetSocketAddress server, Message query, Duration timeout) {
    Name name() {
      return query.getQuestion().getName();
    }

    int type() {
      return query.getQuestion().getType();
    }

    @Override
    public String toString() {
      return describe(server.getAddress().getHostAddress(), name(), type());
    }
  }

  /** What the resolver should send next and what it gets back; finish with a reply or a timeout. */
  final class Expectation {
    private final String server;
    private final Name name;
    private final int type;
    private Duration rtt = Duration.ZERO;
    private Duration udpLeg;
    private Reply reply;
    private boolean timesOut;
    private CompletableFuture<Message> hanging;

    private Expectation(String server, Name name, int type) {
      this.server = server;
      this.name = name;
      this.type = type;
    }

    /** The reply arrives after {@code time} (the ticker moves by it); zero by default. */
    Expectation after(Duration time) {
      rtt = time;
      return this;
    }

    /**
     * The reply comes over TCP after the server truncated it over UDP, whose leg took {@code time}
     * of the whole {@link #after} time: the future reports it as the resolver's own transport does.
     */
    Expectation truncatedOverUdpAfter(Duration time) {
      udpLeg = time;
      return this;
    }

    void respond(Reply answer) {
      reply = answer;
    }

    /** Nothing arrives: the ticker moves by the timeout the resolver gave, then the exchange times out. */
    void timeout() {
      timesOut = true;
    }

    /** Nothing arrives, and the exchange never ends by itself: its future, returned here, is the resolver's to cancel. */
    CompletableFuture<Message> hangs() {
      hanging = new CompletableFuture<>();
      return hanging;
    }

    /** Whether this is the root's priming query (RFC 9609: the root's NS set). */
    private boolean priming() {
      return name.equals(Name.root) && type == Type.NS;
    }

    private boolean matches(InetSocketAddress target, Record question) {
      return target.getAddress().getHostAddress().equals(server) && target.getPort() == port
          && question != null && question.getName().equals(name) && question.getType() == type;
    }

    @Override
    public String toString() {
      return describe(server, name, type);
    }
  }

  private final FakeTicker ticker;
  private final int port;
  private final Deque<Expectation> script = new ArrayDeque<>();
  private final List<Exchange> exchanges = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** Expects every server on port 53, the resolver's default upstream port. */
  ScriptedTransport(FakeTicker ticker) {
    this(ticker, 53);
  }

  ScriptedTransport(FakeTicker ticker, int port) {
    this.ticker = ticker;
    this.port = port;
  }

  /** Expects the next exchange to send (name, type) to the server at {@code address}. */
  synchronized Expectation expect(String address, String name, int type) {
    Expectation expectation = new Expectation(address, Name.fromConstantString(name), type);
    script.add(expectation);
    return expectation;
  }

  @Override
  public synchronized CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    Exchange exchange = new Exchange(server, query.clone(), timeout);
    exchanges.add(exchange);
    Expectation next = script.peek();
    if (next != null && !next.matches(server, query.getQuestion()) && next.priming()) {
      // the scripts expect the root's priming where it was sent before the resolution's own query:
      // that query now goes first, the priming right after it (Iteration), so the next one is taken
      next = secondMatching(server, query.getQuestion());
    }
    if (next == null || !next.matches(server, query.getQuestion())) {
      next = script.peek();
      return unexpected("unexpected exchange " + exchange + (next == null ? " (script is empty)" : ", expected " + next));
    }
    script.remove(next);
    if (next.hanging != null) {
      return next.hanging;
    }
    if (next.timesOut) {
      ticker.advance(timeout);
      return CompletableFuture.failedFuture(new TimeoutException("scripted timeout of " + exchange));
    }
    if (next.reply == null) {
      return unexpected("expectation " + next + " has neither a reply nor a timeout");
    }
    ticker.advance(next.rtt);
    if (next.udpLeg != null) {
      ReplyFuture overTcp = new ReplyFuture();
      overTcp.udpLegTook(next.udpLeg.toNanos());
      overTcp.complete(next.reply.to(query));
      return overTcp;
    }
    return CompletableFuture.completedFuture(next.reply.to(query));
  }

  /** The expectation after the next one if it matches, else null. */
  private Expectation secondMatching(InetSocketAddress server, Record question) {
    Iterator<Expectation> ahead = script.iterator();
    ahead.next();
    Expectation second = ahead.hasNext() ? ahead.next() : null;
    return second != null && second.matches(server, question) ? second : null;
  }

  /** Every exchange so far, in order, expected or not. */
  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** The exchanges so far as "server name/TYPE" lines. */
  synchronized List<String> exchangeLines() {
    return exchanges.stream().map(Exchange::toString).toList();
  }

  /** Forgets the exchanges recorded so far (not the script), to count only what follows. */
  synchronized void clearExchanges() {
    exchanges.clear();
  }

  /** Fails if an exchange was unexpected or if any scripted exchange was left over. */
  synchronized void verify() {
    List<String> all = new ArrayList<>(problems);
    if (!script.isEmpty()) {
      all.add("scripted exchange(s) left over: " + script);
    }
    if (!all.isEmpty()) {
      throw new AssertionError(String.join("\n", all) + "\nexchanges made: " + exchangeLines());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    verify();
  }

  private CompletableFuture<Message> unexpected(String problem) {
    problems.add(problem);
    return CompletableFuture.failedFuture(new java.io.IOException(new AssertionError(problem)));
  }

  private static String describe(String server, Name name, int type) {
    return server + " " + name + "/" + Type.string(type);
  }
}
