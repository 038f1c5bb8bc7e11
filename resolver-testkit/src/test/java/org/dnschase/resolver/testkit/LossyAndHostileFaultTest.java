package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Faults for load runs: a share of the queries meets a fault, and replies too large for UDP. */
class LossyAndHostileFaultTest {
  private static final int QUERIES = 200;
  private static final Name FLOOD_NAMES = Name.fromConstantString("flood.example.test.");

  private final TestHierarchy dns = StandardHierarchy.start();
  private final AuthServer example = dns.server(StandardHierarchy.EXAMPLE_SERVER);

  @AfterEach
  void close() {
    dns.close();
  }

  private int rcodeOfWww() throws Exception {
    return Client.udp(example, Client.query("www.example.test.", Type.A)).getRcode();
  }

  @Test
  @DisplayName("Sometimes meets its fault for about its share of the queries, answering normally otherwise")
  void sometimes_meetsTheFaultForItsShare() throws Exception {
    example.setFault(new Fault.Sometimes(0.5, new Fault.Rcode(Rcode.SERVFAIL)));

    int failed = 0;
    for (int i = 0; i < QUERIES; i++) {
      int rcode = rcodeOfWww();
      assertThat(rcode).isIn(Rcode.NOERROR, Rcode.SERVFAIL);
      failed += rcode == Rcode.SERVFAIL ? 1 : 0;
    }

    // binomial(200, 0.5): 60..140 holds with probability 1 - 1e-8
    assertThat(failed).isBetween(60, 140);
  }

  @Test
  @DisplayName("Sometimes at 0 never meets its fault, at 1 always; otherwise is met the rest of the time")
  void sometimes_atTheBounds_andItsOtherwise() throws Exception {
    example.setFault(new Fault.Sometimes(0, new Fault.Rcode(Rcode.SERVFAIL)));
    assertThat(rcodeOfWww()).isEqualTo(Rcode.NOERROR);
    example.setFault(new Fault.Sometimes(1, new Fault.Rcode(Rcode.SERVFAIL)));
    assertThat(rcodeOfWww()).isEqualTo(Rcode.SERVFAIL);

    example.setFault(new Fault.Sometimes(0.5, new Fault.Rcode(Rcode.SERVFAIL),
        new Fault.Rcode(Rcode.REFUSED)));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      seen.add(rcodeOfWww());
    }
    assertThat(seen).containsExactlyInAnyOrder(Rcode.SERVFAIL, Rcode.REFUSED);
  }

  @Test
  @DisplayName("A Delay drawn by Sometimes holds the reply like a Delay set directly")
  void sometimes_drawsADelay_thatIsWaitedOut() throws Exception {
    example.setFault(new Fault.Sometimes(1, new Fault.Delay(Duration.ofMillis(400))));
    long start = System.nanoTime();

    assertThat(rcodeOfWww()).isEqualTo(Rcode.NOERROR);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  @DisplayName("RFC 7766 §5: a flood is truncated over UDP and arrives whole over TCP, every record under its own owner")
  void flood_isTruncatedOverUdp_andWholeOverTcp() throws Exception {
    example.setFault(new Fault.Flood(FLOOD_NAMES, Fault.Flood.MAX_OWNERS, Section.ADDITIONAL));

    Message udp = Client.udp(example, Client.query("www.example.test.", Type.A));
    Message tcp = Client.tcp(example, Client.query("www.example.test.", Type.A));

    assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(tcp.getSection(Section.ANSWER)).hasSize(2);
    List<Record> flood = tcp.getSection(Section.ADDITIONAL);
    assertThat(flood).hasSize(Fault.Flood.MAX_OWNERS);
    assertThat(flood.stream().map(Record::getName).distinct()).hasSize(Fault.Flood.MAX_OWNERS);
    assertThat(flood).allMatch(r -> r.getName().subdomain(FLOOD_NAMES) && r.getType() == Type.A);
  }

  @Test
  @DisplayName("Sometimes and Flood check their arguments when made")
  void arguments_areChecked() {
    Fault drop = new Fault.Drop();
    assertThatThrownBy(() -> new Fault.Sometimes(1.5, drop)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Sometimes(Double.NaN, drop)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Sometimes(0.5, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Fault.Flood(FLOOD_NAMES, 0, Section.ADDITIONAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Flood(FLOOD_NAMES, Fault.Flood.MAX_OWNERS + 1, Section.ADDITIONAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Flood(Name.fromConstantString("relative"), 10, Section.ADDITIONAL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.Flood(FLOOD_NAMES, 10, Section.QUESTION))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
