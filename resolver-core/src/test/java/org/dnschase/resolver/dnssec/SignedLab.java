package org.dnschase.resolver.dnssec;

import java.util.function.UnaryOperator;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.ResolverBuilder;
import org.dnschase.resolver.RootHints;
import org.dnschase.resolver.testkit.Signing;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.xbill.DNS.DNSSEC;

/**
 * The signed hierarchy the validation tests walk: a root, {@code lab.} and {@code test.}, and four
 * leaf zones with a chain through all of them:
 *
 * <pre>
 *   www.alpha.lab    A     192.0.2.1
 *   start.alpha.lab  CNAME hop1.beta.lab  -> hop2.gamma.test -> hop3.delta.test -> final.alpha.lab A 192.0.2.10
 *   old.beta.lab     DNAME new.gamma.test;   www.new.gamma.test A 192.0.2.20
 *   out.alpha.lab    CNAME www.plain.test   (plain.test is left unsigned by some tests)
 *   *.wild.alpha.lab A     192.0.2.90
 * </pre>
 */
final class SignedLab {

  static final ZoneTree TREE = ZoneTree.builder()
      .root("a.root.lab.", "127.53.0.1")
      .zone("lab.", "ns1", "127.53.1.1")
      .zone("test.", "ns1", "127.53.2.1")
      .zone("alpha.lab.", "ns", "127.53.10.1", """
          www      300  A     192.0.2.1
          start    300  CNAME hop1.beta.lab.
          final    3600 A     192.0.2.10
          out      300  CNAME www.plain.test.
          *.wild   300  A     192.0.2.90
          """)
      .zone("beta.lab.", "ns", "127.53.11.1", """
          hop1     120  CNAME hop2.gamma.test.
          old      300  DNAME new.gamma.test.
          """)
      .zone("gamma.test.", "ns", "127.53.12.1", """
          hop2     60   CNAME hop3.delta.test.
          www.new  600  A     192.0.2.20
          """)
      .zone("delta.test.", "ns", "127.53.13.1", """
          hop3     200  CNAME final.alpha.lab.
          """)
      .zone("plain.test.", "ns", "127.53.14.1", """
          www      300  A     192.0.2.30
          """)
      .build();

  /** ECDSA P-256, the algorithm most zones are signed with today. */
  static final Signing SIGNING = Signing.with(DNSSEC.Algorithm.ECDSAP256SHA256);

  private SignedLab() {}

  /** The hierarchy with every zone signed as {@link #SIGNING}. */
  static TestHierarchy start() {
    return start(SIGNING, UnaryOperator.identity());
  }

  /** The hierarchy with every zone signed as {@code signing}, changed by {@code more}. */
  static TestHierarchy start(Signing signing, UnaryOperator<TestHierarchy.Builder> more) {
    return more.apply(TestHierarchy.builder().zones(TREE).signed(signing)).build();
  }

  /** A resolver that walks from the lab's root and validates from its key. */
  static ResolverBuilder validatingResolver(TestHierarchy lab) {
    return validatingResolver(lab, UnaryOperator.identity());
  }

  /** A resolver that walks from the lab's root and validates from its key, with {@code settings}. */
  static ResolverBuilder validatingResolver(TestHierarchy lab, UnaryOperator<Validation> settings) {
    return Resolver.builder()
        .rootHints(RootHints.of(lab.rootHints()))
        .upstreamPort(lab.port())
        .loopbackOnly()
        .validation(settings.apply(Validation.trustAnchors(lab.trustAnchor().toString())));
  }
}
