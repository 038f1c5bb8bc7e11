package org.dnschase.resolver.issues;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dnschase.resolver.Diagnostic;
import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A server that answers NXDOMAIN and puts data for the very name asked in the answer section
 * contradicts itself: RCODE 3 says the name does not exist (RFC 1035 §4.1.1), and it speaks for
 * the last name of the answer's chain (RFC 6604 §3), here the name asked. The rcode is taken, as
 * Unbound's iterator takes it (an NXDOMAIN is an answer there whatever its sections hold): the
 * outcome is NXDOMAIN, the data is neither answered nor cached, and the resolution says why.
 */
class NxDomainWithDataTest {

  private static final String ROOT_SOA = ". 300 SOA a.root. hostmaster.root. 1 1800 900 604800 300";

  @Test
  @DisplayName("RFC 1035 §4.1.1, RFC 6604 §3: an NXDOMAIN carrying an A for the name asked is NXDOMAIN, "
      + "the A neither answered nor cached, with a diagnostic naming the server")
  void nxDomainWithAnAddressForTheName_isNxDomainWithADiagnostic() {
    CannedServers servers = new CannedServers().reply(CannedServers.ROOT, "www.example. A", Rcode.NXDOMAIN, true,
        List.of("www.example. 300 A 192.0.2.80"), List.of(ROOT_SOA), List.of());

    try (Resolver resolver = servers.resolver()) {
      Resolution first = resolver.resolve("www.example.", Type.A);
      Resolution again = resolver.resolve("www.example.", Type.A);

      assertThat(first).isInstanceOf(Resolution.NxDomain.class);
      assertThat(first.diagnostics()).singleElement().satisfies(diagnostic -> {
        assertThat(diagnostic.kind()).isEqualTo(Diagnostic.Oddity.NXDOMAIN_WITH_DATA);
        assertThat(diagnostic.detail()).contains("192.0.2.1", "www.example.", "A");
      });
      assertThat(again).as("the negative answer cached, not the A").isInstanceOf(Resolution.NxDomain.class);
      assertThat(servers.asked("www.example. A")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("RFC 6604 §3: an NXDOMAIN whose chain ends at a name it carries data for is NXDOMAIN at that name, "
      + "the chain kept, the data neither answered nor cached, with a diagnostic")
  void nxDomainWithDataAtTheChainsEnd_isNxDomainThere() {
    CannedServers servers = new CannedServers().reply(CannedServers.ROOT, "www.example. A", Rcode.NXDOMAIN, true,
        List.of("www.example. 300 CNAME web.example.", "web.example. 300 A 192.0.2.80"), List.of(ROOT_SOA), List.of());

    try (Resolver resolver = servers.resolver()) {
      Resolution outcome = resolver.resolve("www.example.", Type.A);

      assertThat(outcome).isInstanceOf(Resolution.NxDomain.class);
      assertThat(outcome.chain()).singleElement().satisfies(hop -> assertThat(hop.target()).hasToString("web.example."));
      assertThat(outcome.diagnostics()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Oddity.NXDOMAIN_WITH_DATA);
      assertThat(resolver.resolve("web.example.", Type.A)).as("the NXDOMAIN cached for the chain's end")
          .isInstanceOf(Resolution.NxDomain.class);
      assertThat(servers.queries()).as("the priming and the one question").isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CNAME", "ANY"})
  @DisplayName("RFC 6604 §2.1, RFC 1034 §4.3.2 step 3a: an NXDOMAIN carrying an alias at the name asked speaks of the "
      + "alias's target; a CNAME or ANY question is answered by the alias, and the name is not denied for other types")
  void nxDomainWithTheAliasAsked_isAnsweredByTheAlias(String qtype) {
    String alias = "www.example. 300 CNAME web.elsewhere.";
    CannedServers servers = new CannedServers()
        .reply(CannedServers.ROOT, "www.example. " + qtype, Rcode.NXDOMAIN, true, List.of(alias), List.of(ROOT_SOA),
            List.of())
        .reply(CannedServers.ROOT, "www.example. A", Rcode.NOERROR, true, List.of(alias), List.of(), List.of())
        .reply(CannedServers.ROOT, "web.elsewhere. A", Rcode.NOERROR, true, List.of("web.elsewhere. 300 A 192.0.2.80"),
            List.of(), List.of());

    try (Resolver resolver = servers.resolver()) {
      Resolution answered = resolver.resolve("www.example.", Type.value(qtype));
      Resolution address = resolver.resolve("www.example.", Type.A);

      assertThat(answered).isInstanceOfSatisfying(Resolution.Answer.class, answer ->
          assertThat(answer.rrset().first().rdataToString()).isEqualTo("web.elsewhere."));
      assertThat(address).as("no NXDOMAIN cached for the alias's name").isInstanceOfSatisfying(Resolution.Answer.class,
          answer -> assertThat(answer.rrset().first().rdataToString()).isEqualTo("192.0.2.80"));
    }
  }
}
