package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 1034 §5.3.3 step 2 (name server addresses found by further resolution): a delegation
 * without glue whose name server lives in a zone that is itself delegated without glue.
 *
 * <pre>
 *   g1.lab.  NS ns.g2.lab.   (no glue)     g2.lab.  NS ns.h.test.   (no glue)
 *   h.test.  NS ns.h.test.   (glued in test.)
 * </pre>
 */
class NestedGluelessTest {

  private static final String LAB = """
      $ORIGIN lab.
      $TTL 86400
      @    SOA ns1 hostmaster 1 3600 600 86400 3600
      @    NS  ns1
      ns1  A   127.53.1.1
      g1   NS  ns.g2.lab.
      g2   NS  ns.h.test.
      """;
  private static final String TEST = LabZones.testTld("""
      h    NS  ns.h
      ns.h A   127.53.30.1
      """);
  private static final String H = """
      $ORIGIN h.test.
      $TTL 3600
      @    SOA ns hostmaster 1 3600 600 86400 300
      @    NS  ns
      ns   A   127.53.30.1
      """;
  private static final String G2 = """
      $ORIGIN g2.lab.
      $TTL 3600
      @    SOA ns.h.test. hostmaster 1 3600 600 86400 300
      @    NS  ns.h.test.
      ns   A   127.53.31.1
      """;
  private static final String G1 = """
      $ORIGIN g1.lab.
      $TTL 3600
      @    SOA ns.g2.lab. hostmaster 1 3600 600 86400 300
      @    NS  ns.g2.lab.
      www  A   192.0.2.61
      """;

  @Test
  @DisplayName("RFC 1034 §5.3.3: a glueless delegation whose name server sits in another glueless zone resolves")
  void gluelessInsideGlueless_resolves() {
    try (TestHierarchy lab = TestHierarchy.builder()
            .zone(ChainLab.ROOT).zone(LAB).zone(TEST).zone(H).zone(G2).zone(G1).build();
        Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Resolution result = resolver.resolve("www.g1.lab.", Type.A);

      assertThat(result).isInstanceOf(Resolution.Answer.class);
      assertThat(((Resolution.Answer) result).records()).singleElement()
          .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.61"));
      assertThat(lab.queries()).extracting(q -> q.server().getHostAddress())
          .contains("127.53.30.1", "127.53.31.1");
      assertThat(lab.queries()).filteredOn(q -> q.server().getHostAddress().equals("127.53.31.1"))
          .extracting(q -> q.qname()).contains(Name.fromConstantString("www.g1.lab."));
    }
  }
}
