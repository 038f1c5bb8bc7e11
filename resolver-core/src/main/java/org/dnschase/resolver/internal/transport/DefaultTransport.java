package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import org.dnschase.resolver.internal.message.SecureSource;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.Message;

/**
 * The transport a resolver builds for itself: the JDK's own datagram sockets ({@link
 * PlainUdpExchanges}) for its first queries, {@link NettyTransport} after them. A JVM's first
 * resolution so does not wait for Netty, nor share the processor with its start: its platform
 * probing, event loop, allocator and channel classes are some 500 classes, hundreds of
 * milliseconds of a fresh JVM on a busy machine, while the first exchanges need a socket each.
 * Netty starts, on a thread of its own, with the first query the plain path cannot take (past its
 * first {@value PlainUdpExchanges#QUERIES}, or beyond {@value PlainUdpExchanges#MAX_IN_FLIGHT} at
 * once), which waits for it and is then sent with its whole timeout: the wait is for the
 * resolver's own start, and counted against the server it would make a retry, and a slow server
 * of it. A resolver that never asks a server starts no thread.
 *
 * <p>Both paths share the query IDs, 0x20's random case and what it learnt of servers, and the
 * metrics. A truncated reply on the plain path is asked again over TCP by Netty, started for it,
 * within the time a truncated reply leaves the TCP exchange ({@link NettyTransport}): Netty's
 * start is not counted, nor is the TCP leg in the round trip the reply reports ({@link ReplyFuture}).
 * A future the resolver cancels ends the exchange under way on either path, and one still waiting
 * for Netty is never sent.
 */
public final class DefaultTransport implements Transport {

  static final String STARTER_THREAD_NAME = "dnschase-transport-start";

  private final int threads;
  private final IntSupplier ids;
  /** 0x20's random case and what it learnt of servers; null when queries go out as asked. */
  private final CaseRandomization caseRandomization;
  private final ResolverMetrics metrics;
  private final ToLongFunction<InetAddress> spinWindows;
  private final Runnable beforeNettyStarts;
  /** How long a UDP query's socket listens past its timeout for a late reply, 0: not at all ({@link StillListening}). */
  private final long listenNanos;
  private final PlainUdpExchanges firstExchanges = new PlainUdpExchanges();
  private final CompletableFuture<NettyTransport> netty = new CompletableFuture<>();
  /** The thread starting Netty, once an exchange asked for it; guarded by this. */
  private Thread starter;
  private volatile boolean closed;

  /**
   * Netty with {@code threads} event loops; with {@code caseRandomization}, every question name
   * goes out in a random case (0x20); each query sent over UDP, and again over TCP, is counted into
   * {@code metrics}. On Netty, a loop polls for a server's reply rather than sleeps for {@code
   * spinWindows} of it (in nanoseconds from the query's send, 0: not at all; see {@link
   * org.dnschase.resolver.internal.transport.loops.SpinWindows}). A UDP query's socket listens for
   * {@code listenAfterTimeout} past its timeout for a late reply ({@link StillListening}): the
   * resolver's deadline, which its resolutions cut short by cancelling the late reply.
   */
  public DefaultTransport(int threads, boolean caseRandomization, ResolverMetrics metrics,
      ToLongFunction<InetAddress> spinWindows, Duration listenAfterTimeout) {
    this(threads, new QueryIds()::next, caseRandomization ? SecureSource.get() : null, metrics, spinWindows,
        listenAfterTimeout.toNanos(), () -> { });
  }

  /**
   * With {@code ids} and {@code caseBits} (null: no 0x20) as tests choose them, as for {@link
   * NettyTransport}, every exchange spinning up to the cap.
   */
  DefaultTransport(int threads, IntSupplier ids, Random caseBits, ResolverMetrics metrics) {
    this(threads, ids, caseBits, metrics, NettyTransport.CAPPED, () -> { });
  }

  /**
   * Also with {@code beforeNettyStarts} run on the thread starting Netty, first: tests make the start
   * slow. No socket listens past its timeout.
   */
  DefaultTransport(int threads, IntSupplier ids, Random caseBits, ResolverMetrics metrics,
      ToLongFunction<InetAddress> spinWindows, Runnable beforeNettyStarts) {
    this(threads, ids, caseBits, metrics, spinWindows, 0, beforeNettyStarts);
  }

  DefaultTransport(int threads, IntSupplier ids, Random caseBits, ResolverMetrics metrics,
      ToLongFunction<InetAddress> spinWindows, long listenNanos, Runnable beforeNettyStarts) {
    this.listenNanos = listenNanos;
    this.spinWindows = spinWindows;
    this.beforeNettyStarts = beforeNettyStarts;
    this.threads = threads;
    this.ids = ids;
    this.caseRandomization = caseBits == null ? null : new CaseRandomization(caseBits);
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    return exchange(server, query, timeout, false);
  }

  /**
   * {@code transport}'s exchange of {@code query} with {@code server} within {@code timeout}, for a
   * query whose reply nobody waits for (the root's priming beside a walk, a refresh): on our own
   * transport's event loops, the loop does not read that reply while a reply others wait for is
   * due, but once none is ({@link
   * org.dnschase.resolver.internal.transport.loops.SpinWindows#whenNoReplyDue}). Any other
   * transport exchanges it as any query.
   *
   * @param transport the resolver's transport
   * @param server the server's address and port
   * @param query the query to send
   * @param timeout how long to wait for the reply
   * @return a future of the reply, completed within {@code timeout}
   */
  public static CompletableFuture<Message> exchangeUnhurried(Transport transport, InetSocketAddress server,
      Message query, Duration timeout) {
    return switch (transport) {
      case DefaultTransport own -> own.exchange(server, query, timeout, true);
      case NettyTransport netty -> netty.exchange(server, query, timeout, true);
      default -> transport.exchange(server, query, timeout);
    };
  }

  private CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout,
      boolean unhurried) {
    if (closed) {
      return CompletableFuture.failedFuture(LoopExchanges.closedError());
    }
    if (netty.state() == Future.State.SUCCESS) {
      return netty.resultNow().exchange(server, query, timeout, unhurried);
    }
    if (!firstExchanges.reserve()) {
      // the whole timeout once Netty runs: the wait is for our own start, not for the server
      startNetty();
      return ReplyFuture.once(netty, started -> started.exchange(server, query, timeout, unhurried));
    }
    OutgoingQuery overUdp = OutgoingQuery.of(server, query, ids, caseRandomization);
    metrics.udpQuery();
    long startNanos = System.nanoTime();
    return ReplyFuture.udpThenTcp(firstExchanges.overUdp(overUdp, timeout.toNanos(), listenNanos), startNanos,
        truncated -> overTcpOnceStarted(overUdp, NettyTransport.overTcpNanos(timeout)));
  }

  /** Over TCP only, which the plain path cannot: on Netty, started for it, with the whole timeout once it runs. */
  @Override
  public CompletableFuture<Message> exchangeOverTcp(InetSocketAddress server, Message query, Duration timeout) {
    if (closed) {
      return CompletableFuture.failedFuture(LoopExchanges.closedError());
    }
    if (netty.state() == Future.State.SUCCESS) {
      return netty.resultNow().exchangeOverTcp(server, query, timeout);
    }
    startNetty();
    return ReplyFuture.once(netty, started -> started.exchangeOverTcp(server, query, timeout));
  }

  /**
   * {@code sentOverUdp}'s question asked again over TCP once Netty runs, within {@code leftNanos}
   * from then: the wait for Netty's start is the resolver's own, not the server's, as for a query
   * that waits for it.
   */
  private CompletableFuture<Message> overTcpOnceStarted(OutgoingQuery sentOverUdp, long leftNanos) {
    startNetty();
    return ReplyFuture.once(netty, started -> started.overTcp(sentOverUdp, System.nanoTime() + leftNanos));
  }

  /** Starts Netty on a thread of its own, once; never after {@link #close}. */
  private synchronized void startNetty() {
    if (starter != null || closed) {
      return;
    }
    starter = new Thread(() -> {
      try {
        beforeNettyStarts.run();
        netty.complete(new NettyTransport(threads, ids, caseRandomization, metrics, spinWindows, listenNanos));
      } catch (RuntimeException | Error e) {
        netty.completeExceptionally(new IOException("cannot start the transport: " + e, e));
      }
    }, STARTER_THREAD_NAME);
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * Where a reply's taker runs a task after the other sockets its event loop found ready with that
   * reply: the loop, when the calling thread is one of Netty's ({@link NettyTransport#callersLoopTasks}).
   * Null off a loop, and always before this transport, when it is {@code transport}, has started
   * Netty: its first queries go over the JDK's own sockets, and Netty's classes stay unloaded.
   *
   * @param transport the resolver's transport
   * @return the loop's tasks, or null
   */
  public static Executor loopTasks(Transport transport) {
    return nettyStarted(transport) ? NettyTransport.callersLoopTasks() : null;
  }

  /**
   * As {@link #loopTasks}, for work nobody waits for (the next step of a priming beside a walk, of
   * a refresh): on a loop whose replies may be due, it runs once none is, before the loop sleeps,
   * so a reply a question waits for is not held up behind it; at the latest after {@link
   * org.dnschase.resolver.internal.transport.loops.SpinWindows#UNHURRIED_NANOS}.
   *
   * @param transport the resolver's transport
   * @return the loop's unhurried tasks, or null
   */
  public static Executor unhurriedLoopTasks(Transport transport) {
    return nettyStarted(transport) ? NettyTransport.callersUnhurriedTasks() : null;
  }

  private static boolean nettyStarted(Transport transport) {
    return !(transport instanceof DefaultTransport own) || own.netty.state() == Future.State.SUCCESS;
  }

  /** The exchanges in flight over plain sockets (for the tests). */
  int plainInFlight() {
    return firstExchanges.inFlight();
  }

  /** Netty's transport, once started (for the tests). */
  NettyTransport nettyOnceStarted() {
    return netty.join();
  }

  /**
   * Ends every exchange in flight on either path, stops Netty if it started (waiting for its start
   * to end first) and waits for the threads, as {@link NettyTransport#close} and {@link
   * PlainUdpExchanges#close} do.
   */
  @Override
  public void close() {
    Thread starting;
    synchronized (this) {
      closed = true;
      starting = starter;
    }
    firstExchanges.close();
    if (starting != null) {
      NettyTransport.joinUninterruptibly(starting);
      if (netty.state() == Future.State.SUCCESS) {
        netty.resultNow().close();
      }
    }
  }
}
