package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class TruncationTest {
  /** Twenty TXT records of 40 characters: about 1,100 bytes, over 512 and under 1,232. */
  private static final String BIG = IntStream.range(0, 20)
      .mapToObj(i -> String.format("big TXT \"%02d%s\"%n", i, "x".repeat(38)))
      .collect(Collectors.joining());

  private final TestHierarchy dns =
      TestHierarchy.builder().zone(StandardHierarchy.EXAMPLE + BIG).build();
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  @DisplayName("RFC 1035 §4.2.1: without EDNS a reply over 512 bytes is cut to the header and question, TC set")
  void over512WithoutEdns_isTruncated() throws Exception {
    Message query = Client.query("big.example.test.", Type.TXT);

    Message reply = Client.udp(example, query);

    assertThat(reply.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(reply.getQuestion()).isEqualTo(query.getQuestion());
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(reply.toWire().length).isLessThanOrEqualTo(512);
  }

  @Test
  @DisplayName("RFC 7766 §5: over TCP the same query gets the whole answer")
  void tcp_getsWholeAnswer() throws Exception {
    Message reply = Client.tcp(example, Client.query("big.example.test.", Type.TXT));

    assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).hasSize(20);
  }

  @Test
  @DisplayName("RFC 6891 §6.2.3: EDNS with a payload of 1232 gets the whole answer over UDP")
  void ednsLargeEnough_getsWholeAnswer() throws Exception {
    Message reply = Client.udp(example, Client.ednsQuery("big.example.test.", Type.TXT, 1232));

    assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).hasSize(20);
    assertThat(reply.getOPT()).isNotNull();
  }

  @Test
  @DisplayName("RFC 6891 §6.2.3: EDNS with a payload smaller than the reply still gets TC, and OPT")
  void ednsTooSmall_isTruncatedWithOpt() throws Exception {
    Message reply = Client.udp(example, Client.ednsQuery("big.example.test.", Type.TXT, 600));

    assertThat(reply.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(reply.getOPT()).isNotNull();
  }

  @Test
  @DisplayName("RFC 6891 §6.2.5: a payload size below 512 is taken as 512")
  void payloadBelow512_isTakenAs512() throws Exception {
    Message reply = Client.udp(example, Client.ednsQuery("chain1.example.test.", Type.A, 100));

    assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).hasSize(4);
    assertThat(reply.toWire().length).isBetween(100, 512);
  }
}
