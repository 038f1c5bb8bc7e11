package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 4035 §3.1.4.1: the DS RRset at a zone cut is the parent's. A DS question whose alias leads
 * to a zone's apex is answered by the parent's servers, even when the alias lives in that zone and
 * its server, following it in its own data, adds a NODATA for DS at its apex: that NODATA speaks
 * for the child side, which holds no DS. Here {@code test.} holds a DS for {@code signed.test.},
 * whose {@code apex} is a CNAME to the zone's own name.
 */
class DsThroughAliasTest {

  static final ZoneTree TREE = LabZones.rootAndTest(
          "signed 3600 DS 12345 13 2 9d5b52e2b0d8a9f2c7c2b6a4d5e3f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4")
      .zone("signed.test.", signed -> signed.server("ns1", "127.53.81.1")
          .records("apex CNAME signed.test.\nwww A 192.0.2.81"))
      .build();

  @Lab static TestHierarchy lab;

  @Test
  @DisplayName("RFC 4035 §3.1.4.1: a DS question through an alias to a zone's apex is answered by the parent's DS")
  void dsThroughAliasToApex_isTheParentsDs() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      Resolution ds = resolver.resolve("apex.signed.test.", Type.DS);

      assertThat(ds).isInstanceOfSatisfying(Resolution.Answer.class, answer -> {
        assertThat(answer.rrset().getName()).isEqualTo(Name.fromConstantString("signed.test."));
        assertThat(answer.rrset().getType()).isEqualTo(Type.DS);
      });
      assertThat(ds.chain()).singleElement().satisfies(hop -> assertThat(hop.kind()).isEqualTo(Hop.Kind.CNAME));
    }
  }

  @Test
  @DisplayName("RFC 4035 §3.1.4.1: the zone's DS asked directly is the parent's too, the alias's answer aside")
  void dsAtApexAfterAlias_isTheParentsDs() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      resolver.resolve("apex.signed.test.", Type.DS);

      assertThat(resolver.resolve("signed.test.", Type.DS)).isInstanceOf(Resolution.Answer.class);
    }
  }
}
