package org.dnschase.resolver.internal.transport;

import io.netty.channel.IoEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * UDP channels one event loop opens ahead of its queries, so that the socket's set-up (the
 * {@code socket}, {@code bind} and local address calls, the JDK's channel and its registration
 * on the loop) is not between the resolver's decision to ask and the query's {@code sendto}: after
 * a query takes one, a task on the loop opens its replacement, which runs once the step that asked
 * is done, while the loop waits for the server. Each spare is bound to a fresh random port chosen
 * by the kernel and carries exactly one query, as a channel opened for it would (RFC 5452 §9.2);
 * it is connected to its server only then, which drops whatever reached the port before
 * ({@link UdpExchange}). At most {@link #PER_FAMILY} wait per address family, and only for a
 * family the loop has asked over: a loop that asks nothing opens nothing, and its first query
 * opens its own channel. A spare older than {@link #MAX_AGE_NANOS} is closed, by a timer when
 * the loop idles, and never used: a port that waits unconnected can be found by a scan, so it must
 * not wait long for the query whose source it will be. Everything here runs on the loop, but
 * {@link #close} once the loop has ended.
 */
final class SpareChannels {

  /** Two per family: a step that asks two servers at once finds both ready. */
  static final int PER_FAMILY = 2;
  /**
   * One second: a loop asked upstream at least once a second always finds a spare, and a scan for
   * the open port gets little done meanwhile. A bound port that is not connected tells itself
   * apart by the ICMP port-unreachable it does not send, to probes from any address (a connected
   * one only to probes forged from its server's); SAD DNS (CVE-2020-25705) read that through the
   * kernel's global ICMP rate limit at about 1,000 ports a second, of the 28,232 ephemeral ones.
   */
  static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final IoEventLoop loop;
  private final Supplier<ByteBuffer> replies;
  private final long maxAgeNanos;
  /** Spares by family, oldest first. */
  private final ArrayDeque<UdpExchange> inet = new ArrayDeque<>();
  private final ArrayDeque<UdpExchange> inet6 = new ArrayDeque<>();
  /** Whether a query went over the family: only those get spares. */
  private boolean inetAsked;
  private boolean inet6Asked;
  private boolean refillQueued;
  private ScheduledFuture<?> expiry;
  private boolean closed;

  SpareChannels(IoEventLoop loop, Supplier<ByteBuffer> replies, long maxAgeNanos) {
    this.loop = loop;
    this.replies = replies;
    this.maxAgeNanos = maxAgeNanos;
  }

  /**
   * A channel for one query to a server of {@code family}, registered on the loop: a spare if one
   * is young enough, else one opened now; its replacement is opened after the caller's step.
   */
  UdpExchange take(ProtocolFamily family) throws IOException {
    ArrayDeque<UdpExchange> spares = sparesOf(family);
    if (family == StandardProtocolFamily.INET6) {
      inet6Asked = true;
    } else {
      inetAsked = true;
    }
    refillAfterThisStep();
    long now = System.nanoTime();
    for (UdpExchange spare; (spare = spares.pollFirst()) != null; ) {
      if (now - spare.openedAt() < maxAgeNanos) {
        return spare;
      }
      spare.close(); // its timer is late: the loop is busy, and this one past its age
    }
    return UdpExchange.open(family, replies.get(), false);
  }

  private ArrayDeque<UdpExchange> sparesOf(ProtocolFamily family) {
    return family == StandardProtocolFamily.INET6 ? inet6 : inet;
  }

  private void refillAfterThisStep() {
    if (refillQueued || closed) {
      return;
    }
    refillQueued = true;
    try {
      loop.execute(this::refill);
    } catch (RejectedExecutionException shutDown) {
      refillQueued = false;
    }
  }

  private void refill() {
    refillQueued = false;
    if (closed) {
      return;
    }
    if (inetAsked) {
      refill(inet, StandardProtocolFamily.INET);
    }
    if (inet6Asked) {
      refill(inet6, StandardProtocolFamily.INET6);
    }
    expireLater();
  }

  private void refill(ArrayDeque<UdpExchange> spares, ProtocolFamily family) {
    while (spares.size() < PER_FAMILY) {
      UdpExchange spare;
      try {
        spare = UdpExchange.open(family, replies.get(), true);
      } catch (IOException | RuntimeException noSocket) {
        return; // out of descriptors, say: the next query opens its own and reports why it could not
      }
      if (!spare.registerAhead(loop)) {
        return;
      }
      spares.addLast(spare);
    }
  }

  /** Arms the timer for the oldest spare's age limit, unless one is armed or none waits. */
  private void expireLater() {
    UdpExchange oldest = oldest();
    if (expiry != null || oldest == null) {
      return;
    }
    long left = oldest.openedAt() + maxAgeNanos - System.nanoTime();
    expiry = loop.schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
  }

  private void expire() {
    expiry = null;
    long now = System.nanoTime();
    for (ArrayDeque<UdpExchange> spares : List.of(inet, inet6)) {
      while (!spares.isEmpty() && now - spares.peekFirst().openedAt() >= maxAgeNanos) {
        spares.pollFirst().close();
      }
    }
    expireLater();
  }

  private UdpExchange oldest() {
    UdpExchange first = inet.peekFirst();
    UdpExchange second = inet6.peekFirst();
    if (first == null || second == null) {
      return first != null ? first : second;
    }
    return first.openedAt() - second.openedAt() <= 0 ? first : second;
  }

  /** The ports of the spares waiting, oldest first (tests send to them). */
  List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (UdpExchange spare : inet) {
      ports.add(spare.localPort());
    }
    for (UdpExchange spare : inet6) {
      ports.add(spare.localPort());
    }
    return ports;
  }

  /** Closes every spare and opens no more. */
  void close() {
    closed = true;
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
    for (ArrayDeque<UdpExchange> spares : List.of(inet, inet6)) {
      for (UdpExchange spare; (spare = spares.pollFirst()) != null; ) {
        spare.close();
      }
    }
  }
}
