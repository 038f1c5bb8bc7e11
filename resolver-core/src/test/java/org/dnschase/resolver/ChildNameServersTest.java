package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * RFC 2181 §5.4.1: the NS set in a referral's authority section is the parent's copy, data of a
 * non-authoritative answer, which "should not be cached in such a way that [it] would ever be
 * returned as answers to a received query". It leads the resolution to the zone's servers; an NS
 * question about the zone is answered with the zone's own NS set. Here test.'s delegation of
 * split.test. names ns1 and old, where split.test.'s apex names ns1 alone (the same server).
 */
class ChildNameServersTest {

  static final ZoneTree TREE = LabZones.rootAndTest()
      .zone("split.test.", split -> split.server("ns1", "127.53.61.1").delegatedOnly("old", "127.53.61.1")
          .records("www A 192.0.2.61"))
      .build();

  @Lab static TestHierarchy lab;

  @Test
  @DisplayName("RFC 2181 §5.4.1: after a referral to the zone, its NS question gets the zone's own NS set, not the parent's")
  void nsQuestionAfterReferral_answersTheChildsSet() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      assertThat(resolver.resolve("www.split.test.", Type.A)).isInstanceOf(Resolution.Answer.class);

      Resolution ns = resolver.resolve("split.test.", Type.NS);

      assertThat(ns).isInstanceOfSatisfying(Resolution.Answer.class, answer -> assertThat(answer.records())
          .extracting(record -> ((NSRecord) record).getTarget())
          .containsExactly(Name.fromConstantString("ns1.split.test.")));
    }
  }

  @Test
  @DisplayName("the zone's own NS set, once asked, answers the next NS question from the cache")
  void childsSet_isCachedAndAnswersAgain() {
    try (Resolver resolver = ChainLab.resolverFor(lab).build()) {
      resolver.resolve("www.split.test.", Type.A);
      resolver.resolve("split.test.", Type.NS);
      lab.clearQueries();

      Resolution again = resolver.resolve("split.test.", Type.NS);

      assertThat(again).isInstanceOf(Resolution.Answer.class);
      assertThat(lab.queryCount()).isZero();
    }
  }
}
