package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.dnschase.resolver.CacheLab.ALIAS;
import static org.dnschase.resolver.CacheLab.WWW;

import org.dnschase.resolver.internal.servers.FakeTicker;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * {@link ResolverBuilder#messageCache}: answers remembered as Unbound's message cache keeps them,
 * within a byte budget; past it a question is asked upstream again although its RRsets are cached.
 */
class MessageCacheTest {

  @Lab("CacheLab#start") private static TestHierarchy lab;
  private final FakeTicker ticker = new FakeTicker();

  @BeforeEach
  void clear() {
    lab.clearQueries();
  }

  @Test
  @DisplayName("an answer the message cache remembers is answered again from the cache, with no query")
  void rememberedAnswer_comesFromTheCache() {
    try (Resolver resolver = CacheLab.resolverFor(lab, ticker).messageCache(1 << 20).build()) {
      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
      int cold = lab.queryCount();

      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);

      assertThat(lab.queryCount()).isEqualTo(cold);
    }
  }

  @Test
  @DisplayName("an answer the budget had no room for is asked upstream again, though its RRset is still cached")
  void forgottenAnswer_isAskedAgain() {
    try (Resolver resolver = CacheLab.resolverFor(lab, ticker).messageCache(1).build()) {
      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
      int cold = lab.queryCount();

      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);

      assertThat(lab.queryCount()).isGreaterThan(cold);
    }
  }

  @Test
  @DisplayName("without a message cache an answer lives as long as its RRsets: no query while they are cached")
  void withoutMessageCache_theRRsetAnswers() {
    try (Resolver resolver = CacheLab.resolverFor(lab, ticker).build()) {
      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);
      int cold = lab.queryCount();

      assertThat(resolver.resolve(WWW, Type.A)).isInstanceOf(Resolution.Answer.class);

      assertThat(lab.queryCount()).isEqualTo(cold);
    }
  }

  @Test
  @DisplayName("a CNAME an A question cached answers the CNAME question with no query, though no message "
      + "remembers that question (RFC 1034 §3.6.2: the CNAME is the answer; Unbound reads it from its RRset cache)")
  void cachedCname_answersTheCnameQuestion() {
    try (Resolver resolver = CacheLab.resolverFor(lab, ticker).messageCache(1 << 20).build()) {
      assertThat(resolver.resolve(ALIAS, Type.A)).isInstanceOf(Resolution.Answer.class);
      int cold = lab.queryCount();

      Resolution cname = resolver.resolve(ALIAS, Type.CNAME);

      assertThat(cname).isInstanceOfSatisfying(Resolution.Answer.class,
          answer -> assertThat(answer.rrset().getType()).isEqualTo(Type.CNAME));
      assertThat(lab.queryCount()).isEqualTo(cold);
    }
  }

  @Test
  @DisplayName("the budget must be at least one byte")
  void budget_mustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> Resolver.builder().messageCache(0))
        .withMessageContaining("messageCache");
  }
}
