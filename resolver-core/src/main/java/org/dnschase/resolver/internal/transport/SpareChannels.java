package org.dnschase.resolver.internal.transport;

import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.dnschase.resolver.internal.transport.loops.LoopKind;

/**
 * UDP sockets one event loop opens ahead of its queries, so that the socket's creation (the
 * {@code socket} call and its options, its registration on the loop) is not
 * between the resolver's decision to ask and the query's {@code sendto}: after a query takes one,
 * a task on the loop opens its replacement, which runs once the step that asked is done, while the
 * loop waits for the server.
 *
 * <p>A spare is not bound: it has no port until its query connects it to its server, when the
 * kernel binds it to a fresh random port (RFC 5452 §9.2), so a port is open exactly as long as
 * without spares, from its query's connect to its close. Bound ahead, a port would wait
 * unconnected for its query, and such a port tells itself apart to a scan from any address by the
 * ICMP port-unreachable it does not send (SAD DNS, CVE-2020-25705, read that through the kernel's
 * global ICMP rate limit); an unbound spare holds a descriptor and nothing a scan can find, so it
 * may wait any time. At most {@link #PER_FAMILY} wait per address family, and only for a family
 * the loop has asked over: a loop that asks nothing opens nothing, and its first query opens its
 * own channel. Everything here runs on the loop, but {@link #close} once the loop has ended.
 */
final class SpareChannels {

  /** Two per family: a step that asks two servers at once finds both ready. */
  static final int PER_FAMILY = 2;

  /**
   * What waits, for the tests.
   *
   * @param ports the local port of each spare waiting (0: none, not bound yet)
   * @param taken the queries that took a spare so far
   */
  record Census(List<Integer> ports, long taken) {}

  private final IoEventLoop loop;
  private final LoopKind kind;
  private final Supplier<ByteBuffer> datagrams;
  private final ArrayDeque<UdpExchange> inet = new ArrayDeque<>();
  private final ArrayDeque<UdpExchange> inet6 = new ArrayDeque<>();
  /** Whether a query went over the family: only those get spares. */
  private boolean inetAsked;
  private boolean inet6Asked;
  private boolean refillQueued;
  private long taken;
  private boolean closed;

  SpareChannels(IoEventLoop loop, LoopKind kind, Supplier<ByteBuffer> datagrams) {
    this.loop = loop;
    this.kind = kind;
    this.datagrams = datagrams;
  }

  /**
   * A channel for one query to a server of {@code family}, registered on the loop: a spare if one
   * waits, else one opened now; its replacement is opened after the caller's step.
   */
  UdpExchange take(ProtocolFamily family) throws IOException {
    ArrayDeque<UdpExchange> spares;
    if (family == StandardProtocolFamily.INET6) {
      inet6Asked = true;
      spares = inet6;
    } else {
      inetAsked = true;
      spares = inet;
    }
    refillAfterThisStep();
    UdpExchange spare = spares.pollFirst();
    if (spare == null) {
      return UdpExchange.open(kind, family, datagrams.get());
    }
    taken++;
    return spare;
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
  }

  private void refill(ArrayDeque<UdpExchange> spares, ProtocolFamily family) {
    while (spares.size() < PER_FAMILY) {
      UdpExchange spare;
      try {
        spare = UdpExchange.open(kind, family, datagrams.get());
      } catch (IOException | RuntimeException noSocket) {
        return; // out of descriptors, say: the next query opens its own and reports why it could not
      }
      if (!spare.registerAhead(loop)) {
        return;
      }
      spares.addLast(spare);
    }
  }

  Census census() {
    List<Integer> ports = new ArrayList<>();
    for (ArrayDeque<UdpExchange> spares : List.of(inet, inet6)) {
      for (UdpExchange spare : spares) {
        ports.add(spare.localPort());
      }
    }
    return new Census(ports, taken);
  }

  /** Closes every spare and opens no more. */
  void close() {
    closed = true;
    for (ArrayDeque<UdpExchange> spares : List.of(inet, inet6)) {
      for (UdpExchange spare; (spare = spares.pollFirst()) != null; ) {
        spare.close();
      }
    }
  }
}
