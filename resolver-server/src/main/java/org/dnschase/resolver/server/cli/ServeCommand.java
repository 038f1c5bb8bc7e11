package org.dnschase.resolver.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.cache.RRsetCacheBuilder;
import org.dnschase.resolver.dnssec.Validation;
import org.dnschase.resolver.server.DnsServer;
import org.dnschase.resolver.server.DnsServerBuilder;
import org.dnschase.resolver.spi.LogText;

/**
 * The {@code serve} command behind {@code bin/serve}: a resolver and a {@link DnsServer} in front
 * of it, configured from the command line ({@link ServeOptions#USAGE}), running until the process
 * is told to stop, when it answers what is under way and exits.
 *
 * <p>Exit codes: 0 after a clean stop, 1 when it cannot start (an address in use), 2 on bad usage.
 */
public final class ServeCommand {

  static final int OK = 0;
  /** Exit code when the server cannot start, or a control command failed. */
  static final int FAILED = 1;
  static final int USAGE = 2;

  /**
   * How long a resolution holds one of the jostle slots (half of {@code --max-outstanding}) before
   * a newer question may push it out: 200 ms, Unbound's {@code jostle-timeout}, about one round
   * trip to a server that answers. Without it a flood of new names under a server that never
   * answers holds every slot until each resolution's deadline, and every other new question is
   * SERVFAIL meanwhile.
   */
  static final Duration JOSTLE_AFTER = Duration.ofMillis(200);
  /**
   * Questions waiting for their answer per resolution slot, those joining an identical question's
   * resolution included: Unbound's bound on the replies waiting, 16 per {@code
   * num-queries-per-thread}.
   */
  static final int WAITING_PER_SLOT = 16;

  /**
   * A running server with the resolver it answers from; closing stops both, the server first.
   *
   * @param resolver the resolver
   * @param server the server in front of it
   */
  record Running(Resolver resolver, DnsServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      resolver.close();
    }
  }

  private ServeCommand() {}

  /** Serves until the process is stopped; exits with 1 or 2 when it cannot start. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err, ServeCommand::untilStopped);
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Parses the options, starts the server and hands it to {@code serving}; tests pass their own.
   *
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err, Consumer<Running> serving) {
    try {
      ServeOptions options = ServeOptions.parse(args);
      if (options.help()) {
        out.print(ServeOptions.USAGE);
        return OK;
      }
      if (options.check()) {
        check(options, out);
        return OK;
      }
      serving.accept(start(options, out));
      return OK;
    } catch (UsageException e) {
      // printed as it is: what a message quotes of an argument or a file is escaped where it is
      // quoted (LogText), once
      err.println("serve: " + e.getMessage());
      err.println("Try 'bin/serve --help' for the options.");
      return USAGE;
    } catch (IllegalStateException e) {
      err.println("serve: " + e.getMessage());
      return FAILED;
    }
  }

  /**
   * {@code --check}: the resolver built (every file read, every setting given to its builder) and
   * the server's builder given its settings, then both let go; no socket bound, nothing served.
   */
  private static void check(ServeOptions options, PrintStream out) throws UsageException {
    try (Resolver resolver = resolver(options)) {
      server(options, resolver);
    }
    out.println("serve: the options and the files they name are good");
  }

  /** Blocks until the process is told to stop (SIGINT, SIGTERM), then stops gracefully. */
  private static void untilStopped(Running running) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "dnschase-serve-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Builds the resolver and starts the server, then prints where it serves.
   *
   * @throws UsageException if an option's value is refused by the builder it goes to
   * @throws IllegalStateException if an address cannot be bound
   */
  static Running start(ServeOptions options, PrintStream out) throws UsageException {
    Resolver resolver = resolver(options);
    try {
      DnsServer server = server(options, resolver).start();
      out.println("serving DNS on " + server.addresses() + " (UDP and TCP)"
          + server.controlAddress().map(control -> "; control channel on " + control).orElse(""));
      out.flush();
      return new Running(resolver, server);
    } catch (RuntimeException e) {
      resolver.close();
      throw e;
    }
  }

  private static DnsServerBuilder server(ServeOptions options, Resolver resolver) {
    DnsServerBuilder builder = DnsServer.builder(resolver);
    options.listen().forEach(builder::listen);
    options.allow().forEach(builder::allow);
    if (options.threads() != null) {
      builder.threads(options.threads());
    }
    if (options.rateLimit() != null) {
      builder.rateLimit(options.rateLimit());
    }
    // the resolver bounds the resolutions (and pushes out the old ones); the server only the
    // questions waiting for them
    builder.maxOutstanding((int) Math.min(Integer.MAX_VALUE, (long) resolutionSlots(options) * WAITING_PER_SLOT));
    if (options.maxTcpConnections() != null) {
      builder.maxTcpConnections(options.maxTcpConnections());
    }
    if (options.tcpIdleMillis() != null) {
      builder.tcpIdleTimeout(Duration.ofMillis(options.tcpIdleMillis()));
    }
    if (options.shutdownGrace() != null) {
      builder.shutdownGrace(options.shutdownGrace());
    }
    if (options.control() != null) {
      builder.control(options.control());
    }
    return builder;
  }

  private static Resolver resolver(ServeOptions options) throws UsageException {
    ResolverBuilder builder = Resolver.builder().cache(cache(options))
        // the server's callbacks encode an answer and hand it to its channel, never block: run on
        // the event loop the resolution ran on, an answer that needed upstream queries needs no
        // other thread
        .callbackExecutor(Runnable::run)
        // a question's upstream queries go out on the server's loop that read it (the transport
        // sends a query on the Netty loop that asks it): the transport's own loop takes only
        // what is asked elsewhere, the resolutions begun over its first plain sockets
        .transportThreads(1);
    if (options.rootHints() != null) {
      builder.rootHints(readHints(options));
    }
    if (options.upstreamPort() != null) {
      builder.upstreamPort(options.upstreamPort());
    }
    if (options.noValidation()) {
      builder.validation(Validation.off());
    }
    if (options.trustAnchor() != null) {
      try {
        builder.validation(Validation.trustAnchorFile(options.trustAnchor()));
      } catch (UncheckedIOException | IllegalArgumentException e) {
        throw new UsageException("--trust-anchor: " + e.getMessage());
      }
    }
    if (options.loopbackOnly()) {
      builder.loopbackOnly();
    }
    options.forwardZones().forEach(builder::forwardZone);
    options.stubZones().forEach(builder::stubZone);
    options.authZones().forEach(builder::authZone);
    Budgets budgets = Budgets.DEFAULTS;
    if (options.maxHops() != null) {
      budgets = budgets.withMaxHops(options.maxHops());
    }
    if (options.deadlineMillis() != null) {
      budgets = budgets.withDeadline(Duration.ofMillis(options.deadlineMillis()));
    }
    return builder.budgets(budgets).prefetch(options.prefetch())
        .maxResolutionsInFlight(resolutionSlots(options), JOSTLE_AFTER).build();
  }

  /** {@code --max-outstanding}, or its default: {@link DnsServerBuilder#DEFAULT_MAX_OUTSTANDING_PER_THREAD} a thread. */
  private static int resolutionSlots(ServeOptions options) {
    if (options.maxOutstanding() != null) {
      return options.maxOutstanding();
    }
    return DnsServerBuilder.DEFAULT_MAX_OUTSTANDING_PER_THREAD
        * (options.threads() != null ? options.threads() : DnsServerBuilder.DEFAULT_THREADS);
  }

  /** The cache keeps its statistics, which the control channel's {@code stats} reports. */
  private static RRsetCache cache(ServeOptions options) throws UsageException {
    RRsetCacheBuilder cache = RRsetCache.builder().recordStats();
    try {
      if (options.cacheBytes() != null) {
        cache.maximumBytes(options.cacheBytes());
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--cache-bytes: " + e.getMessage());
    }
    if (options.serveStale()) {
      cache.serveStale(RRsetCacheBuilder.DEFAULT_STALE_WINDOW);
    }
    return cache.build();
  }

  private static RootHints readHints(ServeOptions options) throws UsageException {
    try {
      return RootHints.read(options.rootHints());
    } catch (IOException e) {
      throw new UsageException("--root-hints: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--root-hints " + LogText.escaped(options.rootHints().toString()) + ": "
          + e.getMessage());
    }
  }
}
