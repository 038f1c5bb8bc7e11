package org.dnschase.resolver.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.metrics.MetricsSnapshot;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** One shared resolver behind every event loop: many connects to few names cost few resolutions. */
class ConcurrentConnectsTest {

  @Lab("NettyLab#start") static TestHierarchy lab;
  static EventLoopGroup loops;
  static Channel echo;

  @BeforeAll
  static void start() throws Exception {
    loops = NettyLab.eventLoops(4);
    echo = NettyLab.echoServer(loops);
  }

  @AfterAll
  static void stop() {
    echo.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  @DisplayName("1,000 concurrent connects to 10 names over 4 event loops ask each name upstream once per family")
  void thousandConnectsToTenNames_costTenResolutions() throws Exception {
    int port = ((InetSocketAddress) echo.localAddress()).getPort();
    List<ChannelFuture> connects = new ArrayList<>();
    MetricsSnapshot.Upstream upstream;
    try (Resolver resolver = NettyLab.resolverFor(lab);
        DnschaseAddressResolverGroup group = new DnschaseAddressResolverGroup(resolver, AddressOrder.IPV4_FIRST)) {
      lab.clearQueries();
      Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class).resolver(group)
          .handler(new ChannelInitializer<Channel>() { // sharable: one for every connect
            @Override
            protected void initChannel(Channel channel) {}
          });
      for (int i = 0; i < 1_000; i++) {
        connects.add(bootstrap.connect(InetSocketAddress.createUnresolved("n" + (i % 10) + ".app.test", port)));
      }
      for (ChannelFuture connect : connects) {
        assertThat(connect.awaitUninterruptibly(30, TimeUnit.SECONDS)).isTrue();
        assertThat(connect.cause()).isNull();
      }
      connects.forEach(connect -> connect.channel().close());
      upstream = resolver.metrics().upstream();
    }

    Map<String, Long> leafQuestions = lab.queries().stream()
        .filter(query -> query.qname().toString().matches("n[0-9]\\.app\\.test\\."))
        .collect(Collectors.groupingBy(query -> query.qname() + " " + Type.string(query.qtype()),
            Collectors.counting()));
    assertThat(leafQuestions).hasSize(20);
    // Each question once; a second query only as the retry of a query that timed out, which the
    // metrics count: on a loaded machine a reply can come after the 300 ms minimum timeout (at a
    // load of 11, n4.app.test. A was asked again 368 ms after the first, with one timeout counted).
    long beyondOnce = leafQuestions.values().stream().mapToLong(count -> count - 1).sum();
    assertThat(beyondOnce).as("leaf queries beyond one per question, in %s", leafQuestions)
        .isLessThanOrEqualTo(upstream.retries());
    // Besides the 20 leaf questions, only the walk to app.test.: the root, test. and app.test.
    // delegations, priming and minimised steps, shared by all; never one per connect.
    assertThat(lab.queries()).extracting(RecordedQuery::qname).hasSizeLessThan(100);
  }
}
