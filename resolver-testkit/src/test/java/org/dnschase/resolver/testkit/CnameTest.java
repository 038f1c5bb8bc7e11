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

class CnameTest extends ExampleZoneTest {

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: a CNAME with an in-zone target is followed in the zone")
  void cname_inZoneTarget_isFollowed() throws Exception {
    Message reply = ask("alias.example.test.", Type.A);

    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "alias.example.test. 300 IN CNAME www.example.test.",
        "www.example.test. 300 IN A 127.0.0.80",
        "www.example.test. 300 IN A 127.0.0.81");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: a chain of CNAMEs in one zone is answered in order")
  void cnameChain_isAnsweredInOrder() throws Exception {
    Message reply = ask("chain1.example.test.", Type.A);

    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "chain1.example.test. 300 IN CNAME chain2.example.test.",
        "chain2.example.test. 300 IN CNAME www.example.test.",
        "www.example.test. 300 IN A 127.0.0.80",
        "www.example.test. 300 IN A 127.0.0.81");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3a: a CNAME leaving the zone is answered alone, with AA")
  void cname_outOfZoneTarget_isAnsweredAlone() throws Exception {
    Message reply = ask("outside.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("outside.example.test. 300 IN CNAME www.elsewhere.test.");
    assertThat(reply.getSection(Section.AUTHORITY)).isEmpty();
  }

  @Test
  @DisplayName("RFC 6604 §3: a CNAME to a missing in-zone name is NXDOMAIN carrying the CNAME")
  void cname_toMissingName_isNxDomainWithCname() throws Exception {
    Message reply = ask("dangling.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("dangling.example.test. 300 IN CNAME nothing.example.test.");
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(
        "example.test. 60 IN SOA ns1.example.test. hostmaster.example.test. 2024010101 1800 900 604800 60");
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME query returns the CNAME itself, not followed")
  void cnameQuery_returnsRecord() throws Exception {
    Message reply = ask("alias.example.test.", Type.CNAME);

    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("alias.example.test. 300 IN CNAME www.example.test.");
  }

  @Test
  @DisplayName("RFC 1034 §3.6.2: a CNAME loop ends the reply once each link was given")
  void cnameLoop_endsTheReply() throws Exception {
    Message reply = ask("loop1.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "loop1.example.test. 300 IN CNAME loop2.example.test.",
        "loop2.example.test. 300 IN CNAME loop1.example.test.");
  }
}
