package org.dnschase.resolver.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Resolution;
import org.dnschase.resolver.Resolver;
import org.dnschase.resolver.Security;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * RFC 9609 §3 with RFC 4035 §5: the priming's NS set, taken before the root's keys are known and
 * so unvalidated, reaches the root's servers as a referral's NS set would, and answers no
 * question (RFC 2181 §5.4.1); asked for the root's NS set, a validating resolver asks the root's
 * servers and validates their answer, SECURE as the signed root's data is.
 */
class RootNameServersTest {

  @Lab("SignedLab#start") static TestHierarchy lab;

  @Test
  @DisplayName("RFC 4035 §5: after the priming, the root's NS set asked is validated: SECURE")
  void rootNameServersAfterPriming_areSecure() {
    try (Resolver resolver = SignedLab.validatingResolver(lab).build()) {
      assertThat(resolver.resolve("www.alpha.lab.", Type.A).security()).isEqualTo(Security.SECURE);
      lab.settle();

      Resolution root = resolver.resolve(".", Type.NS);

      assertThat(root).isInstanceOf(Resolution.Answer.class);
      assertThat(root.security()).isEqualTo(Security.SECURE);
    }
  }
}
