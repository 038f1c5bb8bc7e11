package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
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

  /** The root, lab. and test., and three leaves: g1 and g2 without glue, h glued in test. */
  private static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("test.", "ns1", "127.53.2.1")
      .defaults(LabZones::leaf)
      .zone("h.test.", "ns", "127.53.30.1")
      .zone("g2.lab.", g2 -> g2.server("ns.h.test."))
      .zone("g1.lab.", g1 -> g1.server("ns.g2.lab.", "127.53.31.1").records("www A 192.0.2.61"))
      .build();

  @Test
  @DisplayName("RFC 1034 §5.3.3: a glueless delegation whose name server sits in another glueless zone resolves")
  void gluelessInsideGlueless_resolves() {
    try (TestHierarchy lab = TestHierarchy.builder().zones(TREE).build();
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
