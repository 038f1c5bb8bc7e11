package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.RootHints;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server that takes DNS questions takes control commands too: a client that waits for the DNS
 * port to answer and then flushes the cache (a benchmark's first cold question, a test harness)
 * is never refused by a control channel not yet open.
 */
class ReadyOnEveryPortTest {

  private static final InetAddress LAB = address("127.63.0.1");
  private static final int STARTS = 5;

  @Test
  @DisplayName("once the DNS port accepts a connection, the control channel accepts one too")
  void dnsPortOpen_controlChannelOpenToo() throws Exception {
    try (Resolver resolver = Resolver.builder()
        .rootHints(RootHints.parse(". 3600 NS a.root.lab.\na.root.lab. 3600 A 127.63.0.53\n"))
        .loopbackOnly().build()) {
      for (int start = 0; start < STARTS; start++) {
        InetSocketAddress dns = new InetSocketAddress(LAB, freePort());
        InetSocketAddress control = new InetSocketAddress(LAB, freePort());
        CompletableFuture<Boolean> controlOpenWhenDnsWas = CompletableFuture.supplyAsync(() -> {
          untilAccepting(dns);
          return accepts(control);
        });
        try (DnsServer server = DnsServer.builder(resolver).listen(dns).control(control).start()) {
          assertThat(controlOpenWhenDnsWas.get(10, TimeUnit.SECONDS)).as("start %d: control open as the DNS port opened", start)
              .isTrue();
        }
      }
    }
  }

  private static void untilAccepting(InetSocketAddress address) {
    while (!accepts(address)) {
      Thread.onSpinWait();
    }
  }

  private static boolean accepts(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 1000);
      return true;
    } catch (ConnectException refused) {
      return false;
    } catch (IOException e) {
      throw new AssertionError("connecting to " + address, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, LAB)) {
      return socket.getLocalPort();
    }
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
