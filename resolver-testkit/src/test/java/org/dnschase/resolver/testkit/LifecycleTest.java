package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class LifecycleTest {
  private static final String LONE = """
      $ORIGIN lone.test.
      $TTL 300
      @     SOA ns hostmaster 1 1800 900 604800 60
      @     NS  ns
      ns    A   127.53.0.9
      """;

  private static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .collect(Collectors.toSet());
  }

  private static boolean noThreadsOfOurs() {
    return liveThreads().stream().noneMatch(t -> t.getName().startsWith(ServerSockets.THREAD_PREFIX));
  }

  @Test
  @DisplayName("close() ends the event loop threads: the thread count returns to the baseline")
  void close_endsThreads() throws Exception {
    Await.until("earlier tests' threads are gone", LifecycleTest::noThreadsOfOurs);
    int baseline = liveThreads().size();
    TestHierarchy dns = StandardHierarchy.start();
    Client.udp(dns.server(StandardHierarchy.EXAMPLE_SERVER), Client.query("www.example.test.", Type.A));
    Client.tcp(dns.server(StandardHierarchy.ROOT_SERVER), Client.query("test.", Type.NS));
    assertThat(noThreadsOfOurs()).isFalse();

    dns.close();

    Await.until("the event loop threads ended", LifecycleTest::noThreadsOfOurs);
    Await.until("the thread count is back to " + baseline, () -> liveThreads().size() <= baseline);
  }

  @Test
  @DisplayName("close() frees every address and port, for UDP and TCP")
  void close_freesPorts() throws Exception {
    TestHierarchy dns = StandardHierarchy.start();
    int port = dns.port();
    Client.tcp(dns.server(StandardHierarchy.EXAMPLE_SERVER), Client.query("www.example.test.", Type.A));

    dns.close();
    dns.close(); // a second close is harmless

    for (AuthServer server : dns.servers()) {
      InetSocketAddress address = new InetSocketAddress(server.address(), port);
      try (DatagramSocket udp = new DatagramSocket(address); ServerSocket tcp = new ServerSocket()) {
        tcp.bind(address);
        assertThat(udp.getLocalPort()).isEqualTo(port);
      }
    }
    try (TestHierarchy again = TestHierarchy.builder().zone(LONE).port(port).build()) {
      assertThat(again.port()).isEqualTo(port);
    }
  }

  @Test
  @DisplayName("port(n) puts every server on port n; port 0 picks one port common to all")
  void everyServer_sharesThePort() throws Exception {
    try (TestHierarchy dns = StandardHierarchy.start()) {
      assertThat(dns.port()).isPositive();
      assertThat(dns.servers()).extracting(AuthServer::port).containsOnly(dns.port());
    }
  }

  @Test
  @DisplayName("A port that is taken fails build() with the address in the message, leaving no threads")
  void takenPort_failsBuild() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(
        new InetSocketAddress(StandardHierarchy.address("127.53.0.9"), 0))) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> TestHierarchy.builder().zone(LONE).port(port).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot bind UDP 127.53.0.9:" + port);
    }
    Await.until("the event loop threads ended", LifecycleTest::noThreadsOfOurs);
  }

  @Test
  @DisplayName("Builder arguments are checked on the spot")
  void builderArguments_areChecked() {
    assertThatThrownBy(() -> TestHierarchy.builder().port(65_536))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
    assertThatThrownBy(() -> TestHierarchy.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no zones");
  }
}
