package org.dnschase.resolver.internal.transport.loops;

import io.netty.channel.IoEvent;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.unix.DatagramSocketAddress;
import io.netty.channel.unix.Errors;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LoopDatagram} on an epoll loop: a socket of Netty's native transport, each call one
 * system call, the same as the JDK's ({@code recv} and {@code send} on a connected socket, {@code
 * recvfrom} and {@code sendto} on a listener), except a batch's: one {@code recvmmsg}, or one
 * {@code sendmmsg} for more than one datagram, where Netty's calls are within reach ({@link
 * MultipleMessages}), until such a call fails where one call per datagram does not. The loop
 * watches it level-triggered, as NIO's selector does.
 */
final class EpollDatagram extends LoopDatagram implements EpollIoHandle {
  private static final Logger log = LoggerFactory.getLogger(EpollDatagram.class);

  private static final EpollIoOps READ_AND_WRITE = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLOUT);

  private final LinuxSocket socket;
  /**
   * Many datagrams per system call, made at the first batch; null where Netty's calls are out of
   * reach, or once they failed where one call per datagram did not.
   */
  private BatchCalls batches;
  private boolean batchesTried;

  private EpollDatagram(LinuxSocket socket) {
    this.socket = socket;
  }

  /** Non-blocking from its creation (SOCK_NONBLOCK). */
  static EpollDatagram open(ProtocolFamily family) throws IOException {
    try {
      return new EpollDatagram(LinuxSocket.newSocketDgram(SocketProtocolFamily.of(family)));
    } catch (RuntimeException noSocket) {
      // Netty reports a failed socket() as a ChannelException
      throw new IOException("cannot open a datagram socket: " + noSocket.getMessage(), noSocket);
    }
  }

  @Override
  public void handle(IoRegistration registration, IoEvent event) {
    EpollIoOps ops = ((EpollIoEvent) event).ops();
    // an error waiting (an ICMP report) is cleared by reading it, or the loop would wake for it forever
    ready(ops.contains(EpollIoOps.EPOLLIN) || ops.contains(EpollIoOps.EPOLLERR), ops.contains(EpollIoOps.EPOLLOUT));
  }

  @Override
  public void connect(InetSocketAddress server) throws IOException {
    socket.connect(server);
  }

  @Override
  public void bind(InetSocketAddress address, boolean reusePort) throws IOException {
    if (reusePort) {
      socket.setReusePort(true);
    }
    socket.bind(address);
  }

  @Override
  public void sharePort() throws IOException {
    socket.setReusePort(true);
  }

  @Override
  public int read(ByteBuffer buffer) throws IOException {
    int read;
    try {
      read = socket.recv(buffer, buffer.position(), buffer.limit());
    } catch (Errors.NativeIoException e) {
      if (e.expectedErr() == Errors.ERROR_ECONNREFUSED_NEGATIVE) {
        throw new PortUnreachableException(e.getMessage());
      }
      throw e;
    }
    // Netty's -1 is an empty datagram
    return advance(buffer, Math.max(0, read));
  }

  @Override
  public int write(ByteBuffer buffer) throws IOException {
    return advance(buffer, socket.send(buffer, buffer.position(), buffer.limit()));
  }

  @Override
  public InetSocketAddress receive(ByteBuffer buffer) throws IOException {
    DatagramSocketAddress sender = socket.recvFrom(buffer, buffer.position(), buffer.limit());
    if (sender != null) {
      advance(buffer, sender.receivedAmount());
    }
    return sender;
  }

  @Override
  public int send(ByteBuffer buffer, InetSocketAddress to) throws IOException {
    return advance(buffer, socket.sendTo(buffer, buffer.position(), buffer.limit(), to.getAddress(), to.getPort()));
  }

  @Override
  public int receive(DatagramBatch batch) throws IOException {
    BatchCalls calls = batches();
    if (calls != null) {
      try {
        return calls.receive(batch);
      } catch (IOException | RuntimeException | LinkageError fault) {
        return afterBatchFault(fault, super.receive(batch));
      }
    }
    return super.receive(batch);
  }

  /**
   * {@inheritDoc} A lone datagram goes in one {@code sendto}, as an answer that ends a resolution
   * mostly leaves: through {@code sendmmsg} it waits for Netty's array of messages to be filled and
   * then read back field by field through JNI, which took over twice a {@code sendto}'s CPU before
   * the system call on the answers after cold resolutions.
   */
  @Override
  public int send(DatagramBatch batch, int first) throws IOException {
    BatchCalls calls = batch.size() - first > 1 ? batches() : null;
    if (calls != null) {
      try {
        return calls.send(batch, first);
      } catch (IOException | RuntimeException | LinkageError fault) {
        return afterBatchFault(fault, super.send(batch, first));
      }
    }
    return super.send(batch, first);
  }

  /**
   * The batch call failed where one call per datagram did not (that one threw otherwise, and the
   * fault was the socket's): the batch call is what fails, and would at each wake-up, so the
   * socket makes one call per datagram from now on, saying so once.
   *
   * @return {@code done}, what the calls per datagram did
   */
  private int afterBatchFault(Throwable fault, int done) {
    log.warn("UDP {}: one system call per datagram from now on, as the batch call failed: {}", socket,
        fault.toString(), fault);
    batches.release();
    batches = null;
    return done;
  }

  private BatchCalls batches() {
    if (!batchesTried) {
      batchesTried = true;
      batches = MultipleMessages.forSocket(socket);
    }
    return batches;
  }

  /** Makes the socket's batches with {@code calls} instead of Netty's, for the tests of their faults. */
  void batchCalls(BatchCalls calls) {
    batchesTried = true;
    batches = calls;
  }

  private static int advance(ByteBuffer buffer, int bytes) {
    buffer.position(buffer.position() + bytes);
    return bytes;
  }

  @Override
  public InetSocketAddress localAddress() throws IOException {
    return socket.localAddress();
  }

  @Override
  public FileDescriptor fd() {
    return socket;
  }

  @Override
  IoOps readOps() {
    return EpollIoOps.EPOLLIN;
  }

  @Override
  IoOps readAndWriteOps() {
    return READ_AND_WRITE;
  }

  @Override
  void closeSocket() throws IOException {
    if (batches != null) {
      batches.release();
    }
    socket.close();
  }
}
