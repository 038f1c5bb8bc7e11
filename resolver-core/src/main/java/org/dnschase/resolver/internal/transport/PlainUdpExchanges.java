package org.dnschase.resolver.internal.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.dnschase.resolver.internal.Timings;
import org.xbill.DNS.Message;

/**
 * UDP exchanges over the JDK's own datagram sockets, each on a short-lived thread of its own:
 * what {@link DefaultTransport} sends before it starts Netty. Only the first {@link #QUERIES}
 * queries go so, at most {@link #MAX_IN_FLIGHT} at once: a thread per exchange is cheap for a
 * resolver's first resolutions, not for its steady load. The same rules as on the event loops:
 * a fresh socket on a random port per query (RFC 5452 §9.2), only datagrams from the server's
 * address and port considered, and of those only the one {@link ExpectedReply} accepts; the rest
 * are dropped and the exchange keeps waiting until its timeout. A future cancelled (the resolver
 * gave the question up) closes its socket at once, which ends the exchange and its thread; a reply
 * that comes after finds the port closed.
 */
final class PlainUdpExchanges {

  /** Every datagram is read whole, as on the event loops (RFC 768's 16-bit length). */
  private static final int MAX_DATAGRAM = 65_535;
  /**
   * 32 queries: a resolution from the root with a cold cache takes about ten (priming, one
   * referral per zone cut, an alias's target, the name servers' own addresses when glueless).
   */
  static final int QUERIES = 32;
  /** 8 exchanges at once: a burst of first questions beyond it waits for Netty. */
  static final int MAX_IN_FLIGHT = 8;
  static final String THREAD_NAME = "dnschase-transport-first";

  private final Set<DatagramSocket> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  /** Queries sent and exchanges in flight; guarded by this. */
  private int sent;
  private int inFlight;
  private volatile boolean closed;

  /**
   * Whether one more query may go over a plain socket; if so it is counted, and {@link #overUdp}
   * must follow.
   */
  synchronized boolean reserve() {
    if (sent >= QUERIES || inFlight >= MAX_IN_FLIGHT) {
      return false;
    }
    sent++;
    inFlight++;
    return true;
  }

  private synchronized void release() {
    inFlight--;
  }

  /**
   * Sends {@code query} in one datagram from a fresh port and completes with the matching reply;
   * for a query {@link #reserve} let through. Past {@code timeoutNanos} the socket listens {@code
   * listenNanos} more for a late reply (0: not at all, {@link StillListening}), holding its place
   * among those in flight until then.
   */
  CompletableFuture<Message> overUdp(OutgoingQuery query, long timeoutNanos, long listenNanos) {
    DatagramSocket socket;
    try {
      socket = open();
    } catch (IOException e) {
      release();
      return CompletableFuture.failedFuture(closed ? LoopExchanges.closedError()
          : new IOException("cannot reach " + query.expected().server() + ": " + e.getMessage(), e));
    }
    CompletableFuture<Message> result = closedIfCancelled(new CompletableFuture<>(), socket);
    Thread thread = new Thread(() -> {
      try {
        exchange(socket, query, timeoutNanos, listenNanos, result);
      } finally {
        threads.remove(Thread.currentThread());
      }
    }, THREAD_NAME);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
    return result;
  }

  /** {@code reply}, whose cancellation (the resolver gave the question up) closes {@code socket}, ending its receive at once. */
  private static CompletableFuture<Message> closedIfCancelled(CompletableFuture<Message> reply, DatagramSocket socket) {
    reply.whenComplete((message, error) -> {
      if (error instanceof CancellationException) {
        socket.close();
      }
    });
    return reply;
  }

  /**
   * A fresh socket on a random port, known to {@link #close} before it is checked: so close()
   * either sees it or was seen here.
   *
   * @throws IOException if it cannot be opened, or the exchanges are closed
   */
  private DatagramSocket open() throws IOException {
    DatagramSocket socket = new DatagramSocket();
    open.add(socket);
    if (closed) {
      open.remove(socket);
      socket.close();
      throw new IOException("closed");
    }
    return socket;
  }

  /**
   * Completes {@code result} with the reply, or the failure; when the wait runs out and the socket
   * may listen on, with the late reply's future ({@link StillListening}), which this thread then
   * completes. The socket is closed before the last future completes and the resolver's next step
   * runs on this thread.
   */
  private void exchange(DatagramSocket opened, OutgoingQuery query, long timeoutNanos, long listenNanos,
      CompletableFuture<Message> result) {
    ExpectedReply expected = query.expected();
    CompletableFuture<Message> waiting = result;
    Object outcome;
    try (DatagramSocket socket = opened) {
      try {
        long sentNanos = System.nanoTime();
        socket.send(new DatagramPacket(query.wire(), query.wire().length, expected.server()));
        outcome = receive(socket, expected, sentNanos, timeoutNanos);
        if (outcome instanceof TimeoutException timedOut && listenNanos > 0) {
          waiting = closedIfCancelled(new CompletableFuture<>(), socket);
          result.completeExceptionally(new StillListening(timedOut, waiting));
          outcome = receive(socket, expected, sentNanos, timeoutNanos + listenNanos);
        }
      } finally {
        open.remove(socket);
      }
    } catch (MalformedReplyException e) {
      outcome = e;
    } catch (IOException | RuntimeException e) {
      outcome = closed ? LoopExchanges.closedError()
          : new IOException("cannot reach " + expected.server() + ": " + e.getMessage(), e);
    }
    release();
    complete(waiting, outcome);
  }

  /** The reply, or the timeout once {@code timeoutNanos} from {@code sentNanos} have passed without it. */
  private static Object receive(DatagramSocket socket, ExpectedReply expected, long sentNanos, long timeoutNanos)
      throws IOException {
    long deadline = sentNanos + timeoutNanos;
    byte[] buffer = new byte[MAX_DATAGRAM];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
      socket.setSoTimeout(Timings.socketMillis(left));
      packet.setLength(buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException waitedOut) {
        break;
      }
      if (expected.server().equals(packet.getSocketAddress())) {
        Message reply = expected.match(ByteBuffer.wrap(buffer, 0, packet.getLength()));
        if (reply != null) {
          return reply;
        }
      }
    }
    return expected.timedOut(timeoutNanos);
  }

  private static void complete(CompletableFuture<Message> result, Object outcome) {
    if (outcome instanceof Message reply) {
      result.complete(reply);
    } else {
      result.completeExceptionally((Throwable) outcome);
    }
  }

  /** The exchanges in flight (for the tests). */
  synchronized int inFlight() {
    return inFlight;
  }

  /**
   * Ends every exchange in flight (closing its socket fails it) and refuses new ones, then waits
   * for their threads to end. Called from one of them (a callback closing the resolver), it cannot
   * wait for itself, nor for the others, which may be closing too: it returns, and they end once
   * their callbacks are done.
   */
  void close() {
    closed = true;
    for (DatagramSocket socket : open) {
      socket.close();
    }
    if (threads.contains(Thread.currentThread())) {
      return;
    }
    for (Thread thread : threads) {
      NettyTransport.joinUninterruptibly(thread);
    }
  }

}
