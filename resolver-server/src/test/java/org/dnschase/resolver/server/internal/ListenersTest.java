package org.dnschase.resolver.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelHandler.Sharable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
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

  @Test
  @DisplayName("with SO_REUSEPORT, one UDP socket per thread on each address, all on one port")
  void udpSocketPerThread() {
    assumeTrue(Listeners.REUSE_PORT, "this system has no SO_REUSEPORT: one UDP socket per address");
    Listeners listeners = new Listeners(3);
    try {
      Nothing handler = new Nothing();
      InetSocketAddress bound = listeners.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
          handler, () -> handler, Duration.ofSeconds(1));

      assertThat(bound.getPort()).isPositive();
      assertThat(listeners.udpSockets()).isEqualTo(3);
    } finally {
      listeners.close();
    }
  }
}
