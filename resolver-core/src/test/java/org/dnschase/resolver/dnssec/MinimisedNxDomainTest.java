package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.AuthServer;
import org.dnschase.resolver.testkit.Dispatcher;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 8020 §2 under QNAME minimisation (RFC 9156): an NXDOMAIN for a minimised ancestor of the
 * name means the name does not exist either. Relaxed minimisation asks the full name again all
 * the same, for the broken servers that answer an empty non-terminal so; a validating resolver
 * trusts an NXDOMAIN proven SECURE and ends the question there, and keeps the fallback for one
 * that is not proven.
 */
class MinimisedNxDomainTest {

  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("alpha.lab.", "ns", "127.53.10.1", """
          www.deep 300  A     192.0.2.5
          """)
      .build();
  private static final Name EMPTY_NON_TERMINAL = Name.fromConstantString("deep.alpha.lab.");

  private TestHierarchy lab;

  @BeforeEach
  void start() {
    lab = TestHierarchy.builder().zones(TREE).signed(SignedLab.SIGNING).build();
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  @DisplayName("RFC 8020 §2: a SECURE NXDOMAIN for a minimised ancestor ends the question; the full name is never asked")
  void secureNxDomainForMinimisedAncestor_endsTheQuestion() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("x.y.nothere.alpha.lab.", Type.TXT);

      assertThat(result).isInstanceOf(Resolution.NxDomain.class);
      assertThat(result.security()).isEqualTo(Security.SECURE);
      assertThat(queriesFor("x.y.nothere.alpha.lab.")).isZero();
      assertThat(queriesFor("nothere.alpha.lab.")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 8020 §2: the ancestor's SECURE NXDOMAIN is cached and answers another name below it with no query")
  void secureNxDomainForMinimisedAncestor_answersNamesBelowFromTheCache() {
    // without RFC 8198's aggressive use of the NSEC range, which would answer the name as well
    try (Resolver resolver = SignedLab.validatingResolver(lab, Validation::withoutAggressiveNsec).build()) {
      resolver.resolve("x.y.nothere.alpha.lab.", Type.TXT);
      lab.clearQueries();

      Resolution other = resolver.resolve("other.nothere.alpha.lab.", Type.A);

      assertThat(other).isInstanceOf(Resolution.NxDomain.class);
      assertThat(other.security()).isEqualTo(Security.SECURE);
      assertThat(lab.queryCount()).isZero();
    }
  }

  @Test
  @DisplayName("RFC 9156 relaxed: an unproven NXDOMAIN for a minimised empty non-terminal has the full name asked; SECURE")
  void unprovenNxDomainForEmptyNonTerminal_fullNameAsked() throws UnknownHostException {
    AuthServer server = lab.server(InetAddress.getByName("127.53.10.1"));
    Dispatcher zone = server.zoneDispatcher();
    server.setDispatcher(query -> query.qname().equals(EMPTY_NON_TERMINAL) ? bareNxDomain(zone.dispatch(query))
        : zone.dispatch(query));
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      Resolution result = resolver.resolve("www.deep.alpha.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(result.security()).isEqualTo(Security.SECURE);
      assertThat(queriesFor("www.deep.alpha.lab.")).isEqualTo(1);
    }
  }

  /** The reply turned into an NXDOMAIN with no proof, as a broken server gives for an empty non-terminal. */
  private static Message bareNxDomain(Message reply) {
    reply.getHeader().setRcode(Rcode.NXDOMAIN);
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      reply.removeAllRecords(section);
    }
    return reply;
  }

  private long queriesFor(String name) {
    Name asked = Name.fromConstantString(name);
    return lab.queries().stream().filter(query -> query.qname().equals(asked)).count();
  }
}
