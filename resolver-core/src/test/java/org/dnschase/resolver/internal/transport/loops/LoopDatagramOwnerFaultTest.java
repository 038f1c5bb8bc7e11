package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a socket's owner throws on the event loop stays with that socket. */
class LoopDatagramOwnerFaultTest {

  /** Netty's loop sleeps a second after an exception reaches it; anything well below tells it did not. */
  private static final long NO_SLEEP_MILLIS = 500;

  @ParameterizedTest
  @EnumSource(LoopKind.class)
  @DisplayName("an owner's unexpected exception is logged, not handed to the event loop, which would sleep a "
      + "second and hold up every socket and task on it: the datagram left waiting is read at the next wake-up")
  void ownerFault_doesNotPutTheLoopToSleep(LoopKind kind) throws Exception {
    assumeTrue(kind != LoopKind.EPOLL || Epoll.isAvailable(), "no epoll here");
    MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, kind.handlerFactory());
    LoopDatagram socket = kind.openDatagram(StandardProtocolFamily.INET);
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false);
      AtomicInteger calls = new AtomicInteger();
      AtomicLong faultedAt = new AtomicLong();
      AtomicLong readAt = new AtomicLong();
      CountDownLatch read = new CountDownLatch(1);
      ByteBuffer into = ByteBuffer.allocateDirect(512);
      IoEventLoop loop = (IoEventLoop) group.next();
      socket.register(loop, (readable, writable) -> {
        if (calls.incrementAndGet() == 1) {
          faultedAt.set(System.nanoTime());
          throw new IllegalStateException("a fault of the owner's own, the datagram left unread");
        }
        try {
          if (socket.receive(into.clear()) != null) {
            readAt.set(System.nanoTime());
            read.countDown();
          }
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }).sync();
      loop.submit(() -> socket.alsoWhenWritable(false)).sync();

      client.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, socket.localAddress()));

      assertThat(read.await(5, TimeUnit.SECONDS)).as("the datagram read after the fault").isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(readAt.get() - faultedAt.get()))
          .as("ms from the fault to the next read").isLessThan(NO_SLEEP_MILLIS);
    } finally {
      socket.close();
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }
  }
}
