package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.spi.Responses;
import org.dnschase.resolver.testkit.RecordedQuery;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Questions about a signed zone's DNSSEC records themselves: an RRSIG question, which no signature
 * can vouch for (RFC 4034 §3: nothing signs an RRSIG), and an NS question at a signed zone, whose
 * own NS set is signed where its parent's copy is not (RFC 4035 §2.2).
 */
class RrsigQuestionTest {

  private static final Name WWW = Name.fromConstantString("www.alpha.lab.");
  private static final Name ALPHA = Name.fromConstantString("alpha.lab.");

  @Test
  @DisplayName("RFC 4034 §3: an RRSIG question is answered with the RRSIGs at the name, unvalidated (INDETERMINATE), "
      + "and the server front-end passes them on with or without DO, never with AD")
  void rrsigQuestion_answeredWithTheSignatures_unvalidated() {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution resolution = resolver.resolve(WWW, Type.RRSIG);

      assertThat(resolution).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
        assertThat(answer.records()).isNotEmpty().allSatisfy(record -> {
          assertThat(record).isInstanceOf(RRSIGRecord.class);
          assertThat(record.getName()).isEqualTo(WWW);
          assertThat(((RRSIGRecord) record).getSigner()).isEqualTo(ALPHA);
        });
        assertThat(answer.security()).isEqualTo(Security.INDETERMINATE);
      });
      for (boolean dnssecOk : new boolean[] {false, true}) {
        Message response = Responses.toMessage(resolution, query(WWW, Type.RRSIG, dnssecOk));
        assertThat(response.getSection(Section.ANSWER)).isNotEmpty().allMatch(record -> record.getType() == Type.RRSIG);
        assertThat(response.getHeader().getFlag(Flags.AD)).isFalse();
      }
    }
  }

  @Test
  @DisplayName("RFC 4035 §2.2: the unsigned NS set a signed zone's parent referred with answers no NS question: "
      + "the zone's servers give their signed one, SECURE")
  void nsQuestion_atSignedZone_asksTheZoneForItsSignedSet() throws Exception {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
      lab.clearQueries();

      Resolution nameServers = resolver.resolve(ALPHA, Type.NS);

      assertThat(nameServers).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
        assertThat(answer.security()).isEqualTo(Security.SECURE);
        assertThat(answer.rrset().sigs()).isNotEmpty();
      });
      InetAddress alphaServer = InetAddress.getByName("127.53.10.1");
      assertThat(lab.queries()).filteredOn(query -> query.server().equals(alphaServer))
          .extracting(RecordedQuery::qname).contains(ALPHA);
    }
  }

  private static Message query(Name name, int type, boolean dnssecOk) {
    Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
    query.addRecord(new OPTRecord(1232, 0, 0, dnssecOk ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    return query;
  }
}
