package org.dnschase.resolver.internal.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.dnschase.resolver.internal.Timings;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.internal.transport.loops.SpinWindows;
import org.xbill.DNS.Message;

/**
 * The exchanges of one event loop: it opens their sockets on the loop (a UDP query's ahead of it,
 * {@link SpareChannels}) and keeps those still in flight, so that {@link #close} can end them. An
 * exchange started from the loop's own thread (the resolver's next query, run where the last reply
 * completed) is set up in place, without handing anything to another thread; the exchange set is
 * only ever touched by the loop.
 */
final class LoopExchanges {

  /** RFC 768's 16-bit length: every datagram is read whole, see {@link UdpExchange#open}. */
  private static final int MAX_DATAGRAM = 65_535;

  private final IoEventLoop loop;
  private final LoopKind kind;
  /**
   * Where this loop's UDP exchanges read their replies and send their queries from, one at a time
   * (a direct buffer, which the native transport needs); allocated with the first.
   */
  private ByteBuffer datagrams;
  /** The loop's spin windows, found on its thread with the first exchange. */
  private SpinWindows windows;
  private final Set<PendingExchange> inFlight = new HashSet<>();
  private final SpareChannels spares;
  private boolean closed;

  /** The exchanges of {@code loop}, a loop of {@code kind}. */
  LoopExchanges(IoEventLoop loop, LoopKind kind) {
    this.loop = loop;
    this.kind = kind;
    this.spares = new SpareChannels(loop, kind, this::datagrams);
  }

  boolean isCurrentThread() {
    return loop.inEventLoop();
  }

  /**
   * Sends {@code wire} in one datagram from a fresh port and completes with the matching reply, its
   * socket listening {@code listenNanos} past the timeout for a late one ({@link StillListening});
   * for {@code spinNanos} from the send (0: not at all) the loop polls for it rather than sleeping;
   * {@code unhurried} when nobody waits for it ({@link UdpExchange}).
   */
  CompletableFuture<Message> overUdp(PendingExchange pending, byte[] wire, long timeoutNanos, long listenNanos,
      long spinNanos, boolean unhurried) {
    onLoop(pending, () -> {
      UdpExchange exchange;
      try {
        exchange = spares.take(UdpExchange.familyOf(pending.server()));
      } catch (IOException noSocket) {
        pending.fail(new IOException("cannot open a socket for " + pending.server() + ": " + noSocket, noSocket));
        return;
      }
      exchange.start(loop, pending, wire, timeoutNanos, listenNanos, windows(), spinNanos, unhurried);
    });
    return pending.result();
  }

  /** Sends {@code wire} over a new TCP connection and completes with the matching reply. */
  CompletableFuture<Message> overTcp(PendingExchange pending, byte[] wire, long timeoutNanos) {
    onLoop(pending, () -> {
      Bootstrap bootstrap = new Bootstrap().group(loop).channel(kind.socketChannel())
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Timings.socketMillis(timeoutNanos))
          .handler(TcpReplyHandler.pipelineFor(pending));
      pending.sendOnceOpen(bootstrap.connect(pending.server()), Unpooled.wrappedBuffer(wire), timeoutNanos);
    });
    return pending.result();
  }

  /** Runs {@code start} on the loop once {@code pending} is tracked; fails it if the loop is closed. */
  private void onLoop(PendingExchange pending, Runnable start) {
    Runnable tracked = () -> {
      if (closed) {
        pending.fail(closedError());
        return;
      }
      inFlight.add(pending);
      pending.whenOver(() -> forget(pending));
      try {
        start.run();
      } catch (RuntimeException noSocket) {
        // e.g. Netty's ChannelException when the process is out of file descriptors for TCP
        pending.fail(new IOException("cannot open a socket for " + pending.server() + ": " + noSocket, noSocket));
      }
    };
    if (loop.inEventLoop()) {
      tracked.run();
      return;
    }
    try {
      loop.execute(tracked);
    } catch (RejectedExecutionException shutDown) {
      pending.fail(closedError());
    }
  }

  /**
   * Takes an ended exchange out of the set, on the loop: one cancelled by the resolver (its
   * {@link ReplyFuture} cancels the leg under way) ends on the cancelling thread, a deadline's
   * timer or another loop, and the set is the loop's alone. A loop that has shut down ended its
   * exchanges as it closed.
   */
  private void forget(PendingExchange pending) {
    if (loop.inEventLoop()) {
      inFlight.remove(pending);
      return;
    }
    try {
      loop.execute(() -> inFlight.remove(pending));
    } catch (RejectedExecutionException shutDown) {
      // closeAll iterates a copy of the set: nothing to take out
    }
  }

  /**
   * Ends {@code pending} at once, on the loop, and the exchange asking its question again after it
   * ({@link PendingExchange#abandon}): the resolver gave the question up. A loop that has shut down
   * ended them already.
   */
  void abandon(PendingExchange pending) {
    if (loop.inEventLoop()) {
      pending.abandon();
      return;
    }
    try {
      loop.execute(pending::abandon);
    } catch (RejectedExecutionException shutDown) {
      // its exchanges were ended as it closed
    }
  }

  private SpinWindows windows() {
    if (windows == null) {
      windows = SpinWindows.ofCurrentThread();
    }
    return windows;
  }

  private ByteBuffer datagrams() {
    if (datagrams == null) {
      datagrams = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    }
    return datagrams;
  }

  /** Ends every exchange still in flight and refuses new ones; returns once that is done. */
  void close() {
    if (loop.inEventLoop()) {
      closeAll();
      return;
    }
    try {
      loop.submit(() -> closeAll()).syncUninterruptibly();
    } catch (RejectedExecutionException alreadyShutDown) {
      // a loop that has stopped has nothing in flight
    }
  }

  /**
   * Once the loop has ended (a caller's loop shut down under its exchanges, dropping their timers):
   * ends those still in flight and refuses new ones. Its thread is gone, so this may run anywhere.
   */
  void loopEnded() {
    closeAll(new IOException("the event loop the exchange was asked on has shut down"));
  }

  private void closeAll() {
    closeAll(closedError());
  }

  /** The UDP channels opened ahead, read on the loop (for the tests). */
  SpareChannels.Census spares() {
    return loop.submit(spares::census).syncUninterruptibly().getNow();
  }

  /** The exchanges in flight on the loop, read on the loop (for the tests). */
  int inFlight() {
    return loop.submit(inFlight::size).syncUninterruptibly().getNow();
  }

  /** The spin windows open on the loop, read on the loop (for the tests). */
  int openSpinWindows() {
    return loop.submit(() -> windows().opened()).syncUninterruptibly().getNow();
  }

  private void closeAll(IOException error) {
    closed = true;
    spares.close();
    // failing one lets the resolver ask its next query at once, which is refused: iterate a copy
    for (PendingExchange pending : List.copyOf(inFlight)) {
      pending.fail(error);
    }
  }

  static IOException closedError() {
    return new IOException("the transport is closed");
  }
}
