package org.dnschase.resolver.internal.transport;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import org.dnschase.resolver.internal.transport.loops.LoopDatagram;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.dnschase.resolver.internal.transport.loops.SpinWindows;

/**
 * One query over UDP on a datagram socket of its own, registered on the event loop that asked it
 * ({@link LoopDatagram}, of the loop's kind): no Netty channel, pipeline or promise per query,
 * which cost about a third of an exchange's processor time. The socket may be opened ahead of its
 * query ({@link SpareChannels}), but it is bound only as it is connected to the server, before
 * anything is sent: to a fresh random port of the kernel's choice (RFC 5452 §9.2), from which the
 * kernel hands it only the server's datagrams (the address and port check of RFC 5452 §9.1). Of
 * the server's datagrams only the one {@link ExpectedReply} accepts ends the exchange, the rest
 * are dropped and it keeps waiting until its timeout, also when the server's port is reported
 * unreachable. Everything after its creation runs on the loop, and the socket is closed whichever
 * way the exchange ends; it carries one query only.
 *
 * <p>On a loop that runs unhurried work ({@link SpinWindows#whenNoReplyDue}), the reply to a query
 * nobody waits for (the root's priming beside a walk, a refresh) is read there, once no reply is
 * due, rather than as it lands: the read and parse of the priming's reply, which lands beside the
 * walk's, no longer hold up the walk's next reply. A reply left so is still read before the
 * exchange's timeout is decided. Its window is any query's until that reply lands: the loop polls
 * through it for whichever reply lands first, and the walk's first reply, which its server sends
 * after taking both queries in, often lands past the walk's own window but within the priming's.
 */
final class UdpExchange implements LoopDatagram.Ready {

  private final LoopDatagram socket;
  /**
   * The loop's buffer for reading datagrams and sending queries, shared by its exchanges: each
   * fills and empties it within one call on the loop.
   */
  private final ByteBuffer datagrams;
  /** The query and what it waits for; null while the socket is a spare, waiting for its query. */
  private PendingExchange pending;
  private byte[] query;
  /** The loop's spin windows, and how long this query's is (0: none). */
  private SpinWindows windows;
  private long spinNanos;
  /** Whether this query's window is open: from its send until the exchange ends. */
  private boolean spinning;
  /** Whether nobody waits for this query's reply: it is read once no reply is due on the loop. */
  private boolean unhurried;
  /** Whether a datagram waits unread for the loop's unhurried work. */
  private boolean readLeft;

  private UdpExchange(LoopDatagram socket, ByteBuffer datagrams) {
    this.socket = socket;
    this.datagrams = datagrams;
  }

  /**
   * A socket of {@code kind} for a query to a server of {@code family}, not yet connected nor
   * registered; {@code datagrams}, a direct buffer, holds the largest datagram (RFC 768's 16-bit
   * length), so that every reply is read whole, whatever size the query advertised (RFC 6891
   * §6.2.5) and whether the server kept to it. Not bound either: it has no port until {@link
   * #start} connects it.
   */
  static UdpExchange open(LoopKind kind, ProtocolFamily family, ByteBuffer datagrams) throws IOException {
    return new UdpExchange(kind.openDatagram(family), datagrams);
  }

  static ProtocolFamily familyOf(InetSocketAddress server) {
    return server.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
  }

  /** The port the socket is bound to, 0 before its query connects it. */
  int localPort() {
    try {
      return socket.localAddress().getPort();
    } catch (IOException closed) {
      return 0;
    }
  }

  /**
   * Registers the socket on {@code loop} ahead of its query, already waiting for datagrams: the
   * query then goes out without a change of interest (an {@code epoll_ctl} on the way). Unbound,
   * the socket can receive nothing until its query connects it. False if that failed.
   */
  boolean registerAhead(IoEventLoop loop) {
    // registration on the loop's own thread is done when register returns, one way or the other
    if (socket.register(loop, this).isSuccess()) {
      socket.alsoWhenWritable(false);
      return true;
    }
    close();
    return false;
  }

  /**
   * Sends {@code wire} to {@code pending}'s server and completes {@code pending} with the reply it
   * expects, or fails it after {@code timeoutNanos}, listening {@code listenNanos} more for a late
   * reply ({@link StillListening}); run on {@code loop}, which a spare is registered on already. For
   * {@code spinNanos} from the send (0: not at all), {@code windows}, the loop's, keep the loop
   * polling for the reply rather than sleeping; {@code unhurried} when nobody waits for the reply,
   * which is then read once no reply is due.
   */
  void start(IoEventLoop loop, PendingExchange pending, byte[] wire, long timeoutNanos, long listenNanos,
      SpinWindows windows, long spinNanos, boolean unhurried) {
    this.pending = pending;
    this.query = wire;
    this.windows = windows;
    this.unhurried = unhurried && windows.runsUnhurriedWork();
    this.spinNanos = spinNanos;
    pending.endsWithin(loop, timeoutNanos, listenNanos, this::readLeftOver, this::close);
    try {
      socket.connect(pending.server());
    } catch (IOException | RuntimeException unreachable) {
      failed("cannot reach", unreachable);
      return;
    }
    if (socket.isRegistered()) {
      send(); // a spare, waiting for datagrams already
      return;
    }
    Future<IoRegistration> registered = socket.register(loop, this);
    registered.addListener(done -> registered(registered));
  }

  private void registered(Future<IoRegistration> registered) {
    if (!registered.isSuccess()) {
      failed("cannot reach", registered.cause());
      return;
    }
    if (pending.result().isDone()) {
      // ended (closed or timed out) while registering: its close came before there was anything to cancel
      pending.fail(new IOException("the query to " + pending.server() + " was never sent"));
      close();
      return;
    }
    armed();
  }

  private void armed() {
    socket.alsoWhenWritable(false);
    send();
  }

  @Override
  public void ready(boolean readable, boolean writable) {
    if (writable) {
      socket.alsoWhenWritable(false);
      send();
    }
    if (readable) {
      if (unhurried) {
        leaveRead();
      } else {
        read();
      }
    }
  }

  /**
   * Leaves the waiting datagrams to the loop's unhurried work, once (the loop reports them until
   * read), and closes the query's window: what it polled for has landed.
   */
  private void leaveRead() {
    if (readLeft) {
      return;
    }
    readLeft = true;
    if (spinning) {
      spinning = false;
      windows.close();
    }
    windows.whenNoReplyDue(this::readLeftOver);
  }

  /** Reads what {@link #leaveRead} left, if it is still unread. */
  private void readLeftOver() {
    if (readLeft) {
      readLeft = false;
      read();
    }
  }

  /** Sends the query; a full send buffer (which a fresh socket hardly has) waits until it drains. */
  private void send() {
    datagrams.clear();
    datagrams.put(query).flip();
    try {
      if (socket.write(datagrams) == 0) {
        socket.alsoWhenWritable(true);
      } else if (spinNanos > 0) {
        windows.open(spinNanos);
        spinning = true;
      }
    } catch (IOException | RuntimeException e) {
      failed("cannot send to", e);
    }
  }

  /** Reads every datagram waiting, until one is the reply. */
  private void read() {
    while (pending != null && !pending.over()) {
      datagrams.clear();
      try {
        if (socket.read(datagrams) == 0) {
          return;
        }
      } catch (PortUnreachableException heardOfOnlyWhenConnected) {
        // As on an unconnected socket, which never hears of it: the exchange waits for its timeout,
        // which is what backs an unreachable server off, and ICMP is easier to forge than a reply.
        continue;
      } catch (IOException | RuntimeException e) {
        failed("cannot read from", e);
        return;
      }
      pending.offer(datagrams.flip());
    }
  }

  private void failed(String what, Throwable cause) {
    pending.fail(new IOException(what + " " + pending.server() + ": " + cause.getMessage(), cause));
  }

  /** Ends the socket's registration and closes it, and the query's spin window if it is open. */
  void close() {
    if (spinning) {
      spinning = false;
      windows.close();
    }
    socket.close();
  }
}
