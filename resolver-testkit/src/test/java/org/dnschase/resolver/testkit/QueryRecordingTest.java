package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class QueryRecordingTest {
  private final TestHierarchy dns = StandardHierarchy.start();
  private final AuthServer root = dns.server(StandardHierarchy.ROOT_SERVER);
  private final AuthServer tld = dns.server(StandardHierarchy.TLD_SERVER);
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  @DisplayName("Each server counts its own queries; the hierarchy lists all in arrival order")
  void counts_perServerAndInOrder() throws Exception {
    Client.udp(root, Client.query("www.example.test.", Type.A));
    Client.udp(tld, Client.query("www.example.test.", Type.A));
    Client.udp(example, Client.query("www.example.test.", Type.A));
    Client.udp(example, Client.query("www.example.test.", Type.AAAA));

    assertThat(root.queryCount()).isEqualTo(1);
    assertThat(tld.queryCount()).isEqualTo(1);
    assertThat(example.queryCount()).isEqualTo(2);
    assertThat(dns.queryCount()).isEqualTo(4);
    assertThat(dns.queries()).extracting(RecordedQuery::server)
        .containsExactly(root.address(), tld.address(), example.address(), example.address());
    assertThat(example.queries()).extracting(RecordedQuery::qtype).containsExactly(Type.A, Type.AAAA);
  }

  @Test
  @DisplayName("RFC 7766 §5: the transport of each query is recorded")
  void transport_isRecorded() throws Exception {
    Client.udp(example, Client.query("www.example.test.", Type.A));
    Client.tcp(example, Client.query("www.example.test.", Type.A));

    assertThat(example.queries()).extracting(RecordedQuery::transport)
        .containsExactly(RecordedQuery.Transport.UDP, RecordedQuery.Transport.TCP);
  }

  @Test
  @DisplayName("A recorded query holds server, client, question, time and the message")
  void recordedQuery_holdsWhatWasSeen() throws Exception {
    Message query = Client.query("Alias.Example.Test.", Type.MX);
    Instant before = Instant.now();
    int clientPort;
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      clientPort = socket.getLocalPort();
      byte[] wire = query.toWire();
      socket.send(new DatagramPacket(wire, wire.length, example.socketAddress()));
      socket.receive(new DatagramPacket(new byte[512], 512));
    }

    RecordedQuery recorded = example.takeQuery();

    assertThat(recorded.server()).isEqualTo(StandardHierarchy.EXAMPLE_SERVER);
    assertThat(recorded.client()).isEqualTo(new InetSocketAddress("127.0.0.1", clientPort));
    assertThat(recorded.qname()).isEqualTo(Name.fromConstantString("alias.example.test."));
    assertThat(recorded.qname().toString()).isEqualTo("Alias.Example.Test.");
    assertThat(recorded.qtype()).isEqualTo(Type.MX);
    assertThat(recorded.id()).isEqualTo(query.getHeader().getID());
    assertThat(recorded.received()).isBetween(before, Instant.now());
    assertThat(recorded.message().getQuestion()).isEqualTo(query.getQuestion());
  }

  @Test
  @DisplayName("takeQuery hands out each query once, oldest first, then null")
  void takeQuery_oldestFirstThenNull() throws Exception {
    Client.udp(example, Client.query("www.example.test.", Type.A));
    Client.udp(example, Client.query("alias.example.test.", Type.A));

    assertThat(example.takeQuery().qname()).isEqualTo(Name.fromConstantString("www.example.test."));
    assertThat(example.takeQuery().qname()).isEqualTo(Name.fromConstantString("alias.example.test."));
    assertThat(example.takeQuery()).isNull();
    assertThat(example.queryCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("clearQueries on the hierarchy empties every server's record")
  void clearQueries_emptiesEverything() throws Exception {
    Client.udp(root, Client.query("www.example.test.", Type.A));
    Client.udp(example, Client.query("www.example.test.", Type.A));

    dns.clearQueries();

    assertThat(dns.queryCount()).isZero();
    assertThat(dns.queries()).isEmpty();
    assertThat(root.queryCount()).isZero();
    assertThat(example.takeQuery()).isNull();
  }
}
