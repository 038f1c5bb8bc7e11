package org.dnschase.resolver.server.cli;

import static org.dnschase.resolver.server.cli.Arguments.single;
import static org.dnschase.resolver.server.cli.Arguments.text;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dnschase.resolver.server.DnsServerBuilder;
import org.dnschase.resolver.server.internal.AllowList;
import org.dnschase.resolver.spi.LogText;
import org.dnschase.resolver.zones.AuthZone;
import org.dnschase.resolver.zones.ForwardZone;
import org.dnschase.resolver.zones.StubZone;
import org.xbill.DNS.Name;

/**
 * The command line of {@code bin/serve}, parsed and checked before anything starts, so a mistake
 * is reported as bad usage (exit 2).
 *
 * @param listen the addresses to serve on; empty for the default
 * @param rootHints the root hints file, or null for the IANA root servers
 * @param upstreamPort the port upstream servers listen on, or null for 53
 * @param allow the client address blocks; empty for loopback only
 * @param threads the server's event loop threads, or null for the default
 * @param cacheBytes the cache's byte budget, or null for the default
 * @param maxHops the CNAME/DNAME hop limit, or null for the default
 * @param deadlineMillis the deadline of one resolution, or null for the default
 * @param control the control channel's address, or null for none
 * @param rateLimit queries a second per client (0: no limit), or null for the default
 * @param maxOutstanding the most resolutions under way, or null for the default
 * @param maxTcpConnections the most TCP connections open at once, or null for the default
 * @param tcpIdleMillis the TCP idle timeout, or null for the default
 * @param shutdownGrace how long a stop waits for the questions under way, or null for the default
 * @param forwardZones the forward zones, each zone once among these, the stub and the auth zones
 * @param stubZones the stub zones
 * @param authZones the auth zones, their zone files read
 * @param trustAnchor the DNSSEC trust anchor file, or null for the resolver's default
 * @param noValidation whether DNSSEC validation is switched off
 * @param check whether to check the options and the files they name, and serve nothing
 */
record ServeOptions(List<InetSocketAddress> listen, Path rootHints, Integer upstreamPort,
    boolean loopbackOnly, List<String> allow, Integer threads, Long cacheBytes, Integer maxHops,
    Integer deadlineMillis, boolean serveStale, boolean prefetch, InetSocketAddress control,
    Integer rateLimit, Integer maxOutstanding, Integer maxTcpConnections, Integer tcpIdleMillis,
    Duration shutdownGrace, List<ForwardZone> forwardZones,
    List<StubZone> stubZones, List<AuthZone> authZones, Path trustAnchor, boolean noValidation, boolean check, boolean help) {

  /**
   * The largest cache budget: bin/serve-jvm-options sizes the heap from a budget of up to 13
   * digits and keeps the default heap for any other, which a larger budget would outgrow.
   */
  static final long MAX_CACHE_BYTES = 1L << 40;

  /**
   * The smallest cache budget: the largest reply a server can give (65,535 octets over TCP) fits
   * in it. Any budget resolves, but a smaller one keeps next to nothing, and every question walks
   * from the root again (measured on a chain through four zones: 1 KiB keeps nothing of it, 16 KiB
   * the whole).
   */
  static final long MIN_CACHE_BYTES = 1L << 16;

  /**
   * The longest shutdown grace: an hour. A stop that waits longer holds the port from the server
   * that should take over, and a supervisor gives up on it long before (systemd: 90 s).
   */
  static final Duration MAX_SHUTDOWN_GRACE = Duration.ofHours(1);

  /** Where the control channel listens unless told: Unbound's 8953 may be taken on the same host. */
  static final InetSocketAddress DEFAULT_CONTROL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8954);

  static final String USAGE = """
      usage: bin/serve [options]

      Serves DNS over UDP and TCP in front of one recursive, caching resolver, until stopped
      (SIGINT or SIGTERM: it then closes the TCP connections owed no answer, waits up to the
      shutdown grace, 5 s by default, for the questions under way, answers those still unanswered,
      and any that come meanwhile, SERVFAIL with the Extended DNS Error "the server is stopping",
      and exits). Exit code 2 on bad usage, 1 when it cannot start. An option not
      marked repeatable takes one value: given twice, it is bad usage.

      where it listens and who may ask:
        --listen ADDR:PORT    serve on this address, UDP and TCP (repeatable; [ADDR]:PORT for
                              IPv6; default 127.0.0.1:5300)
        --allow CIDR          clients that may ask (repeatable; default loopback only:
                              127.0.0.0/8 and ::1); everyone else is answered REFUSED
        --rate-limit N        queries a second (and burst) per client address, past which
                              answers are REFUSED (default 1000; 0: no limit)
        --max-outstanding N   resolutions under way at once (default 1024 per thread);
                              half of them go to newer questions once they have run
                              200 ms (Unbound's jostle-timeout); a question finding no
                              slot is answered from the cache or SERVFAIL at once
        --threads N           event loop threads reading, resolving and writing: a question's
                              upstream queries go out on the loop that read it (default 2)
        --max-tcp-connections N
                              TCP connections open at once (default 256), past which a new
                              one takes the place of the one idle longest, or is closed as
                              it is accepted when every one is owed an answer
        --tcp-idle-timeout MS close a TCP connection that sends no whole request this long with
                              nothing owed, or a control connection without its command
                              (default 10000)
        --shutdown-grace DURATION
                              how long a stop waits for the questions under way: a whole
                              number and its unit, ms, s, m or h (default 5s; 1ms to 1h)
        --control ADDR:PORT   the control channel for bin/serve-control, loopback only
                              (default 127.0.0.1:8954)
        --no-control          no control channel

      how it resolves:
        --root-hints FILE     root hints in master-file format (default: the IANA root servers)
        --upstream-port N     port the upstream servers listen on (default 53)
        --loopback-only       send queries to loopback addresses only (labs and tests)
        --forward-zone ZONE=ADDR[:PORT],...
                              ask these recursive servers for names at or below ZONE
                              (repeatable; [ADDR]:PORT for IPv6; the port defaults to the
                              upstream port)
        --stub-zone ZONE=ADDR[:PORT],...
                              walk names at or below ZONE from these authoritative servers
                              (repeatable)
        --auth-zone ZONE=FILE answer names at or below ZONE from this zone file, without a
                              query (Unbound's auth-zone with for-upstream; repeatable)
        --trust-anchor FILE   DNSSEC trust anchors, DS or DNSKEY records (Unbound's
                              trust-anchor-file): validate from them (default: validate from
                              the root's built-in keys when no --root-hints are given)
        --no-validation       no DNSSEC validation
        --cache-bytes N       the cache's byte budget (default 33554432, 32 MiB; at least 65536,
                              64 KiB, at most 1 TiB); what the resolver keeps beside the cache
                              (finished resolutions, glue, server state) takes shares of it on
                              top: about 1.4 times the budget in all
        --max-hops N          CNAME/DNAME hops allowed per chain (default 12)
        --deadline MS         how long one resolution may take (default 10000)
        --serve-stale         answer with data up to a day past its TTL when no server answers
                              (RFC 8767)
        --prefetch            refresh names in use before they expire
        --check               read every file the options name and check every setting, then
                              exit without serving (0 when all is well, 2 naming the first
                              mistake), as unbound-checkconf
        -h, --help            print this text

      memory and start-up (the JVM options bin/serve picks, bin/serve-jvm-options):
        The heap is sized from --cache-bytes, which bounds what the resolver keeps: at most
        twice the budget plus 64 MiB (128 MiB by default), serial collector up to 1 GiB, and
        transparent huge pages for the heap and the JIT's code where the kernel gives them.
        Expect 90 to 140 MiB resident under load with the default budget (the most in the
        first run, which records the server's class data: its clean stop writes them beside
        the jar, an AOT cache on JDK 25+, AppCDS before, and every later start maps them).
        DNSCHASE_JAVA_OPTS adds JVM options of your own, after these (e.g. -Xmx1g).
      """;

  /** Parses {@code args}. */
  static ServeOptions parse(String[] args) throws UsageException {
    Parser parser = new Parser(new Arguments(args));
    while (parser.arguments.hasNext()) {
      parser.option(parser.arguments.next());
    }
    return parser.finish();
  }

  /** One field per option, checked when it is read. */
  private static final class Parser {
    private final Arguments arguments;
    private final List<InetSocketAddress> listen = new ArrayList<>();
    private final List<String> allow = new ArrayList<>();
    private Path rootHints;
    private Path trustAnchor;
    private boolean noValidation;
    private Integer upstreamPort;
    private boolean loopbackOnly;
    private Integer threads;
    private Long cacheBytes;
    private Integer maxHops;
    private Integer deadlineMillis;
    private boolean serveStale;
    private boolean prefetch;
    /** The control channel's address given, or null for the default. */
    private InetSocketAddress control;
    private boolean noControl;
    private Integer rateLimit;
    private Integer maxOutstanding;
    private Integer maxTcpConnections;
    private Integer tcpIdleMillis;
    private Duration shutdownGrace;
    private final List<ForwardZone> forwardZones = new ArrayList<>();
    private final List<StubZone> stubZones = new ArrayList<>();
    private final List<AuthZone> authZones = new ArrayList<>();
    private final Set<Name> zones = new HashSet<>();
    private boolean check;
    private boolean help;

    Parser(Arguments arguments) {
      this.arguments = arguments;
    }

    void option(String option) throws UsageException {
      switch (option) {
        case "--listen" -> listen.add(once(option, arguments.address(option)));
        case "--allow" -> allow.add(cidr(option, arguments.value(option)));
        case "--rate-limit" -> rateLimit = single(option, rateLimit, (int) arguments.number(option, 0, Integer.MAX_VALUE));
        case "--max-outstanding" ->
            maxOutstanding = single(option, maxOutstanding, (int) arguments.number(option, 1, Integer.MAX_VALUE));
        case "--threads" -> threads = single(option, threads, (int) arguments.number(option, 1, 1024));
        case "--max-tcp-connections" ->
            maxTcpConnections = single(option, maxTcpConnections, (int) arguments.number(option, 1, Integer.MAX_VALUE));
        case "--tcp-idle-timeout" ->
            tcpIdleMillis = single(option, tcpIdleMillis, (int) arguments.number(option, 1, Integer.MAX_VALUE));
        case "--shutdown-grace" -> shutdownGrace = single(option, shutdownGrace,
            arguments.duration(option, Duration.ofMillis(1), MAX_SHUTDOWN_GRACE));
        case "--control" -> control = single(option, control, arguments.loopbackAddress(option));
        case "--no-control" -> noControl = true;
        case "--root-hints" -> rootHints = single(option, rootHints, Path.of(arguments.value(option)));
        case "--trust-anchor" -> trustAnchor = single(option, trustAnchor, Path.of(arguments.value(option)));
        case "--no-validation" -> noValidation = true;
        case "--upstream-port" -> upstreamPort = single(option, upstreamPort, (int) arguments.number(option, 1, 65535));
        case "--loopback-only" -> loopbackOnly = true;
        case "--cache-bytes" -> cacheBytes = single(option, cacheBytes, arguments.number(option, MIN_CACHE_BYTES, MAX_CACHE_BYTES));
        case "--max-hops" -> maxHops = single(option, maxHops, (int) arguments.number(option, 1, Integer.MAX_VALUE));
        case "--deadline" -> deadlineMillis = single(option, deadlineMillis, (int) arguments.number(option, 1, Integer.MAX_VALUE));
        case "--forward-zone" -> forwardZones.add(zone(option, ForwardZone::of, ForwardZone::name));
        case "--stub-zone" -> stubZones.add(zone(option, StubZone::of, StubZone::name));
        case "--auth-zone" -> authZones.add(authZone(option));
        case "--serve-stale" -> serveStale = true;
        case "--prefetch" -> prefetch = true;
        case "--check" -> check = true;
        case "-h", "--help" -> help = true;
        default -> throw new UsageException(option.startsWith("-") ? "unknown option '" + LogText.escaped(option) + "'"
            : "unexpected argument '" + LogText.escaped(option) + "': bin/serve takes options only");
      }
    }

    /**
     * An address to listen on, refused when given before: the second bind would fail the start.
     * Port 0 is a port of the system's choosing, a new one at each bind.
     */
    private InetSocketAddress once(String option, InetSocketAddress address) throws UsageException {
      if (address.getPort() != 0 && listen.contains(address)) {
        throw new UsageException(option + " " + text(address) + " was already given");
      }
      return address;
    }

    private static String cidr(String option, String text) throws UsageException {
      try {
        AllowList.of(List.of(text));
        return text;
      } catch (IllegalArgumentException e) {
        throw new UsageException(option + ": " + e.getMessage());
      }
    }

    /** {@code ZONE=ADDR[:PORT],...}, each server rewritten to the {@code ADDR@PORT} zones parse. */
    private <Z> Z zone(String option, BiFunction<String, String[], Z> parse, Function<Z, Name> name)
        throws UsageException {
      String text = arguments.value(option);
      int equals = text.indexOf('=');
      if (equals <= 0 || equals == text.length() - 1) {
        throw new UsageException(option + " needs ZONE=ADDR[:PORT],..., got '" + LogText.escaped(text) + "'");
      }
      String[] servers = text.substring(equals + 1).split(",");
      for (int i = 0; i < servers.length; i++) {
        servers[i] = atPort(servers[i]);
      }
      Z zone;
      try {
        zone = parse.apply(text.substring(0, equals), servers);
      } catch (IllegalArgumentException e) {
        throw new UsageException(option + " " + LogText.escaped(text) + ": " + e.getMessage());
      }
      if (!zones.add(name.apply(zone))) {
        throw new UsageException(option + " " + LogText.escaped(text) + ": zone " + name.apply(zone)
            + " was already given");
      }
      return zone;
    }

    /** {@code ZONE=FILE}, the file read now: one that cannot be read or parsed is bad usage, naming it. */
    private AuthZone authZone(String option) throws UsageException {
      String text = arguments.value(option);
      int equals = text.indexOf('=');
      if (equals <= 0 || equals == text.length() - 1) {
        throw new UsageException(option + " needs ZONE=FILE, got '" + LogText.escaped(text) + "'");
      }
      AuthZone zone;
      try {
        zone = AuthZone.fromFile(text.substring(0, equals), Path.of(text.substring(equals + 1)));
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new UsageException(option + " " + LogText.escaped(text) + ": " + e.getMessage());
      }
      if (!zones.add(zone.name())) {
        throw new UsageException(option + " " + LogText.escaped(text) + ": zone " + zone.name() + " was already given");
      }
      return zone;
    }

    /** {@code 192.0.2.1:53} and {@code [2001:db8::1]:53} as {@code ADDR@PORT}; others as they are. */
    private static String atPort(String server) {
      if (server.startsWith("[")) {
        int close = server.indexOf(']');
        String port = close > 0 && server.startsWith(":", close + 1) ? "@" + server.substring(close + 2) : "";
        return close > 0 ? server.substring(1, close) + port : server;
      }
      int colon = server.indexOf(':');
      return colon >= 0 && colon == server.lastIndexOf(':')
          ? server.substring(0, colon) + "@" + server.substring(colon + 1) : server;
    }

    ServeOptions finish() throws UsageException {
      if (noValidation && trustAnchor != null) {
        throw new UsageException("--no-validation conflicts with --trust-anchor " + trustAnchor);
      }
      if (noControl && control != null) {
        throw new UsageException("--no-control conflicts with --control " + text(control));
      }
      InetSocketAddress controlAt = noControl ? null : control != null ? control : DEFAULT_CONTROL;
      // the control channel's TCP port would be taken by the listener's, failing the start as if another held it
      if (controlAt != null && controlAt.getPort() != 0
          && (listen.isEmpty() ? List.of(DnsServerBuilder.DEFAULT_LISTEN) : listen).contains(controlAt)) {
        throw new UsageException("--control " + text(controlAt) + " is also where DNS is served: give it a port of its own");
      }
      return new ServeOptions(List.copyOf(listen), rootHints, upstreamPort, loopbackOnly, List.copyOf(allow),
          threads, cacheBytes, maxHops, deadlineMillis, serveStale, prefetch, controlAt, rateLimit,
          maxOutstanding, maxTcpConnections, tcpIdleMillis, shutdownGrace, List.copyOf(forwardZones), List.copyOf(stubZones), List.copyOf(authZones),
          trustAnchor, noValidation, check, help);
    }
  }
}
