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

class WildcardTest extends ExampleZoneTest {
  private static final String SOA =
      "example.test. 60 IN SOA ns1.example.test. hostmaster.example.test. 2024010101 1800 900 604800 60";

  @Test
  @DisplayName("RFC 4592 §4.1: a wildcard answers with the owner set to the qname, with AA")
  void wildcard_answersWithQname() throws Exception {
    Message reply = ask("anything.wild.example.test.", Type.A);

    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("anything.wild.example.test. 300 IN A 127.0.0.90");
  }

  @Test
  @DisplayName("RFC 4592 §3.3.1: the wildcard of the closest encloser answers several labels down")
  void wildcard_answersSeveralLabelsDown() throws Exception {
    Message reply = ask("a.b.wild.example.test.", Type.A);

    assertThat(lines(reply, Section.ANSWER))
        .containsExactly("a.b.wild.example.test. 300 IN A 127.0.0.90");
  }

  @Test
  @DisplayName("RFC 4592 §4.1: a wildcard CNAME is synthesised and followed in the zone")
  void wildcardCname_isSynthesisedAndFollowed() throws Exception {
    Message reply = ask("x.wcname.example.test.", Type.A);

    assertThat(lines(reply, Section.ANSWER)).containsExactly(
        "x.wcname.example.test. 300 IN CNAME www.example.test.",
        "www.example.test. 300 IN A 127.0.0.80",
        "www.example.test. 300 IN A 127.0.0.81");
  }

  @Test
  @DisplayName("RFC 4592 §2.2.1: a name that exists is not covered by the wildcard beside it")
  void existingName_isNotCoveredByWildcard() throws Exception {
    Message reply = ask("exists.wild.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(SOA);
  }

  @Test
  @DisplayName("RFC 4592 §2.2.1: below an existing name, the wildcard above does not apply")
  void belowExistingName_wildcardDoesNotApply() throws Exception {
    Message reply = ask("x.exists.wild.example.test.", Type.A);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  @DisplayName("RFC 4592 §3.3.1: a wildcard without the type asked for is NODATA")
  void wildcardWithoutType_isNoData() throws Exception {
    Message reply = ask("anything.wild.example.test.", Type.MX);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    assertThat(lines(reply, Section.AUTHORITY)).containsExactly(SOA);
  }
}
