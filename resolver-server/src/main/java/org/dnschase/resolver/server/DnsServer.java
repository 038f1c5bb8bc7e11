package org.dnschase.resolver.server;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.server.internal.AllowList;
import org.dnschase.resolver.server.internal.ControlCommands;
import org.dnschase.resolver.server.internal.ControlHandler;
import org.dnschase.resolver.server.internal.InFlight;
import org.dnschase.resolver.server.internal.Listeners;
import org.dnschase.resolver.server.internal.QueryHandler;
import org.dnschase.resolver.server.internal.RateLimiter;
import org.dnschase.resolver.server.internal.TcpConnectionLimit;
import org.dnschase.resolver.server.internal.TcpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DNS server in front of one {@link Resolver}, over UDP and TCP: what lets {@code dig}, a stub
 * resolver or a sidecar's clients use the resolver. It is a thin shell: it decodes each request,
 * checks the allow list and the client's rate, asks the resolver, and writes the outcome as
 * {@link org.dnschase.resolver.spi.Responses#toMessage} builds it, cut to fit the client's EDNS
 * payload size over UDP (TC set when it does not fit). The rules it applies itself:
 *
 * <ul>
 *   <li>an opcode other than QUERY is NOTIMP; a question count other than 1, records in the
 *       answer or authority section, more than one additional record, TC set, or a packet that
 *       does not parse is FORMERR (a packet too short for a header, or a response, is dropped);
 *       an EDNS version other than 0 is BADVERS; a class other than IN, or a zone transfer, is
 *       REFUSED; a meta type or type 0 is NOTIMP;
 *   <li>a query without RD (recursion not desired) is answered from the cache only, never sent
 *       upstream, and REFUSED when the cache cannot answer it; CD and the DO bit travel with the
 *       question;
 *   <li>a client outside the allow list, or over its rate, is answered REFUSED;
 *   <li>beyond the bound of resolutions under way, a question is answered from the cache, or
 *       SERVFAIL at once;
 *   <li>a SERVFAIL carries an Extended DNS Error (RFC 8914) saying why;
 *   <li>over TCP, questions may be pipelined and are answered as they complete, in any order
 *       (RFC 7766 §6.2.1.1, §7), and an idle connection is closed: one that sends no whole
 *       request for the idle timeout, however many octets of one it trickles in; a request longer
 *       than 4,096 octets is read to its end but kept cut there, and answered FORMERR as a datagram
 *       that long is over UDP, with an Extended DNS Error (0, Other) that says why; at the bound of connections a new one takes
 *       the place of the one idle longest, or is closed at once when all are owed answers.
 * </ul>
 *
 * <p>{@link #close()} stops taking questions, closes the TCP connections owed nothing, answers the
 * questions under way (for up to the shutdown grace) and then closes every socket. A question still under way after the grace, or one that
 * comes during it, is answered SERVFAIL with the Extended DNS Error "the server is stopping" (EDE
 * 0, Other: RFC 8914 has no code of its own for it), so every question the server read gets an
 * answer and its client asks another server at once. The resolver stays open: its owner closes it.
 */
public final class DnsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DnsServer.class);

  /** What the builder checked. */
  record Settings(Resolver resolver, List<InetSocketAddress> listen, AllowList allowList, int threads,
      int rateLimit, int maxOutstanding, int maxTcpConnections, Duration tcpIdleTimeout, Duration shutdownGrace,
      InetSocketAddress control) {}

  private final QueryHandler queries;
  private final InFlight inFlight = new InFlight();
  private final Listeners listeners;
  private final List<InetSocketAddress> addresses = new ArrayList<>();
  private final InetSocketAddress controlAddress;
  private final Duration shutdownGrace;
  /** The TCP connections open, over every address. */
  private final TcpConnectionLimit tcpLimit;
  private boolean closed;

  DnsServer(Settings settings) {
    this.queries = new QueryHandler(settings.resolver(), settings.allowList(),
        settings.rateLimit() == 0 ? null : new RateLimiter(settings.rateLimit(), Ticker.systemTicker()),
        settings.maxOutstanding());
    this.shutdownGrace = settings.shutdownGrace();
    this.listeners = new Listeners(settings.threads());
    this.tcpLimit = new TcpConnectionLimit(settings.maxTcpConnections(), queries.stats());
    try {
      // the control channel first: a client that sees the DNS port answer may flush at once
      controlAddress = settings.control() == null ? null : listeners.control(settings.control(),
          new ControlHandler(new ControlCommands(settings.resolver(), queries.stats()::snapshot),
              settings.tcpIdleTimeout()), settings.tcpIdleTimeout());
      for (InetSocketAddress address : settings.listen()) {
        addresses.add(listeners.listen(address, queries, inFlight, tcpLimit,
            () -> new TcpHandler(queries, inFlight, settings.tcpIdleTimeout()),
            settings.tcpIdleTimeout()));
      }
    } catch (RuntimeException e) {
      listeners.close();
      throw e;
    }
    log.info("serving DNS on {} (UDP and TCP) for {}{}", addresses, settings.allowList(),
        controlAddress == null ? "" : "; control channel on " + controlAddress);
  }

  /**
   * A builder for a server in front of {@code resolver}.
   *
   * @param resolver the resolver that answers; the server never closes it
   * @return a new builder
   */
  public static DnsServerBuilder builder(Resolver resolver) {
    return new DnsServerBuilder(resolver);
  }

  /** {@return the addresses listened on, UDP and TCP alike, with the ports bound} */
  public List<InetSocketAddress> addresses() {
    return List.copyOf(addresses);
  }

  /** {@return where the control channel listens, if it was opened} */
  public Optional<InetSocketAddress> controlAddress() {
    return Optional.ofNullable(controlAddress);
  }

  /**
   * The server's own counters, named as {@code unbound-control stats} names them where Unbound
   * has them: queries by transport, answers by rcode, requests refused by the allow list or the
   * rate limit, questions beyond the bound, resolutions under way.
   *
   * @return name to value, in a fixed order
   */
  public Map<String, Long> stats() {
    return queries.stats().snapshot();
  }

  /**
   * Stops the server: answers new questions SERVFAIL "the server is stopping", closes the TCP
   * connections owed no answer and reads nothing more from the others, which close once their
   * answers have gone out, waits up to the shutdown grace for the answers under way to go out,
   * answers those still owed the same SERVFAIL, then closes every socket and ends its threads. The
   * resolver stays open.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    queries.drain();
    listeners.stopAccepting();
    tcpLimit.stopping();
    if (!inFlight.awaitAll(shutdownGrace)) {
      // normal for a question that takes longer than the grace: its client now asks another server
      log.info("stopping: {} questions still under way after {} ms answered SERVFAIL (the server is stopping)",
          inFlight.answerStopping(), shutdownGrace.toMillis());
    }
    listeners.close();
    log.info("stopped serving DNS on {}", addresses);
  }
}
