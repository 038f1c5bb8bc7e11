package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dnschase.resolver.BogusReason;
import org.dnschase.resolver.FailureReason;
import org.dnschase.resolver.Hop;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 6672 §3.2, §5.3.1: the CNAME a server puts beside a signed DNAME is unsigned, vouched for by
 * the DNAME alone; one that points elsewhere than the DNAME says is forged. The chase never
 * follows it, but the reply that carries it is BOGUS, while the DNAME itself, validated, stays
 * cached and answers the next question by its own synthesis.
 */
class ForgedDnameSynthesisTest {

  private static final Name FORGED_TARGET = Name.fromConstantString("evil.example.");

  /** beta.lab.'s server, answering every CNAME under its DNAME with one to {@link #FORGED_TARGET}. */
  private static void forgeSyntheses(TestHierarchy lab) throws UnknownHostException {
    AuthServer beta = lab.server(InetAddress.getByName("127.53.11.1"));
    Dispatcher zone = beta.zoneDispatcher();
    beta.setDispatcher(query -> {
      Message reply = zone.dispatch(query);
      for (Record record : reply.getSection(Section.ANSWER)) {
        if (record instanceof CNAMERecord cname) {
          reply.removeRecord(cname, Section.ANSWER);
          reply.addRecord(new CNAMERecord(cname.getName(), DClass.IN, cname.getTTL(), FORGED_TARGET), Section.ANSWER);
        }
      }
      return reply;
    });
  }

  @Test
  @DisplayName("RFC 6672 §5.3.1: a CNAME contradicting its signed DNAME makes the answer BOGUS; the DNAME stays usable")
  void cnameContradictingSignedDname_isBogus() throws UnknownHostException {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      forgeSyntheses(lab);

      Resolution forged = resolver.resolve("www.old.beta.lab.", Type.A);
      Resolution next = resolver.resolve("www.old.beta.lab.", Type.TXT);

      assertThat(forged).isInstanceOfSatisfying(Resolution.Failure.class, failure -> {
        assertThat(failure.reason()).isEqualTo(FailureReason.DNSSEC_BOGUS);
        assertThat(failure.bogusReason()).isEqualTo(BogusReason.NO_SIGNATURE);
      });
      assertThat(next.chain()).extracting(Hop::source).first().isEqualTo(Hop.Source.CACHE);
      assertThat(next.security()).isEqualTo(Security.SECURE);
    }
  }

  @Test
  @DisplayName("RFC 6672 §3.1: a CNAME question under a cached DNAME is answered by its synthesis, not the server's forgery")
  void cnameQuestionUnderCachedDname_isAnsweredFromTheCache() throws UnknownHostException {
    try (TestHierarchy lab = SignedLab.start();
        Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve("old.beta.lab.", Type.DNAME)).isInstanceOf(Resolution.Answer.class);
      forgeSyntheses(lab);
      lab.clearQueries();

      Resolution cname = resolver.resolve("www.old.beta.lab.", Type.CNAME);

      assertThat(cname).isInstanceOfSatisfying(Resolution.Answer.class, answer -> assertThat(
          ((CNAMERecord) answer.rrset().first()).getTarget()).hasToString("www.new.gamma.test."));
      assertThat(cname.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isZero();
    }
  }
}
