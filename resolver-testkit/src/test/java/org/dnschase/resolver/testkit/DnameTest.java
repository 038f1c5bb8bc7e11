package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnameTest extends ExampleZoneTest {
  /** Three 63-octet labels: a target of 206 octets, so a long owner overflows 255. */
  private static final String LONG_TARGET = "a".repeat(63) + "." + "b".repeat(63) + "."
      + "c".repeat(63) + ".example.test.";

  DnameTest() {
    super(TestHierarchy.builder().zone(StandardHierarchy.EXAMPLE + "long DNAME " + LONG_TARGET + "\n").build());
  }

  @Test
  @DisplayName("RFC 6672 §3.1: the DNAME, the synthesised CNAME with the DNAME's TTL, the target's data")
  void dname_synthesisesCname_andFollowsInZone() throws Exception {
    Message reply = ask("www.old.example.test.", Type.A);

    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "old.example.test. 300 IN DNAME new.example.test.",
        "www.old.example.test. 300 IN CNAME www.new.example.test.",
        "www.new.example.test. 300 IN A 127.0.0.82");
  }

  @Test
  @DisplayName("RFC 6672 §3.1: a DNAME to another zone gives the DNAME and the CNAME only")
  void dname_outOfZone_givesDnameAndCname() throws Exception {
    Message reply = ask("host.ext.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "ext.example.test. 300 IN DNAME elsewhere.test.",
        "host.ext.example.test. 300 IN CNAME host.elsewhere.test.");
  }

  @Test
  @DisplayName("RFC 6672 §2.3: a DNAME never redirects its own owner name")
  void dname_doesNotRedirectItsOwner() throws Exception {
    Message reply = ask("old.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(reply.getSection(Section.AUTHORITY)).hasSize(1);
  }

  @Test
  @DisplayName("RFC 6672 §2.3: a DNAME query at the owner returns the DNAME")
  void dnameQuery_returnsRecord() throws Exception {
    Message reply = ask("old.example.test.", Type.DNAME);

    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("old.example.test. 300 IN DNAME new.example.test.");
  }

  @Test
  @DisplayName("RFC 6672 §2.2: a synthesised name over 255 octets is YXDOMAIN with the DNAME")
  void synthesisedNameOver255Octets_isYxDomain() throws Exception {
    Message reply = ask("d".repeat(63) + ".long.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.YXDOMAIN);
    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("long.example.test. 300 IN DNAME " + LONG_TARGET);
  }

  @Test
  @DisplayName("RFC 6672 §3.1: a missing name below the DNAME target is NXDOMAIN after the CNAME")
  void dname_toMissingName_isNxDomain() throws Exception {
    Message reply = ask("nope.old.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "old.example.test. 300 IN DNAME new.example.test.",
        "nope.old.example.test. 300 IN CNAME nope.new.example.test.");
  }
}
