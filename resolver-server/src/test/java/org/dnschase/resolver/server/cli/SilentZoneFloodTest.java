package org.dnschase.resolver.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dnschase.resolver.testkit.Fault;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A flood of new names in a zone whose server never answers, against {@code bin/serve}: each such
 * question holds a resolution until its deadline, and without a way to push the old ones out they
 * would take every slot, so that for the length of a deadline every other new question is
 * SERVFAIL. As Unbound's {@code jostle-timeout} (200 ms): half the slots go to a newer question
 * once their holder has run that long.
 */
class SilentZoneFloodTest {

  private static final int SLOTS = 8;

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root-servers.lab.", "127.53.0.1")
      .zone("example.", "ns1.nic", "127.53.1.1", "* 300 A 192.0.2.1\n")
      .zone("silent.example.", "ns1", "127.53.2.1", "* 300 A 192.0.2.2\n")
      .build();

  @TempDir
  Path dir;

  @Test
  @DisplayName("with every slot held by a question to a silent server, a new question pushes out one that has run"
      + " past the jostle time and is answered (Unbound's jostle-timeout)")
  void silentFlood_newQuestionPushesOutAnOldOne() throws Exception {
    try (TestHierarchy lab = TestHierarchy.builder().zones(TREE).build()) {
      lab.server(InetAddress.getByName("127.53.2.1")).setFault(new Fault.Drop());
      Path hints = Files.writeString(dir.resolve("root.hints"), lab.rootHintsText());
      ServeOptions options = ServeOptions.parse(new String[] {"--listen", "127.0.0.1:0", "--no-control",
          "--root-hints", hints.toString(), "--upstream-port", String.valueOf(lab.port()), "--loopback-only",
          "--max-outstanding", String.valueOf(SLOTS), "--deadline", "5000"});
      try (ServeCommand.Running running = ServeCommand.start(options, quiet());
          DatagramSocket flood = new DatagramSocket()) {
        InetSocketAddress server = running.server().addresses().get(0);
        for (int i = 0; i < SLOTS; i++) {
          send(flood, server, "u" + i + ".silent.example.", i);
        }
        awaitAsked(lab, SLOTS);
        Thread.sleep(ServeCommand.JOSTLE_AFTER.toMillis() + 100); // the holders have run past the jostle time

        Message answer = ask(server, "www.example.");

        assertThat(answer.getRcode()).as(answer.toString()).isEqualTo(Rcode.NOERROR);
        Message pushedOut = receive(flood);
        assertThat(pushedOut.getRcode()).as(pushedOut.toString()).isEqualTo(Rcode.SERVFAIL);
        assertThat(pushedOut.getQuestion().getName().toString()).endsWith(".silent.example.");
      }
    }
  }

  /** Waits until the silent server was asked for {@code names} distinct names. */
  private static void awaitAsked(TestHierarchy lab, int names) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      long asked = lab.queries().stream().filter(q -> q.qname().toString().endsWith(".silent.example."))
          .map(q -> q.qname().toString().toLowerCase()).distinct().count();
      if (asked >= names) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the silent server was not asked for " + names + " names: " + lab.queries());
  }

  private static void send(DatagramSocket socket, InetSocketAddress server, String name, int id) throws IOException {
    Message query = Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.A, DClass.IN));
    query.getHeader().setID(id);
    byte[] wire = query.toWire();
    socket.send(new DatagramPacket(wire, wire.length, server));
  }

  private static Message ask(InetSocketAddress server, String name) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      send(socket, server, name, 4242);
      return receive(socket);
    }
  }

  private static Message receive(DatagramSocket socket) throws IOException {
    socket.setSoTimeout(10_000);
    byte[] buffer = new byte[4096];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    }
    return new Message(Arrays.copyOf(buffer, packet.getLength()));
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
