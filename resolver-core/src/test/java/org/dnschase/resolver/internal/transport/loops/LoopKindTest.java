package org.dnschase.resolver.internal.transport.loops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the event loops are made of, and how a loop's kind is told. */
class LoopKindTest {

  @Test
  @DisplayName("the event loops are NIO's unless epoll is asked for: an embedding application loads no native library")
  void unlessAsked_nio() {
    assumeTrue(System.getProperty(LoopKind.PROPERTY) == null);

    assertThat(LoopKind.CHOSEN).isEqualTo(LoopKind.NIO);
  }

  @Test
  @DisplayName("a value that names neither kind is not taken for epoll, nor is epoll where it does not load")
  void otherValues_nio() {
    assertThat(LoopKind.chosen(null)).isEqualTo(LoopKind.NIO);
    assertThat(LoopKind.chosen("nio")).isEqualTo(LoopKind.NIO);
    assertThat(LoopKind.chosen("Epoll")).isEqualTo(LoopKind.NIO);
    assertThat(LoopKind.chosen("kqueue")).isEqualTo(LoopKind.NIO);
    assertThat(LoopKind.chosen("epoll")).isEqualTo(Epoll.isAvailable() ? LoopKind.EPOLL : LoopKind.NIO);
  }

  @Test
  @DisplayName("on Linux x86-64 epoll's native library ships with the resolver and loads")
  void linuxX8664_epollLoads() {
    assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));

    assertThat(Epoll.isAvailable()).as("epoll: %s", Epoll.unavailabilityCause()).isTrue();
  }

  @Test
  @DisplayName("a loop of either kind is told apart by what it registers")
  void eachKind_toldApart() {
    for (LoopKind kind : LoopKind.values()) {
      if (kind == LoopKind.EPOLL && !Epoll.isAvailable()) {
        continue; // no native library here
      }
      MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, kind.handlerFactory());
      try {
        assertThat(LoopKind.of((IoEventLoop) group.next())).isEqualTo(kind);
      } finally {
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
      }
    }
  }
}
