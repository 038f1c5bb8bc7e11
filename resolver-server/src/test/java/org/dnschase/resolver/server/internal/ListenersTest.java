package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelHandler.Sharable;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sockets a server opens for each address. */
class ListenersTest {

  @Sharable
  private static final class Nothing extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg);
    }
  }

  /** Counts the datagrams of each read batch, and knows the event loop its socket is served on. */
  @Sharable
  private static final class Batches extends ChannelInboundHandlerAdapter {
    final CompletableFuture<EventLoop> loop = new CompletableFuture<>();
    final List<Integer> sizes = new CopyOnWriteArrayList<>();
    final AtomicInteger read = new AtomicInteger();
    private int batch; // the event loop's alone

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      loop.complete(ctx.channel().eventLoop());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg);
      batch++;
      read.incrementAndGet();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      sizes.add(batch);
      batch = 0;
    }
  }

  @Test
  @DisplayName("datagrams waiting when the event loop reads are read in one batch, so their answers leave in one flush")
  void waitingDatagrams_readInOneBatch() throws Exception {
    Listeners listeners = new Listeners(1);
    try (DatagramSocket client = new DatagramSocket()) {
      Batches handler = new Batches();
      InetSocketAddress bound = listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
          handler, new Nothing(), () -> handler, Duration.ofSeconds(1));
      CountDownLatch busy = new CountDownLatch(1);
      CountDownLatch goOn = new CountDownLatch(1);
      handler.loop.get(10, TimeUnit.SECONDS).execute(() -> { // the loop busy while the datagrams arrive
        busy.countDown();
        try {
          goOn.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
      byte[] query = new byte[30]; // short, as queries are: shorter than the buffer read into
      for (int i = 0; i < 20; i++) {
        client.send(new DatagramPacket(query, query.length, bound));
      }
      goOn.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (handler.read.get() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }

      assertThat(handler.read).hasValue(20);
      assertThat(handler.sizes).first().isEqualTo(20);
    } finally {
      listeners.close();
    }
  }

  @Test
  @DisplayName("with SO_REUSEPORT, one UDP socket per thread on each address, all on one port")
  void udpSocketPerThread() {
    assumeTrue(Listeners.REUSE_PORT, "this system has no SO_REUSEPORT: one UDP socket per address");
    Listeners listeners = new Listeners(3);
    try {
      Nothing handler = new Nothing();
      InetSocketAddress bound = listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
          handler, new Nothing(), () -> handler, Duration.ofSeconds(1));

      assertThat(bound.getPort()).isPositive();
      assertThat(listeners.udpSockets()).isEqualTo(3);
    } finally {
      listeners.close();
    }
  }
}
