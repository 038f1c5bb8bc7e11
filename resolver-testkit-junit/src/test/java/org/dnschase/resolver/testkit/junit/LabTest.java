package org.dnschase.resolver.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * {@link Lab}: each field is started, before the class's own {@code @BeforeAll} methods, from the
 * member it names (the class's {@code TREE}, or a static method's hierarchy), and closed after the
 * class: the next class that starts the same addresses finds them free.
 */
class LabTest {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.test.", "127.53.90.1")
      .zone("lab.test.", zone -> zone.server("ns1", "127.53.90.2").records("www A 192.0.2.90"))
      .build();

  @Lab static TestHierarchy lab;
  @Lab("other") static TestHierarchy other;
  static boolean startedBeforeTheClassesOwnSetUp;

  /** The same zones on their own port: a second hierarchy beside the first. */
  static TestHierarchy other() {
    return TestHierarchy.builder().zones(TREE).build();
  }

  @BeforeAll
  static void seeTheLabs() {
    startedBeforeTheClassesOwnSetUp = lab != null && other != null;
  }

  @Test
  @DisplayName("both fields are started before the class's @BeforeAll, each a hierarchy of its own")
  void fields_startedBeforeTheClassesOwnSetUp() {
    assertThat(startedBeforeTheClassesOwnSetUp).isTrue();
    assertThat(lab).isNotSameAs(other);
    assertThat(lab.port()).isNotEqualTo(other.port());
  }

  @Test
  @DisplayName("the class's TREE is served: its servers answer")
  void tree_isServed() throws Exception {
    AuthServer server = lab.server(InetAddress.getByAddress(new byte[] {127, 53, 90, 2}));
    byte[] query = Message.newQuery(Record.newRecord(Name.fromConstantString("www.lab.test."), Type.A, DClass.IN))
        .toWire();
    try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      client.setSoTimeout(5_000);
      client.send(new DatagramPacket(query, query.length, server.socketAddress()));
      DatagramPacket reply = new DatagramPacket(new byte[512], 512);
      client.receive(reply);

      assertThat(new Message(reply.getData()).getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(new Message(reply.getData()).getSection(1)).hasSize(1);
    }
  }
}
