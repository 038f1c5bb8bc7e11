package org.dnschase.resolver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * What keeps one client, or a burst, from taking the server: the per-client rate limit answers
 * REFUSED past it, and the bound on resolutions under way answers SERVFAIL at once beyond it.
 */
class ProtectionTest {

  @Test
  @DisplayName("past its rate a client is answered REFUSED, not dropped, and the cached answers before it pass")
  void rateLimit_answersRefused() {
    try (ServerLab lab = ServerLab.start(server -> server.rateLimit(2))) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        names.add("web.shop.example.");
      }

      // one dig, twenty questions one after another: all of them would take 9 s at 2 a second
      Peers.Output dig = Peers.dig(lab.address(), names.toArray(String[]::new));

      List<String> statuses = dig.statuses();
      assertThat(statuses).hasSize(20);
      assertThat(statuses.get(0)).isEqualTo("NOERROR");
      assertThat(statuses).contains("REFUSED");
      assertThat(dig.text()).contains("rate limit");
      assertThat(lab.server.stats().get("num.query.ratelimited"))
          .isEqualTo(statuses.stream().filter("REFUSED"::equals).count());
    }
  }

  @Test
  @DisplayName("the REFUSED answers a flood from spoofed addresses reflects onto its victim (outside the allow list,"
      + " over the rate) grow a query with EDNS by the Extended DNS Error's few octets only")
  void refusals_barelyLargerThanTheQuery() throws Exception {
    try (ServerLab lab = ServerLab.start(server -> server.rateLimit(1).allow("127.0.0.1/32"))) {
      Message query = RawClient.query("web.shop.example.", 9);
      query.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
      byte[] wire = query.toWire();

      Message outsider = udpFrom("127.0.0.3", lab, wire).get(0);
      // the one query a second the limit allows and one more, sent together: waiting for the first
      // one's answer (resolved upstream) could take the second past the second on a loaded machine
      Message overTheRate = udpFrom("127.0.0.1", lab, wire, wire).stream()
          .filter(answer -> answer.getRcode() == Rcode.REFUSED).findFirst().orElseThrow();

      assertThat(outsider.getRcode()).isEqualTo(Rcode.REFUSED);
      assertThat(overTheRate.getRcode()).isEqualTo(Rcode.REFUSED);
      // EDE: option code, length and INFO-CODE (6 octets), and the rate limit's "rate limited"
      assertThat(outsider.numBytes()).as("outside the allow list").isEqualTo(wire.length + 6);
      assertThat(overTheRate.numBytes()).as("over the rate").isEqualTo(wire.length + 6 + "rate limited".length());
    }
  }

  /**
   * Sends each of {@code queries} from {@code source}, a loopback address, one right after the
   * other, and returns their answers in the order they came.
   */
  private static List<Message> udpFrom(String source, ServerLab lab, byte[]... queries) throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(ServerLab.address(source), 0))) {
      socket.setSoTimeout(10_000);
      for (byte[] wire : queries) {
        socket.send(new DatagramPacket(wire, wire.length, lab.address()));
      }
      List<Message> answers = new ArrayList<>();
      for (int i = 0; i < queries.length; i++) {
        DatagramPacket answer = new DatagramPacket(new byte[512], 512);
        socket.receive(answer);
        answers.add(new Message(Arrays.copyOf(answer.getData(), answer.getLength())));
      }
      return answers;
    }
  }

  @Test
  @DisplayName("beyond the bound of resolutions under way an uncached question is answered SERVFAIL with an"
      + " Extended DNS Error, a cached one from the cache")
  void overload_servfailWithExtendedError() {
    try (ServerLab lab = ServerLab.start(server -> server.maxOutstanding(1))) {
      assertThat(Peers.dig(lab.address(), "web.shop.example.", "A").status()).isEqualTo("NOERROR");
      Process slow = Peers.startKdig(lab.address(), "slow.shop.example.", "A");
      lab.awaitUpstream("slow.shop.example.");

      Peers.Output refused = Peers.dig(lab.address(), "www.shop.example.", "A");
      Peers.Output cached = Peers.dig(lab.address(), "web.shop.example.", "A");
      Peers.Output answered = Peers.finish(slow);

      assertThat(cached.status()).as(cached.text()).isEqualTo("NOERROR");

      assertThat(refused.status()).as(refused.text()).isEqualTo("SERVFAIL");
      assertThat(refused.text()).contains("EDE: 0 (Other): (overloaded: 1 resolutions under way");
      assertThat(lab.upstreamQueriesFor("www.shop.example.")).isZero();
      assertThat(answered.status()).as(answered.text()).isEqualTo("NOERROR");
      assertThat(lab.server.stats()).containsEntry("total.requestlist.exceeded", 1L);
    }
  }
}
