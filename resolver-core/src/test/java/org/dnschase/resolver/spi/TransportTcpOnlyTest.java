package org.dnschase.resolver.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** {@link Transport#exchangeOverTcp}: a transport that cannot send over TCP says so, and never sends a datagram instead. */
class TransportTcpOnlyTest {

  @Test
  @DisplayName("A transport without TCP fails a TCP-only exchange with an IOException, asking nothing over UDP")
  void withoutTcp_failsTheExchangeWithoutADatagram() {
    AtomicInteger datagrams = new AtomicInteger();
    Transport udpOnly = (server, query, timeout) -> {
      datagrams.incrementAndGet();
      return new CompletableFuture<>();
    };
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString("www.example."), Type.A, DClass.IN));

    CompletableFuture<Message> reply = udpOnly.exchangeOverTcp(new InetSocketAddress("192.0.2.1", 53), query,
        Duration.ofSeconds(1));

    assertThat(reply).isCompletedExceptionally();
    assertThat(reply.exceptionNow()).isInstanceOf(IOException.class).hasMessageContaining("cannot send queries over TCP");
    assertThat(datagrams).hasValue(0);
  }
}
