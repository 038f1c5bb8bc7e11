package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dnschase.resolver.testkit.Client.lines;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ReferralTest {
  private final TestHierarchy dns = StandardHierarchy.start();

  @AfterEach
  void close() {
    dns.close();
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: the root refers to the TLD with NS and glue, no AA")
  void root_refersToTld_withGlue() throws Exception {
    Message reply = Client.udp(dns.server(StandardHierarchy.ROOT_SERVER),
        Client.query("www.example.test.", Type.A));

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly("test. 86400 IN NS ns.nic.test.");
    assertThat(lines(reply, Section.ADDITIONAL)).containsExactly("ns.nic.test. 86400 IN A 127.53.0.2");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: the TLD refers to the leaf zone with its in-zone glue")
  void tld_refersToLeaf_withGlue() throws Exception {
    Message reply = Client.udp(dns.server(StandardHierarchy.TLD_SERVER),
        Client.query("www.example.test.", Type.A));

    assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(lines(reply, Section.AUTHORITY))
        .containsExactly("example.test. 3600 IN NS ns1.example.test.");
    assertThat(lines(reply, Section.ADDITIONAL))
        .containsExactly("ns1.example.test. 3600 IN A 127.53.0.3");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 3b: an NS query for the cut is a referral too")
  void nsQueryAtCut_isReferral() throws Exception {
    Message reply = Client.udp(dns.server(StandardHierarchy.TLD_SERVER),
        Client.query("example.test.", Type.NS));

    assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(lines(reply, Section.AUTHORITY))
        .containsExactly("example.test. 3600 IN NS ns1.example.test.");
  }

  @Test
  @DisplayName("RFC 4035 §3.1.4.1: DS at a cut is answered by the parent, here NODATA with its SOA")
  void dsAtCut_isAnsweredByParent() throws Exception {
    Message reply = Client.udp(dns.server(StandardHierarchy.TLD_SERVER),
        Client.query("example.test.", Type.DS));

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(
        "test. 900 IN SOA ns.nic.test. hostmaster.nic.test. 1 1800 900 604800 900");
  }

  @Test
  @DisplayName("RFC 1034 §4.3.2 step 2: a server with parent and child zones answers from the child")
  void serverWithParentAndChild_answersFromChild() throws Exception {
    Message reply = Client.udp(dns.server(StandardHierarchy.TLD_SERVER),
        Client.query("www.shared.test.", Type.A));

    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER)).containsExactly("www.shared.test. 600 IN A 127.0.0.70");
  }

  @Test
  @DisplayName("RFC 4035 §3.1.4.1: with both sides on one server, DS at the cut comes from the parent")
  void dsAtCutWithBothSides_comesFromParent() throws Exception {
    Message reply = Client.udp(dns.server(StandardHierarchy.TLD_SERVER),
        Client.query("shared.test.", Type.DS));

    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(
        "test. 900 IN SOA ns.nic.test. hostmaster.nic.test. 1 1800 900 604800 900");
  }
}
