package org.dnschase.resolver.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dnschase.resolver.internal.transport.FakeServers.LOOPBACK;
import static org.dnschase.resolver.internal.transport.FakeServers.query;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A query over TCP has one timeout for its whole exchange (RFC 7766 §6.2.2's connection set-up
 * included): a server slow to accept its connection leaves the reply only the time that is left,
 * so a hostile server cannot hold an exchange for twice its timeout.
 */
class TcpConnectTimeTest {

  private static final Duration TIMEOUT = Duration.ofMillis(1_000);
  private static final Duration SLOW_CONNECT = Duration.ofMillis(800);

  private final MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void closeLoops() {
    loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }

  @Test
  @DisplayName("A connection open only after 800 ms of a 1 s timeout: the exchange ends at the timeout, not 1 s after the connect")
  void slowConnect_leavesTheReplyWhatIsLeftOfTheTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, LOOPBACK)) {
      InetSocketAddress server = new InetSocketAddress(LOOPBACK, silent.getLocalPort());
      Channel channel = new Bootstrap().group(loops).channel(NioSocketChannel.class)
          .handler(new ChannelInboundHandlerAdapter()).connect(server).sync().channel();
      ChannelPromise openedLate = channel.newPromise();
      PendingExchange exchange = new PendingExchange(
          OutgoingQuery.of(server, query("www.example.test."), () -> 1, null).expected());

      long start = System.nanoTime();
      exchange.sendOnceOpen(openedLate, Unpooled.wrappedBuffer(new byte[] {0, 0}), TIMEOUT.toNanos());
      loops.schedule(() -> openedLate.setSuccess(), SLOW_CONNECT.toMillis(), TimeUnit.MILLISECONDS);

      assertThatThrownBy(() -> exchange.result().get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TimeoutException.class)
          .hasMessageContaining(TIMEOUT.toMillis() + " ms");
      // the old timer ran a whole timeout from the connect: 1.8 s
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plus(SLOW_CONNECT.dividedBy(2)));
    }
  }
}
