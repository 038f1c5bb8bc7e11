package org.dnschase.resolver.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** A Netty Bootstrap with the resolver group connects by name, never blocking its event loop. */
class BootstrapResolverTest {

  @Lab("NettyLab#start") static TestHierarchy lab;
  static EventLoopGroup loops;
  static Channel echo;
  static Resolver resolver;
  static DnschaseAddressResolverGroup group;

  @BeforeAll
  static void start() throws Exception {
    loops = NettyLab.eventLoops(2);
    echo = NettyLab.echoServer(loops);
    resolver = NettyLab.resolverFor(lab);
    group = new DnschaseAddressResolverGroup(resolver, AddressOrder.IPV4_ONLY);
  }

  @AfterAll
  static void stop() {
    group.close();
    resolver.close();
    echo.close().syncUninterruptibly();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static int port() {
    return ((InetSocketAddress) echo.localAddress()).getPort();
  }

  @Test
  @DisplayName("Bootstrap.resolver(group) connects to www.app.test (a CNAME across two zones) and echoes")
  void connectByName_echoes() throws Exception {
    CompletableFuture<String> echoed = new CompletableFuture<>();
    Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class).resolver(group)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, ByteBuf message) {
                echoed.complete(message.toString(StandardCharsets.UTF_8));
              }
            });
          }
        });

    Channel channel = bootstrap.connect(InetSocketAddress.createUnresolved("www.app.test", port())).sync().channel();
    channel.writeAndFlush(Unpooled.copiedBuffer("ping", StandardCharsets.UTF_8));

    assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("ping");
    assertThat(((InetSocketAddress) channel.remoteAddress()).getHostString()).isEqualTo("www.app.test");
    channel.close().sync();
  }

  @Test
  @DisplayName("A name that does not exist fails the connect with an UnknownHostException saying NXDOMAIN")
  void missingName_failsWithUnknownHost() {
    ChannelFuture connect = new Bootstrap().group(loops).channel(NioSocketChannel.class).resolver(group)
        .handler(new io.netty.channel.ChannelInboundHandlerAdapter())
        .connect(InetSocketAddress.createUnresolved("nothere.app.test", port()));

    assertThat(connect.awaitUninterruptibly(10, TimeUnit.SECONDS)).isTrue();
    assertThat(connect.cause()).isInstanceOf(UnknownHostException.class)
        .hasMessage("nothere.app.test: no such name (nothere.app.test.: A NXDOMAIN)");
  }

  @Test
  @DisplayName("An address literal is used as it is, without a query")
  void literal_isNotLookedUp() throws Exception {
    lab.clearQueries();
    AddressResolver<InetSocketAddress> perLoop = group.getResolver(loops.next());

    InetSocketAddress resolved = perLoop.resolve(InetSocketAddress.createUnresolved("127.0.0.1", 80)).get();

    assertThat(resolved.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("A shortened IPv4 literal is read as the JDK, and so Netty's default resolver, reads it: 127.1 is "
      + "127.0.0.1, without a query")
  void shortenedIpv4Literal_readAsTheJdkReadsIt() throws Exception {
    lab.clearQueries();
    AddressResolver<InetSocketAddress> perLoop = group.getResolver(loops.next());

    InetSocketAddress twoParts = perLoop.resolve(InetSocketAddress.createUnresolved("127.1", 80))
        .get(5, TimeUnit.SECONDS);
    InetSocketAddress onePart = perLoop.resolve(InetSocketAddress.createUnresolved("2130706433", 80))
        .get(5, TimeUnit.SECONDS);

    assertThat(twoParts.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(twoParts.getPort()).isEqualTo(80);
    assertThat(onePart.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("While an upstream answer is delayed, the event loop that asked goes on running its tasks")
  void slowUpstream_neverBlocksTheEventLoop() throws Exception {
    AuthServer appServer = lab.serversFor(Name.fromConstantString("app.test.")).get(0);
    appServer.setFault(Name.fromConstantString("slow.app.test."), new Fault.Delay(Duration.ofMillis(500)));
    EventLoop loop = loops.next();
    AddressResolver<InetSocketAddress> perLoop = group.getResolver(loop);
    try {
      Future<Future<InetSocketAddress>> asked = loop.submit(
          () -> perLoop.resolve(InetSocketAddress.createUnresolved("slow.app.test", 80)));
      Future<InetSocketAddress> resolution = asked.get(5, TimeUnit.SECONDS);
      // The loop is free while the answer is held back: a task submitted now runs before it arrives.
      Future<Boolean> ranBeforeAnswer = loop.submit(() -> !resolution.isDone());

      assertThat(ranBeforeAnswer.get(5, TimeUnit.SECONDS)).isTrue();
      assertThat(resolution.get(10, TimeUnit.SECONDS).getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    } finally {
      appServer.clearFault();
    }
  }

  @Test
  @DisplayName("As Netty's own DNS resolver: an empty host is the loopback address, and a literal keeps its scope id, "
      + "without a query")
  void emptyHostAndScopedLiteral_asNettysOwnResolver() throws Exception {
    lab.clearQueries();
    AddressResolver<InetSocketAddress> perLoop = group.getResolver(loops.next());

    InetSocketAddress empty = perLoop.resolve(InetSocketAddress.createUnresolved("", 80)).get(5, TimeUnit.SECONDS);
    InetSocketAddress scoped = perLoop.resolve(InetSocketAddress.createUnresolved("fe80::1%1", 80))
        .get(5, TimeUnit.SECONDS);

    assertThat(empty.getAddress().isLoopbackAddress()).isTrue();
    assertThat(((Inet6Address) scoped.getAddress()).getScopeId()).isEqualTo(1);
    assertThat(lab.queryCount()).isZero();
  }

  @Test
  @DisplayName("A resolution its caller cancelled stays cancelled: the outcome arriving later is dropped, with no attempt "
      + "to complete the promise again, which would throw on the event loop")
  void cancelledResolution_staysCancelled() throws Exception {
    AuthServer appServer = lab.serversFor(Name.fromConstantString("app.test.")).get(0);
    // a name no other test asks, so nothing of it is cached
    appServer.setFault(Name.fromConstantString("n1.app.test."), new Fault.Delay(Duration.ofMillis(500)));
    EventLoop loop = loops.next();
    AddressResolver<InetSocketAddress> perLoop = group.getResolver(loop);
    List<IllegalStateException> thrown = new CopyOnWriteArrayList<>();
    Promise<InetSocketAddress> cancelled = new DefaultPromise<>(loop) {
      @Override
      public Promise<InetSocketAddress> setSuccess(InetSocketAddress result) {
        return noting(() -> super.setSuccess(result));
      }

      @Override
      public Promise<InetSocketAddress> setFailure(Throwable cause) {
        return noting(() -> super.setFailure(cause));
      }

      private Promise<InetSocketAddress> noting(Supplier<Promise<InetSocketAddress>> completion) {
        try {
          return completion.get();
        } catch (IllegalStateException completeAlready) {
          thrown.add(completeAlready);
          throw completeAlready;
        }
      }
    };
    try {
      perLoop.resolve(InetSocketAddress.createUnresolved("n1.app.test", 80), cancelled);
      assertThat(cancelled.cancel(false)).isTrue();
      // The same name asked again shares the resolution: once it has an answer, so has the cancelled look-up,
      // whose completion, were it tried, runs on the loop soon after.
      perLoop.resolve(InetSocketAddress.createUnresolved("n1.app.test", 80)).get(10, TimeUnit.SECONDS);
      Thread.sleep(200);
      loop.submit(() -> { }).get(5, TimeUnit.SECONDS);

      assertThat(cancelled.isCancelled()).isTrue();
      assertThat(thrown).isEmpty();
    } finally {
      appServer.clearFault();
    }
  }
}
