package org.dnschase.resolver.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.server.internal.AllowList;

/**
 * Builds and starts a {@link DnsServer}. Every setter checks its argument on the spot; a setting
 * given twice is an error naming the first value ({@link #listen} and {@link #allow} add to a
 * list instead).
 *
 * {@snippet class=org.dnschase.resolver.server.Snippets region=serve}
 */
public final class DnsServerBuilder {

  /** Where the server listens unless told: loopback, port 5300, so no privilege is needed. */
  public static final InetSocketAddress DEFAULT_LISTEN =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300);
  /**
   * Queries a second per client address, and the burst a client may send at once: 1,000, well
   * above what one host's stub resolver asks and low enough that one client cannot take a
   * server's capacity alone. Unbound's {@code ip-ratelimit} is off by default.
   */
  public static final int DEFAULT_RATE_LIMIT = 1_000;
  /**
   * Resolutions under way at once, per event loop thread: 1,024, Unbound's
   * {@code num-queries-per-thread}. Beyond it a question is answered from the cache or SERVFAIL
   * at once.
   */
  public static final int DEFAULT_MAX_OUTSTANDING_PER_THREAD = 1_024;
  /**
   * TCP connections open at once, over every address: 256. Unbound's {@code incoming-num-tcp} is
   * 10 per thread, BIND's {@code tcp-clients} 150. At the bound a new connection takes the place of
   * the one idle longest (RFC 7766 §6.2.3), or is closed at once when every connection is owed an
   * answer (its client can still ask over UDP), so connections cannot take every file descriptor
   * the process has, nor a client holding many of them lock the others out.
   */
  public static final int DEFAULT_MAX_TCP_CONNECTIONS = 256;
  /**
   * How long a TCP connection may stay idle with no answer owed: 10 s. RFC 7766 §6.2.3 asks for
   * "the order of seconds"; Unbound's {@code tcp-idle-timeout} is 30 s.
   */
  public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofSeconds(10);
  /**
   * How long {@link DnsServer#close()} waits for answers still owed: 5 s, then those still owed are
   * answered SERVFAIL "the server is stopping".
   */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
  /**
   * Event loop threads: 2. With the resolver's built-in transport they also resolve: a question's
   * upstream queries go out on the loop that read it, where its answer is then written.
   */
  public static final int DEFAULT_THREADS = 2;

  private final Resolver resolver;
  private final List<InetSocketAddress> listen = new ArrayList<>();
  private final List<String> allow = new ArrayList<>();
  private Integer threads;
  private Integer rateLimit;
  private Integer maxOutstanding;
  private Integer maxTcpConnections;
  private Duration tcpIdleTimeout;
  private Duration shutdownGrace;
  private InetSocketAddress control;

  DnsServerBuilder(Resolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * Adds an address to listen on over UDP and TCP; {@link #DEFAULT_LISTEN} when none is given.
   * Port 0 picks a free port, the same for UDP and TCP, outside the ports the system gives sockets
   * bound without one (so no client socket on this machine can be given it too).
   *
   * @param address an address and port
   * @return this builder
   */
  public DnsServerBuilder listen(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("listen needs an address, not the name " + address.getHostString());
    }
    listen.add(address);
    return this;
  }

  /**
   * Adds an address block whose clients may ask, in CIDR notation ({@code 192.0.2.0/24},
   * {@code 2001:db8::/32}, or one address). Clients outside every block are answered REFUSED.
   * The default is loopback only ({@code 127.0.0.0/8}, {@code ::1}).
   *
   * @param cidr an address block
   * @return this builder
   * @throws IllegalArgumentException if it is not an address block
   */
  public DnsServerBuilder allow(String cidr) {
    AllowList.of(List.of(Objects.requireNonNull(cidr, "cidr"))); // checks it now
    allow.add(cidr);
    return this;
  }

  /**
   * The event loop threads that read requests and write answers (default 2), and with the
   * resolver's built-in transport send the upstream queries of the questions they read. Where the system has
   * {@code SO_REUSEPORT} (Linux), each address gets a UDP socket per thread, so UDP clients are
   * spread over them as TCP connections are.
   *
   * @param count positive
   * @return this builder
   */
  public DnsServerBuilder threads(int count) {
    requireUnset("threads", threads);
    threads = positive("threads", count);
    return this;
  }

  /**
   * Queries a second (and burst) allowed per client address; past it, answers are REFUSED.
   * Default {@link #DEFAULT_RATE_LIMIT}; 0 turns the limit off.
   *
   * @param perSecond 0 or positive
   * @return this builder
   */
  public DnsServerBuilder rateLimit(int perSecond) {
    requireUnset("rateLimit", rateLimit);
    if (perSecond < 0) {
      throw new IllegalArgumentException("rateLimit must be 0 (off) or positive, was " + perSecond);
    }
    rateLimit = perSecond;
    return this;
  }

  /**
   * The most resolutions under way at once; a question beyond it is answered from the cache, or
   * SERVFAIL with an Extended DNS Error when the cache cannot answer it. Default {@link
   * #DEFAULT_MAX_OUTSTANDING_PER_THREAD} times the threads. This bound pushes nothing out: a flood
   * of questions under a server that never answers holds it until their deadline. {@code bin/serve}
   * therefore gives the resolver the bound, with a jostle time ({@code
   * ResolverBuilder.maxResolutionsInFlight}), and the server a larger one on the questions waiting.
   *
   * @param resolutions positive
   * @return this builder
   */
  public DnsServerBuilder maxOutstanding(int resolutions) {
    requireUnset("maxOutstanding", maxOutstanding);
    maxOutstanding = positive("maxOutstanding", resolutions);
    return this;
  }

  /**
   * The most TCP connections open at once, over every address (default {@link
   * #DEFAULT_MAX_TCP_CONNECTIONS}); one beyond it takes the place of the connection idle longest,
   * or is closed as soon as it is accepted when every connection is owed an answer.
   *
   * @param connections positive
   * @return this builder
   */
  public DnsServerBuilder maxTcpConnections(int connections) {
    requireUnset("maxTcpConnections", maxTcpConnections);
    maxTcpConnections = positive("maxTcpConnections", connections);
    return this;
  }

  /**
   * How long a TCP connection may stay idle with no answer owed (default 10 s): idle means no
   * whole request read, however many octets of one arrive. A control channel connection gets
   * as long to send its command line.
   *
   * @param timeout positive
   * @return this builder
   */
  public DnsServerBuilder tcpIdleTimeout(Duration timeout) {
    requireUnset("tcpIdleTimeout", tcpIdleTimeout);
    tcpIdleTimeout = positive("tcpIdleTimeout", timeout);
    return this;
  }

  /**
   * How long {@link DnsServer#close()} waits for the answers still owed (default 5 s), before it
   * answers those SERVFAIL with the Extended DNS Error "the server is stopping".
   *
   * @param grace positive
   * @return this builder
   */
  public DnsServerBuilder shutdownGrace(Duration grace) {
    requireUnset("shutdownGrace", shutdownGrace);
    shutdownGrace = positive("shutdownGrace", grace);
    return this;
  }

  /**
   * Opens the control channel at {@code address}, a loopback address (no control channel by
   * default). Its commands: {@code stats}, {@code flush}, {@code flush NAME},
   * {@code flush_negative}, one line each, answered with text.
   *
   * @param address a loopback address and port; port 0 picks a free one
   * @return this builder
   * @throws IllegalArgumentException if the address is not loopback
   */
  public DnsServerBuilder control(InetSocketAddress address) {
    requireUnset("control", control);
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException("the control channel listens on loopback only, not on "
          + address.getHostString());
    }
    control = address;
    return this;
  }

  /**
   * Binds every socket and starts serving: the control channel first, then each address's TCP and
   * UDP, so once a DNS port answers, every socket is open and the control channel takes commands;
   * when this returns, all are.
   *
   * @return the running server, which the caller closes
   * @throws IllegalStateException if an address cannot be bound
   */
  public DnsServer start() {
    int loops = threads != null ? threads : DEFAULT_THREADS;
    return new DnsServer(new DnsServer.Settings(resolver,
        listen.isEmpty() ? List.of(DEFAULT_LISTEN) : List.copyOf(listen),
        AllowList.of(allow.isEmpty() ? AllowList.LOOPBACK : allow),
        loops,
        rateLimit != null ? rateLimit : DEFAULT_RATE_LIMIT,
        maxOutstanding != null ? maxOutstanding : DEFAULT_MAX_OUTSTANDING_PER_THREAD * loops,
        maxTcpConnections != null ? maxTcpConnections : DEFAULT_MAX_TCP_CONNECTIONS,
        tcpIdleTimeout != null ? tcpIdleTimeout : DEFAULT_TCP_IDLE_TIMEOUT,
        shutdownGrace != null ? shutdownGrace : DEFAULT_SHUTDOWN_GRACE,
        control));
  }

  private static void requireUnset(String setting, Object value) {
    if (value != null) {
      throw new IllegalStateException(setting + " was already set to " + value);
    }
  }

  private static int positive(String setting, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }

  private static Duration positive(String setting, Duration value) {
    Objects.requireNonNull(value, setting);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(setting + " must be positive, was " + value);
    }
    return value;
  }
}
