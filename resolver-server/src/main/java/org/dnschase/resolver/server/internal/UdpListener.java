package org.dnschase.resolver.server.internal;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import org.dnschase.resolver.internal.transport.loops.DatagramBatch;
import org.dnschase.resolver.internal.transport.loops.LoopDatagram;
import org.dnschase.resolver.internal.transport.loops.LoopKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP socket of the server: each datagram is one request, each answer one datagram back to its
 * sender, in the room the request's EDNS payload size gives it (TC set when it does not fit). The
 * socket is a {@link LoopDatagram} of the loop's kind registered on one event loop of the server's
 * group (Netty 4.2's {@link IoEventLoop#register}), which reads it, asks {@link QueryHandler} and writes the answers,
 * with one {@link DatagramBatch} for the requests and one for the answers: no Netty channel,
 * pipeline, buffer, packet or promise per datagram, which took two fifths of the serving thread's
 * time outside the kernel on the race's warm mix (perf; the sampled stack traces of Netty's buffer
 * leak detection included). Every datagram waiting when the loop wakes is read in that wake-up, up
 * to a batch ({@link Listeners#UDP_READ_BATCH}), as Unbound's worker reads what its socket holds:
 * on epoll in one system call ({@code recvmmsg}), on NIO one per datagram.
 *
 * <p>The answers of a read leave together after it, as Netty's channel flushed them (on epoll in
 * one {@code sendmmsg}): sent one by one as they were found, the warm mix cost more CPU per query.
 * An answer that the socket's send buffer has no room for waits in a bounded queue, sent as the
 * buffer drains; beyond {@link #MAX_UNSENT} answers waiting, one more is dropped, as a full send
 * buffer drops it at Unbound, and the client asks again. A send that fails is logged, and the
 * answers after it go on.
 */
final class UdpListener implements LoopDatagram.Ready {
  private static final Logger log = LoggerFactory.getLogger(UdpListener.class);

  /** The most answers waiting for room in the socket's send buffer. */
  static final int MAX_UNSENT = 1024;

  private record Unsent(byte[] answer, InetSocketAddress client) {}

  private final LoopDatagram socket;
  private final IoEventLoop loop;
  private final QueryHandler queries;
  private final InFlight inFlight;
  /** The requests read, and the answers written, a batch at a time: the loop's alone. */
  private final DatagramBatch requests = new DatagramBatch(Listeners.UDP_READ_BATCH, Listeners.REQUEST_READ);
  private final DatagramBatch answers = new DatagramBatch(Listeners.UDP_READ_BATCH, RequestDecoder.MAX_UDP_PAYLOAD);
  private final ArrayDeque<Unsent> unsent = new ArrayDeque<>();
  /** Whether the loop also waits for room in the send buffer, answers being queued; the loop's alone. */
  private boolean waitingForRoom;
  /** The wake-ups that read requests, for the tests of batching; the loop's alone. */
  private long readWakeUps;

  private UdpListener(LoopDatagram socket, IoEventLoop loop, QueryHandler queries, InFlight inFlight) {
    this.socket = socket;
    this.loop = loop;
    this.queries = queries;
    this.inFlight = inFlight;
  }

  /**
   * A UDP socket bound to {@code address}, read on {@code loop}.
   *
   * @param kind what the loop is made of
   * @param loop the event loop that serves it
   * @param address where to bind
   * @param reusePort whether other sockets may share the address and port (SO_REUSEPORT)
   * @param queries what answers the requests
   * @param inFlight where answers on their way are tracked
   * @return the listener, reading
   * @throws IOException if the address cannot be bound or the socket registered
   */
  static UdpListener open(LoopKind kind, IoEventLoop loop, InetSocketAddress address, boolean reusePort,
      QueryHandler queries, InFlight inFlight) throws IOException {
    LoopDatagram socket = kind.openDatagram(
        address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    UdpListener listener = new UdpListener(socket, loop, queries, inFlight);
    try {
      socket.bind(address, reusePort);
      Future<IoRegistration> registered = socket.register(loop, listener).awaitUninterruptibly();
      if (!registered.isSuccess()) {
        throw new IOException("cannot register a UDP socket on its event loop: " + registered.cause(),
            registered.cause());
      }
      socket.alsoWhenWritable(false);
      return listener;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Lets sockets bound after this one with SO_REUSEPORT share its address and port.
   *
   * @throws IOException if the socket cannot be told
   */
  void sharePort() throws IOException {
    socket.sharePort();
  }

  /** {@return the address bound} */
  InetSocketAddress localAddress() throws IOException {
    return socket.localAddress();
  }

  @Override
  public void ready(boolean readable, boolean writable) {
    if (readable) {
      readWakeUps++;
      read();
    }
    flush();
  }

  /**
   * Reads and answers the datagrams waiting, up to a batch (the loop wakes again for the rest);
   * the answers at hand leave together after the batch, as the client is then still reading.
   */
  private void read() {
    int read;
    try {
      read = socket.receive(requests);
    } catch (IOException e) {
      log.warn("UDP listener {}: {}", boundOrClosed(), e.toString());
      return;
    }
    for (int i = 0; i < read; i++) {
      answer(requests.octets(i), requests.peer(i));
    }
  }

  private void answer(byte[] wire, InetSocketAddress client) {
    QueryHandler.Reply reply;
    try {
      reply = queries.handle(wire, client, false);
    } catch (RuntimeException e) {
      // one request's failure must not reach the event loop, which would drop the rest of the
      // batch and sleep a second (Netty's answer to an exception in its selector loop)
      log.warn("no answer to {}: {}", client, e.toString(), e);
      return;
    }
    if (reply == null) {
      return;
    }
    if (reply.now() != null) {
      queue(reply.now(), client);
      return;
    }
    inFlight.track(reply.later(), reply.later().send(answer -> sendOnTheLoop(answer, client)).exceptionally(error -> {
      log.warn("no answer to {}: {}", client, error.toString());
      return null;
    }));
  }

  /**
   * Sends an answer that came after its question, on the loop; drops it once the loop has ended,
   * which only a server stopped past its shutdown grace sees, and which it warned of once for all.
   */
  private void sendOnTheLoop(byte[] answer, InetSocketAddress client) {
    if (loop.inEventLoop()) {
      sendNow(answer, client);
      return;
    }
    try {
      loop.execute(() -> sendNow(answer, client));
    } catch (RejectedExecutionException stopped) {
      log.debug("no answer to {}: the listener has stopped", client);
    }
  }

  /** Sends {@code answer} to {@code client} with those waiting; on the loop. */
  void sendNow(byte[] answer, InetSocketAddress client) {
    queue(answer, client);
    flush();
  }

  /**
   * Queues an answer for the next {@link #flush}; beyond {@link #MAX_UNSENT} waiting, drops it, as
   * it does an answer that is empty or longer than any over UDP ({@link
   * RequestDecoder#MAX_UDP_PAYLOAD}): neither is ever made, but one queued would fail every flush
   * after it, and the answers behind it would wait for good.
   */
  private void queue(byte[] answer, InetSocketAddress client) {
    if (unsent.size() == MAX_UNSENT) {
      log.debug("no room for the answer to {}: {} answers wait for the send buffer", client, MAX_UNSENT);
      return;
    }
    if (answer.length == 0 || answer.length > RequestDecoder.MAX_UDP_PAYLOAD) {
      log.warn("no answer to {}: {} octets, which no UDP answer has", client, answer.length);
      return;
    }
    unsent.add(new Unsent(answer, client));
  }

  /**
   * Sends the answers waiting, a batch at a time, as long as the send buffer takes them; the rest
   * wait for room. An answer that fails is logged and dropped, and those after it go on.
   */
  private void flush() {
    while (!unsent.isEmpty()) {
      answers.clear();
      for (Unsent next : unsent) {
        if (!answers.add(next.answer(), next.client())) {
          break;
        }
      }
      int sent;
      try {
        sent = socket.send(answers, 0);
      } catch (IOException | RuntimeException e) {
        log.warn("UDP listener {}: no answer to {}: {}", boundOrClosed(), unsent.poll().client(), e.toString());
        continue;
      }
      for (int i = 0; i < sent; i++) {
        unsent.poll();
      }
      if (sent < answers.size()) {
        if (!waitingForRoom) {
          waitingForRoom = true;
          socket.alsoWhenWritable(true);
        }
        return;
      }
    }
    if (waitingForRoom) {
      waitingForRoom = false;
      socket.alsoWhenWritable(false);
    }
  }

  private Object boundOrClosed() {
    try {
      return socket.localAddress();
    } catch (IOException closed) {
      return "(closed)";
    }
  }

  /** {@return the wake-ups that read requests so far; read on the loop} */
  long readWakeUps() {
    return readWakeUps;
  }

  /** {@return the event loop that serves the socket} */
  IoEventLoop loop() {
    return loop;
  }

  /** Closes the socket on its loop and waits for it; at once when the loop has ended. */
  void closeOnItsLoop() {
    if (loop.inEventLoop()) {
      close();
      return;
    }
    try {
      loop.submit(this::close).awaitUninterruptibly();
    } catch (RejectedExecutionException ended) {
      close();
    }
  }

  /** Ends the socket's registration and closes it. */
  void close() {
    socket.close();
  }
}
