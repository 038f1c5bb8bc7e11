package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dnschase.resolver.testkit.RecordedQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** RFC 9156: servers above the zone of a name see only the labels they need. */
class QnameMinimisationTest extends ChainLabTest {

  private static final Name FULL = Name.fromConstantString("final.alpha.lab.");

  @Test
  @DisplayName("RFC 9156 §2: with minimisation on (the default), the root and the TLD never see the full name")
  void serversAboveTheZone_neverSeeTheFullName() {
    Resolution result = resolver.resolve(FULL, Type.A);

    assertThat(result).isInstanceOf(Resolution.Answer.class);
    assertThat(queriesTo("127.53.0.1")).extracting(RecordedQuery::qname).doesNotContain(FULL)
        .contains(Name.fromConstantString("lab."));
    assertThat(queriesTo("127.53.1.1")).extracting(RecordedQuery::qname).doesNotContain(FULL)
        .contains(Name.fromConstantString("alpha.lab."));
    assertThat(queriesTo("127.53.10.1")).extracting(RecordedQuery::qname).contains(FULL);
  }

  @Test
  @DisplayName("RFC 9156 §3: minimised questions ask for NS, the real type goes only with the full name")
  void minimisedQuestions_useNsType() {
    resolver.resolve(FULL, Type.A);

    assertThat(lab.queries()).filteredOn(q -> !q.qname().equals(FULL) && !q.qname().equals(Name.root))
        .isNotEmpty().allSatisfy(q -> assertThat(q.qtype()).isEqualTo(Type.NS));
    assertThat(lab.queries()).filteredOn(q -> q.qname().equals(FULL))
        .allSatisfy(q -> assertThat(q.qtype()).isEqualTo(Type.A));
  }

  @Test
  @DisplayName("RFC 9156 §2.1: minimised questions can ask for A instead, as Unbound does; the real type still goes only with the full name")
  void minimisedQuestions_canUseAType() {
    try (Resolver unboundLike = ChainLab.resolverFor(lab).qnameMinimisationType(Type.A).build()) {
      assertThat(unboundLike.resolve(FULL, Type.AAAA)).isNotInstanceOf(Resolution.Failure.class);
    }

    assertThat(lab.queries()).filteredOn(q -> !q.qname().equals(FULL) && !q.qname().equals(Name.root))
        .isNotEmpty().allSatisfy(q -> assertThat(q.qtype()).isEqualTo(Type.A));
    assertThat(lab.queries()).filteredOn(q -> q.qname().equals(FULL))
        .isNotEmpty().allSatisfy(q -> assertThat(q.qtype()).isEqualTo(Type.AAAA));
  }

  @Test
  @DisplayName("Only NS and A make sense as the type of minimised questions")
  void minimisedQuestionType_isNsOrA() {
    assertThatThrownBy(() -> Resolver.builder().qnameMinimisationType(Type.MX))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MX");
  }

  @Test
  @DisplayName("Switched off, every server on the way is asked the full name")
  void switchedOff_asksTheFullNameEverywhere() {
    try (Resolver plain = ChainLab.resolverFor(lab).qnameMinimisation(false).build()) {
      plain.resolve(FULL, Type.A);
    }

    assertThat(queriesTo("127.53.0.1")).extracting(RecordedQuery::qname).contains(FULL);
    assertThat(queriesTo("127.53.1.1")).extracting(RecordedQuery::qname).containsOnly(FULL);
  }
}
