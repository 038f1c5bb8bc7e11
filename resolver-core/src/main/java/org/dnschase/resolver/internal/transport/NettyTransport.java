package org.dnschase.resolver.internal.transport;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.internal.ThreadExecutorMap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import org.dnschase.resolver.internal.metrics.ResolverMetrics;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.internal.transport.loops.SpinWindows;
import org.dnschase.resolver.spi.Transport;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * Netty's transport, the default one past a resolver's first queries ({@link DefaultTransport}):
 * each query goes out on a fresh UDP socket bound to a random port as it is sent (the socket
 * opened ahead of it, while the loop waits for a reply: {@link SpareChannels}), with a random ID,
 * and if asked with a random case in its question name (0x20, {@link QuestionCase}); a truncated
 * reply (TC=1) is asked again over TCP (RFC 7766 §5) within the same time budget, where a reply
 * still truncated fails the exchange. A UDP query's socket may go on listening past its timeout
 * for a late reply ({@link StillListening}). One event loop group per transport, of daemon threads, of
 * NIO or, asked for, epoll ({@link LoopKind#CHOSEN}), shut down by {@link #close()}, which first ends every exchange still in flight: Netty's shutdown
 * alone neither completes them (their timers are dropped) nor reliably closes their sockets.
 *
 * <p>A query asked from one of the transport's own threads (the resolver's next step, run where
 * the last reply completed) stays on that thread's event loop: a resolution then runs on one
 * thread from its first reply to its answer, with no hand-off between loops. So does a query asked
 * from the event loop of another Netty group of NIO or epoll (a server's, whose listener
 * asked the resolver): the resolution runs where its question was read and its answer is written,
 * with no hand-off at either end, and the transport's own threads never start for it. Those loops
 * are the caller's: closing the transport ends the exchanges it has in flight on them, not them,
 * and one that ends ends those on it.
 */
public final class NettyTransport implements Transport {

  private final EventLoopGroup group;
  private final List<Thread> eventLoopThreads = new CopyOnWriteArrayList<>();
  private final List<LoopExchanges> loops = new ArrayList<>();
  /** The exchanges on callers' event loops, by loop; none added once closed (guarded by this). */
  private final Map<EventLoop, LoopExchanges> callerLoops = new ConcurrentHashMap<>();
  private final AtomicInteger nextLoop = new AtomicInteger();
  private final IntSupplier ids;
  /** 0x20's random case and what it learnt of servers; null when queries go out as asked. */
  private final CaseRandomization caseRandomization;
  /** Counts the queries sent over UDP and over TCP. */
  private final ResolverMetrics metrics;
  /**
   * How long, from its query's send, a UDP exchange's loop polls for the reply from a server
   * rather than sleeping, in nanoseconds (0: not at all): {@link SpinWindows}.
   */
  private final ToLongFunction<InetAddress> spinWindows;
  /** How long a UDP query's socket listens past its timeout for a late reply, 0: not at all ({@link StillListening}). */
  private final long listenNanos;
  private volatile boolean closed;

  /**
   * Every server's spin window as long as any may be ({@link SpinWindows#CAP_NANOS}): what a
   * transport knows of a server before its first reply.
   */
  static final ToLongFunction<InetAddress> CAPPED = server -> SpinWindows.CAP_NANOS;

  /** Sends question names as asked, counting nothing; every exchange spins up to the cap. */
  public NettyTransport(int threads) {
    this(threads, new QueryIds()::next, null, ResolverMetrics.disabled(), CAPPED, 0);
  }

  /**
   * With {@code ids} as the source of query IDs, so that tests can make two of them collide, and
   * {@code caseBits} as that of the random case (null: none), so that tests can know it.
   */
  NettyTransport(int threads, IntSupplier ids, Random caseBits) {
    this(threads, ids, caseBits, LoopKind.CHOSEN);
  }

  /** As {@link #NettyTransport(int, IntSupplier, Random)}, on event loops of {@code kind}. */
  NettyTransport(int threads, IntSupplier ids, Random caseBits, LoopKind kind) {
    this(threads, ids, caseBits == null ? null : new CaseRandomization(caseBits), ResolverMetrics.disabled(), CAPPED,
        kind);
  }

  /**
   * IDs from {@code ids}; with {@code caseRandomization} (null: none) every question name goes out
   * in a random case (0x20); each query sent over UDP, and again over TCP, is counted into {@code
   * metrics}; {@code spinWindows} says how long the loop may poll for a server's reply rather than
   * sleep (in nanoseconds from the query's send, 0: not at all); a UDP query's socket listens
   * {@code listenNanos} past its timeout for a late reply (0: not at all, {@link StillListening}).
   */
  NettyTransport(int threads, IntSupplier ids, CaseRandomization caseRandomization, ResolverMetrics metrics,
      ToLongFunction<InetAddress> spinWindows, long listenNanos) {
    this(threads, ids, caseRandomization, metrics, spinWindows, listenNanos, LoopKind.CHOSEN);
  }

  /** With no listening past a timeout, on loops of {@code kind}. */
  NettyTransport(int threads, IntSupplier ids, CaseRandomization caseRandomization, ResolverMetrics metrics,
      ToLongFunction<InetAddress> spinWindows, LoopKind kind) {
    this(threads, ids, caseRandomization, metrics, spinWindows, 0, kind);
  }

  private NettyTransport(int threads, IntSupplier ids, CaseRandomization caseRandomization, ResolverMetrics metrics,
      ToLongFunction<InetAddress> spinWindows, long listenNanos, LoopKind kind) {
    this.listenNanos = listenNanos;
    this.ids = ids;
    this.metrics = metrics;
    this.spinWindows = spinWindows;
    this.caseRandomization = caseRandomization;
    ThreadFactory daemons = new DefaultThreadFactory("dnschase-transport", true);
    this.group = new MultiThreadIoEventLoopGroup(threads, task -> {
      Thread thread = daemons.newThread(task);
      eventLoopThreads.add(thread);
      return thread;
    }, kind.handlerFactory());
    for (EventExecutor loop : group) {
      loops.add(new LoopExchanges((IoEventLoop) loop, kind));
    }
  }

  @Override
  public CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout) {
    return exchange(server, query, timeout, false);
  }

  /**
   * {@link #exchange}, {@code unhurried} when nobody waits for the reply (the root's priming beside
   * a walk, a refresh): the loop does not read it while another reply is due ({@link UdpExchange}).
   */
  CompletableFuture<Message> exchange(InetSocketAddress server, Message query, Duration timeout, boolean unhurried) {
    if (closed) {
      return CompletableFuture.failedFuture(LoopExchanges.closedError());
    }
    LoopExchanges loop = currentOrNextLoop();
    OutgoingQuery overUdp = OutgoingQuery.of(server, query, ids, caseRandomization);
    metrics.udpQuery();
    PendingExchange first = new PendingExchange(overUdp.expected());
    long startNanos = System.nanoTime();
    CompletableFuture<Message> overUdpReply = loop.overUdp(first, overUdp.wire(), timeout.toNanos(), listenNanos,
        spinWindows.applyAsLong(server.getAddress()), unhurried);
    return endedIfCancelled(loop, first, ReplyFuture.udpThenTcp(overUdpReply, startNanos,
        truncated -> askAgainOverTcp(loop, overUdp.again(ids), System.nanoTime() + overTcpNanos(timeout), first)));
  }

  /**
   * {@code reply}, the future handed to the resolver, whose cancellation (the resolver gave the
   * question up: its resolution ended) ends {@code first} and the exchange asking again after it
   * at once, on their loop, closing their sockets rather than holding them until their timeouts.
   */
  private static CompletableFuture<Message> endedIfCancelled(LoopExchanges loop, PendingExchange first,
      CompletableFuture<Message> reply) {
    reply.whenComplete((message, error) -> {
      if (error instanceof CancellationException) {
        loop.abandon(first);
      }
    });
    return reply;
  }

  /**
   * How long a question truncated over UDP may take over TCP, from the truncated reply: twice the
   * exchange's timeout, since the connection's set-up and the query are two round trips ({@link
   * Transport}).
   */
  static long overTcpNanos(Duration timeout) {
    return 2 * timeout.toNanos();
  }

  /** Over TCP from the start: a fresh ID, 0x20's case as over UDP, within {@code timeout}. */
  @Override
  public CompletableFuture<Message> exchangeOverTcp(InetSocketAddress server, Message query, Duration timeout) {
    if (closed) {
      return CompletableFuture.failedFuture(LoopExchanges.closedError());
    }
    LoopExchanges loop = currentOrNextLoop();
    OutgoingQuery overTcp = OutgoingQuery.of(server, query, ids, caseRandomization);
    PendingExchange only = new PendingExchange(overTcp.expected());
    return endedIfCancelled(loop, only, overTcp(loop, overTcp, only, System.nanoTime() + timeout.toNanos()));
  }

  /**
   * {@code sentOverUdp}'s question asked again over TCP after a truncated reply (RFC 7766 §5), by the
   * {@code deadline} (a {@link System#nanoTime} value) of the exchange that got it.
   */
  CompletableFuture<Message> overTcp(OutgoingQuery sentOverUdp, long deadline) {
    if (closed) {
      return CompletableFuture.failedFuture(LoopExchanges.closedError());
    }
    OutgoingQuery overTcp = sentOverUdp.again(ids);
    LoopExchanges loop = currentOrNextLoop();
    PendingExchange pending = new PendingExchange(overTcp.expected());
    return endedIfCancelled(loop, pending, overTcp(loop, overTcp, pending, deadline));
  }

  /**
   * {@code overTcp} asked after a truncated reply to {@code overUdp} on {@code loop}, the loop that
   * got it, unless the resolver gave the question up meanwhile.
   */
  private CompletableFuture<Message> askAgainOverTcp(LoopExchanges loop, OutgoingQuery overTcp, long deadline,
      PendingExchange overUdp) {
    PendingExchange again = new PendingExchange(overTcp.expected());
    return overUdp.goesOnIn(again) ? overTcp(loop, overTcp, again, deadline)
        : CompletableFuture.failedFuture(new CancellationException("the resolver gave up the question to "
            + again.server()));
  }

  private CompletableFuture<Message> overTcp(LoopExchanges loop, OutgoingQuery overTcp, PendingExchange pending,
      long deadline) {
    metrics.tcpQuery();
    return loop.overTcp(pending, overTcp.wire(), Math.max(1, deadline - System.nanoTime()))
        .thenCompose(full -> whole(overTcp.expected().server(), full));
  }

  /**
   * A reply over TCP with TC set: the server could not send the whole reply even there (RFC 7766
   * §5), so whatever it holds the exchange failed; taken as complete, an empty truncated answer
   * would pass for NODATA.
   */
  private static CompletableFuture<Message> whole(InetSocketAddress server, Message overTcp) {
    return overTcp.getHeader().getFlag(Flags.TC)
        ? CompletableFuture.failedFuture(new IOException(server + " sent a truncated reply (TC=1) over TCP"))
        : CompletableFuture.completedFuture(overTcp);
  }

  private LoopExchanges currentOrNextLoop() {
    for (LoopExchanges loop : loops) {
      if (loop.isCurrentThread()) {
        return loop;
      }
    }
    LoopExchanges callers = callersLoop();
    return callers != null ? callers : loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
  }

  /**
   * The exchanges of the calling thread's event loop when it is one of another Netty group, of
   * NIO or of epoll; null for any other thread.
   */
  private LoopExchanges callersLoop() {
    if (!(ThreadExecutorMap.currentExecutor() instanceof IoEventLoop loop)) {
      return null;
    }
    LoopExchanges exchanges = callerLoops.get(loop);
    if (exchanges != null) {
      return exchanges;
    }
    LoopKind kind = LoopKind.of(loop);
    return kind == null ? null : addCallersLoop(loop, kind);
  }

  /**
   * The tasks of the calling thread's event loop, any of Netty's: a task given there runs once the
   * loop is done with the sockets it found ready, or at once if the loop has shut down meanwhile.
   * Null for any other thread.
   */
  static Executor callersLoopTasks() {
    if (!(ThreadExecutorMap.currentExecutor() instanceof EventLoop loop)) {
      return null;
    }
    return task -> execute(loop, task);
  }

  /**
   * As {@link #callersLoopTasks}, for work nobody waits for: on a loop that runs unhurried work
   * ({@link SpinWindows#whenNoReplyDue}), a task given on the loop's thread runs once no reply is
   * due there, before the loop sleeps, or once it has waited {@link SpinWindows#UNHURRIED_NANOS};
   * else as a task.
   */
  static Executor callersUnhurriedTasks() {
    if (!(ThreadExecutorMap.currentExecutor() instanceof EventLoop loop)) {
      return null;
    }
    SpinWindows windows = SpinWindows.ofCurrentThread();
    if (!windows.runsUnhurriedWork()) {
      return task -> execute(loop, task);
    }
    return task -> {
      if (loop.inEventLoop() && !loop.isShuttingDown()) {
        windows.whenNoReplyDue(task);
      } else { // completed elsewhere (a cancellation), or the loop is ending: its tasks still run
        execute(loop, task);
      }
    };
  }

  private static void execute(EventLoop loop, Runnable task) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException shutDown) {
      task.run();
    }
  }

  /** A caller's loop seen for the first time; once closed, a closed one, which refuses exchanges. */
  private synchronized LoopExchanges addCallersLoop(IoEventLoop loop, LoopKind kind) {
    LoopExchanges exchanges = new LoopExchanges(loop, kind);
    if (closed) {
      exchanges.close();
      return exchanges;
    }
    LoopExchanges known = callerLoops.putIfAbsent(loop, exchanges);
    if (known != null) {
      return known;
    }
    // a loop shut down under its exchanges drops their timers: end them, and forget the loop
    loop.terminationFuture().addListener(ended -> {
      callerLoops.remove(loop);
      exchanges.loopEnded();
    });
    return exchanges;
  }

  /** The UDP channels opened ahead on the transport's own loops (for the tests). */
  List<SpareChannels.Census> spares() {
    List<SpareChannels.Census> spares = new ArrayList<>();
    for (LoopExchanges loop : loops) {
      spares.add(loop.spares());
    }
    return spares;
  }

  /** The exchanges in flight on each of the transport's own loops (for the tests). */
  List<Integer> inFlight() {
    List<Integer> inFlight = new ArrayList<>();
    for (LoopExchanges loop : loops) {
      inFlight.add(loop.inFlight());
    }
    return inFlight;
  }

  /** The spin windows open on each of the transport's own loops (for the tests). */
  List<Integer> openSpinWindows() {
    List<Integer> open = new ArrayList<>();
    for (LoopExchanges loop : loops) {
      open.add(loop.openSpinWindows());
    }
    return open;
  }

  /**
   * Ends every exchange in flight (also those on callers' loops), stops the transport's own event
   * loops and waits for their threads to exit.
   * Called from one of those threads (a callback on a resolution's future closing the resolver),
   * it cannot wait for itself: it stops the loops and returns, and they exit once it is done.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (LoopExchanges loop : loops) {
      loop.close();
    }
    callerLoops.values().forEach(LoopExchanges::close);
    Future<?> terminated = group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    if (eventLoopThreads.contains(Thread.currentThread())) {
      return;
    }
    terminated.syncUninterruptibly();
    // Netty reports termination from inside the loop thread, just before it exits: wait for the
    // exit itself, so that "closed" means no thread of ours is left running.
    for (Thread thread : eventLoopThreads) {
      joinUninterruptibly(thread);
    }
  }

  static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
