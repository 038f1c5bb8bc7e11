package org.dnschase.resolver.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.dnschase.resolver.Defaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReplyPolicy: an immutable value of what a reply keeps")
class ReplyPolicyTest {

  @Test
  @DisplayName("the defaults are Unbound's: answers' NS sets dropped, glue not verified, nothing filtered")
  void defaults_areUnbounds() {
    ReplyPolicy defaults = ReplyPolicy.defaults();

    assertThat(defaults.answerNameServersCached()).isEqualTo(Defaults.CACHE_ANSWER_NAME_SERVERS).isFalse();
    assertThat(defaults.glueVerified()).isEqualTo(Defaults.VERIFY_GLUE).isFalse();
    assertThat(defaults.privateNetblocks()).isEmpty();
  }

  @Test
  @DisplayName("each with method returns a new policy and leaves the one it was called on as it was")
  void withMethods_leaveTheOriginal() {
    ReplyPolicy defaults = ReplyPolicy.defaults();

    ReplyPolicy changed = defaults.withGlueVerified(true).withAnswerNameServersCached(true)
        .withPrivateAddresses(List.of("10.0.0.0/8"), List.of("corp.test."));

    assertThat(changed.glueVerified()).isTrue();
    assertThat(changed.answerNameServersCached()).isTrue();
    assertThat(changed.privateNetblocks()).containsExactly("10.0.0.0/8");
    assertThat(changed.privateDomains()).containsExactly("corp.test.");
    assertThat(defaults).isSameAs(ReplyPolicy.defaults());
    assertThat(defaults.glueVerified()).isFalse();
  }

  @Test
  @DisplayName("null netblocks or domains are refused by name")
  void nulls_areRefused() {
    assertThatNullPointerException().isThrownBy(() -> ReplyPolicy.defaults().withPrivateAddresses(null, List.of()))
        .withMessage("netblocks");
  }
}
