package org.dnschase.resolver.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolver;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.host.AddressOrder;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * An event loop shut down while a look-up for it is under way: its promise's listeners can run on
 * no thread once the loop is gone, so the look-up must end with the loop, quietly, not complete the
 * promise later on a dead loop (which Netty logs at ERROR, "Failed to submit a listener
 * notification task").
 */
class EventLoopShutdownTest {

  /** Where the tests' logger writes, Netty's ERROR among the rest. */
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream err;

  private TestHierarchy lab;
  private Resolver resolver;
  private DnschaseAddressResolverGroup group;
  private EventLoopGroup loops;

  @BeforeEach
  void start() {
    lab = NettyLab.start();
    resolver = NettyLab.resolverFor(lab);
    group = new DnschaseAddressResolverGroup(resolver, AddressOrder.IPV4_ONLY);
    loops = NettyLab.eventLoops(1);
    err = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setErr(err);
    loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    group.close();
    resolver.close();
    lab.close();
  }

  @Test
  @DisplayName("A look-up under way when its event loop shuts down fails with the loop, its listener run on the loop "
      + "before it ends; the answer arriving later is dropped without an ERROR")
  void loopShutDownMidResolution_failsThePromiseQuietly() throws Exception {
    AuthServer appServer = lab.serversFor(Name.fromConstantString("app.test.")).get(0);
    appServer.setFault(Name.fromConstantString("slow.app.test."), new Fault.Delay(Duration.ofMillis(500)));
    EventLoop loop = loops.next();
    AddressResolver<InetSocketAddress> perLoop = group.getResolver(loop);
    List<Throwable> heard = new CopyOnWriteArrayList<>();
    Promise<InetSocketAddress> promise = loop.newPromise();
    promise.addListener((Future<InetSocketAddress> done) -> heard.add(done.cause()));

    loop.submit(() -> perLoop.resolve(InetSocketAddress.createUnresolved("slow.app.test", 80), promise))
        .get(5, TimeUnit.SECONDS);
    loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();

    assertThat(promise.isDone()).as("done once the loop has ended").isTrue();
    assertThat(promise.cause()).isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("slow.app.test").hasMessageContaining("shut down");
    assertThat(heard).containsExactly(promise.cause());

    // the answer arrives after the loop has gone: its outcome is dropped, nothing is logged
    resolver.resolveAddressesAsync("slow.app.test", AddressOrder.IPV4_ONLY).get(10, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("Failed to submit a listener notification task");
  }
}
