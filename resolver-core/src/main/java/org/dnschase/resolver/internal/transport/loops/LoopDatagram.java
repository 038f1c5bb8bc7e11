package org.dnschase.resolver.internal.transport.loops;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandle;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking datagram socket registered on one event loop of its {@link LoopKind}, without a
 * Netty channel: what the resolver's upstream UDP exchanges and the server's UDP listeners are
 * written against, whatever the loop is made of. The buffers it reads into and sends from are
 * direct ones (the native transport reads and writes their memory in place); each call moves the
 * buffer's position past what it read or sent. Everything but its
 * {@linkplain LoopKind#openDatagram opening} runs on its loop.
 */
public abstract sealed class LoopDatagram implements IoHandle permits NioDatagram, EpollDatagram {
  private static final Logger log = LoggerFactory.getLogger(LoopDatagram.class);

  /**
   * What the loop tells the socket's owner. An unexpected exception it throws is logged and goes
   * no further: handed to the loop, it would hold up every socket and task on that loop for a
   * second (Netty's answer to an exception in its loop).
   */
  public interface Ready {
    /**
     * The socket has datagrams to read ({@code readable}, which includes an error waiting to be
     * read) or room to send ({@code writable}, when asked for with {@link #alsoWhenWritable}).
     *
     * @param readable whether there is something to read
     * @param writable whether there is room to send
     */
    void ready(boolean readable, boolean writable);
  }

  /** The registration, once asked for: done when the loop has registered the socket. */
  private Future<IoRegistration> registered;
  private Ready ready;

  LoopDatagram() {}

  /**
   * Registers the socket on {@code loop}, with no interest yet, telling {@code ready} of it from
   * then on; on the loop's own thread it is done when this returns.
   *
   * @param loop a loop of this socket's kind
   * @param ready what is told when the socket is ready
   * @return done once registered, or failed
   */
  public final Future<IoRegistration> register(IoEventLoop loop, Ready ready) {
    this.ready = ready;
    registered = loop.register(this);
    return registered;
  }

  /** {@return whether the socket is registered on its loop} */
  public final boolean isRegistered() {
    return registration() != null;
  }

  private IoRegistration registration() {
    return registered != null && registered.isSuccess() ? registered.getNow() : null;
  }

  /**
   * Asks the loop to tell of datagrams to read and, if {@code writable} too, of room to send;
   * once registered.
   *
   * @param writable whether room to send is waited for too
   */
  public final void alsoWhenWritable(boolean writable) {
    registration().submit(writable ? readAndWriteOps() : readOps());
  }

  final void ready(boolean readable, boolean writable) {
    try {
      ready.ready(readable, writable);
    } catch (RuntimeException fault) {
      // Netty's loop, handed it, drops the rest of the events of its wake-up and sleeps a second:
      // every socket and task on that loop, the server's listeners and upstream exchanges, held up
      log.warn("a datagram socket's owner failed on its event loop: {}", fault.toString(), fault);
    }
  }

  /**
   * Connects the socket to {@code server}: the kernel binds it to a random free port if it is not
   * bound yet, and hands it only that server's datagrams from then on.
   *
   * @param server the address and port to connect to
   * @throws IOException if it cannot be connected
   */
  public abstract void connect(InetSocketAddress server) throws IOException;

  /**
   * Binds the socket to {@code address}.
   *
   * @param address where to bind
   * @param reusePort whether other sockets may share the address and port (SO_REUSEPORT)
   * @throws IOException if it cannot be bound
   */
  public abstract void bind(InetSocketAddress address, boolean reusePort) throws IOException;

  /**
   * Lets sockets bound after this one with SO_REUSEPORT share its address and port. Bound without
   * it first, the socket found them free of any other socket's.
   *
   * @throws IOException if the socket cannot be told
   */
  public abstract void sharePort() throws IOException;

  /**
   * Reads one datagram of the connected server into {@code buffer}.
   *
   * @param buffer a direct buffer
   * @return the datagram's length, 0 if none waits (or it was empty)
   * @throws PortUnreachableException if the server's port was reported unreachable
   * @throws IOException if it could not be read
   */
  public abstract int read(ByteBuffer buffer) throws IOException;

  /**
   * Sends {@code buffer}'s remaining bytes, as one datagram, to the connected server.
   *
   * @param buffer a direct buffer
   * @return the bytes sent, 0 if the send buffer has no room
   * @throws IOException if it could not be sent
   */
  public abstract int write(ByteBuffer buffer) throws IOException;

  /**
   * Reads one datagram into {@code buffer}.
   *
   * @param buffer a direct buffer
   * @return its sender, null if none waits
   * @throws IOException if it could not be read
   */
  public abstract InetSocketAddress receive(ByteBuffer buffer) throws IOException;

  /**
   * Sends {@code buffer}'s remaining bytes, as one datagram, to {@code to}.
   *
   * @param buffer a direct buffer
   * @param to where to
   * @return the bytes sent, 0 if the send buffer has no room
   * @throws IOException if it could not be sent
   */
  public abstract int send(ByteBuffer buffer, InetSocketAddress to) throws IOException;

  /**
   * Empties {@code batch} and reads into it the datagrams waiting, as many as it holds: here one
   * system call per datagram; epoll's socket reads them in one where it can ({@code recvmmsg}),
   * offering fewer slots after calls that read few, so part of a burst may wait for the next read.
   * A datagram longer than a slot arrives cut. An error after some datagrams were read ends the
   * read with those, and waits for the next.
   *
   * @param batch where the datagrams go, with their senders
   * @return the datagrams read, 0 if none waits
   * @throws IOException if nothing could be read
   */
  public int receive(DatagramBatch batch) throws IOException {
    batch.clear();
    while (batch.size() < batch.capacity()) {
      ByteBuffer slot = batch.emptySlot(batch.size());
      InetSocketAddress sender;
      try {
        sender = receive(slot);
      } catch (IOException e) {
        if (batch.size() == 0) {
          throw e;
        }
        break;
      }
      if (sender == null) {
        break;
      }
      batch.received(slot.position(), sender);
    }
    return batch.size();
  }

  /**
   * Sends {@code batch}'s datagrams from the one at {@code first} on, in order, as long as the
   * send buffer takes them: here one system call per datagram; epoll's socket sends them in one
   * where it can ({@code sendmmsg}). As {@code sendmmsg} does, a datagram that fails after others
   * left ends the call with those, and fails on the next.
   *
   * @param batch the datagrams, with where each goes
   * @param first the first to send
   * @return how many left, from {@code first} on: fewer than were there when the send buffer is full
   * @throws IOException if the datagram at {@code first} could not be sent
   */
  public int send(DatagramBatch batch, int first) throws IOException {
    for (int i = first; i < batch.size(); i++) {
      try {
        if (send(batch.fullSlot(i), batch.peer(i)) == 0) {
          return i - first;
        }
      } catch (IOException e) {
        if (i == first) {
          throw e;
        }
        return i - first;
      }
    }
    return batch.size() - first;
  }

  /**
   * {@return the address the socket is bound to; port 0 before it is}
   *
   * @throws IOException if it is closed
   */
  public abstract InetSocketAddress localAddress() throws IOException;

  abstract IoOps readOps();

  abstract IoOps readAndWriteOps();

  /**
   * Closes the socket and ends its registration, from any thread, also once the loop has ended;
   * also called by the loop when it shuts down. Closed first: the kernel takes a closed descriptor
   * out of the epoll set itself, and Netty's registration then leaves out its own {@code
   * epoll_ctl} to do so, one system call fewer per upstream exchange (NIO's selector drops a
   * closed channel's key either way).
   */
  public final void close() {
    IoRegistration registration = registration();
    try {
      closeSocket();
    } catch (IOException ignored) {
      // a datagram socket has nothing left to send or to read
    }
    if (registration != null) {
      try {
        registration.cancel();
      } catch (RejectedExecutionException loopEnded) {
        // epoll's registration cancels on its loop, which has ended and taken its registrations along
      }
    }
  }

  abstract void closeSocket() throws IOException;
}
