package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.junit.Lab;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * A query timeout the builder accepts is one the sockets can wait: {@link Budgets} takes timeouts
 * up to {@link org.dnschase.resolver.internal.Timings#LONGEST}, while a socket's read timeout and
 * Netty's connect timeout are ints of milliseconds (at most about 24.8 days). A longer timeout
 * waits as long as a socket can instead of wrapping round to a negative number, which the JDK and
 * Netty refuse, so that every exchange failed before it was sent.
 */
class LongTimeoutsTest {

  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  @Lab("startLab") private static TestHierarchy lab;

  /** The hierarchy the tests run against, started. */
  static TestHierarchy startLab() {
    return FloodLab.start("127.53.45");
  }

  @Test
  @DisplayName("A 30-day query timeout and deadline: names are answered over UDP and over TCP")
  void timeoutsLongerThanASocketCanCount_stillAnswer() throws Exception {
    Budgets patient = Budgets.DEFAULTS.withDeadline(THIRTY_DAYS).withQueryTimeout(THIRTY_DAYS);
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(patient).build()) {
      Resolution overUdp = resolver.resolveAsync("www.calm.test.", Type.A).get(10, TimeUnit.SECONDS);
      Resolution overTcp = resolver.resolveAsync("www.flood.test.", Type.A).get(10, TimeUnit.SECONDS);

      assertThat(overUdp).isInstanceOf(Resolution.Answer.class);
      assertThat(overTcp).isInstanceOf(Resolution.Answer.class);
    }
  }
}
