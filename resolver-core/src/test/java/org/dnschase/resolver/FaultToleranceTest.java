package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.time.Duration;
import java.util.stream.Stream;
import org.dnschase.resolver.cache.CacheLookup;
import org.dnschase.resolver.cache.RRsetCache;
import org.dnschase.resolver.internal.message.RRsets;
import org.dnschase.resolver.testkit.Fault;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Every fault the testkit can inject, on one or on both servers of a zone: the resolution ends in
 * the right answer via the other server or in a typed failure within the deadline, never a hang,
 * and nothing a server says outside its bailiwick reaches the cache.
 */
class FaultToleranceTest extends FaultLabFixture {

  /** The deadline plus room for the JVM and the test's own work. */
  static final Duration NO_HANG = FaultLab.SHORT.deadline().plusSeconds(1);
  /** Fresh resolvers tried until one picks the broken server first (the choice is random): 2^-20 to miss. */
  static final int ATTEMPTS = 20;

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("drop", new Fault.Drop()),
        Arguments.of("delay past the query timeout", new Fault.Delay(Duration.ofSeconds(1))),
        Arguments.of("truncate", new Fault.TruncateUdp()),
        Arguments.of("garbage", new Fault.Garbage()),
        Arguments.of("wrong ID", new Fault.WrongId()),
        Arguments.of("wrong question", new Fault.WrongQuestion()),
        Arguments.of("REFUSED", new Fault.Rcode(Rcode.REFUSED)),
        Arguments.of("SERVFAIL", new Fault.Rcode(Rcode.SERVFAIL)),
        Arguments.of("lame", new Fault.Lame()),
        Arguments.of("out-of-bailiwick record", new Fault.OutOfBailiwick(poison(), Section.ANSWER)));
  }

  @ParameterizedTest(name = "{0} on one server: the answer comes via the other")
  @MethodSource("faults")
  void faultOnOneServer_answerViaTheOther(String kind, Fault fault) {
    first.setFault(fault);
    for (int attempt = 0; attempt < ATTEMPTS && first.queryCount() == 0; attempt++) {
      lab.clearQueries();
      try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).build()) {
        long start = System.nanoTime();
        Resolution result = resolver.resolve("www.two.test.", Type.A);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
        assertThat(addresses(result)).as(kind + ": " + result).containsExactly("192.0.2.1");
      }
    }
    assertThat(first.queryCount()).as("the broken server was asked in one of the attempts").isPositive();
  }

  @ParameterizedTest(name = "{0} on both servers: an answer or a typed failure within the deadline")
  @MethodSource("faults")
  void faultOnBothServers_endsWithinDeadline(String kind, Fault fault) {
    first.setFault(fault);
    second.setFault(fault);
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).build()) {
      long start = System.nanoTime();
      Resolution result = resolver.resolve("www.two.test.", Type.A);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
      if (result instanceof Resolution.Failure failure) {
        assertThat(failure.reason()).as(kind + ": " + failure.detail()).isNotEqualTo(FailureReason.INTERNAL_ERROR);
      } else {
        // Only the faults that still carry the zone's data may answer, and then rightly.
        assertThat(fault).isInstanceOfAny(Fault.TruncateUdp.class, Fault.OutOfBailiwick.class);
        assertThat(addresses(result)).containsExactly("192.0.2.1");
      }
    }
  }

  @Test
  @DisplayName("a dead address among the glue: the answer comes from the live server")
  void deadAddress_answerViaTheLiveServer() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).recordTrace(true).build()) {
        long start = System.nanoTime();
        Resolution result = resolver.resolve("www.dead.test.", Type.A);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
        assertThat(addresses(result)).containsExactly("192.0.2.2");
        boolean askedDead = result.trace().stream().anyMatch(event -> event instanceof TraceEvent.Exchange exchange
            && exchange.server().getAddress().getHostAddress().equals(FaultLab.DEAD));
        if (askedDead) {
          return;
        }
      }
    }
    throw new AssertionError("the dead address was never picked first in " + ATTEMPTS + " attempts");
  }

  @Test
  @DisplayName("only dead addresses: a typed failure within the deadline")
  void onlyDeadAddresses_typedFailure() {
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).build()) {
      long start = System.nanoTime();
      Resolution result = resolver.resolve("www.alldead.test.", Type.A);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
      assertThat(result).isInstanceOf(Resolution.Failure.class);
      assertThat(((Resolution.Failure) result).reason())
          .isIn(FailureReason.ALL_SERVERS_FAILED, FailureReason.TIMEOUT);
    }
  }

  static Stream<Arguments> lameKinds() {
    return Stream.of(Arguments.of("REFUSED", new Fault.Rcode(Rcode.REFUSED)),
        Arguments.of("SERVFAIL", new Fault.Rcode(Rcode.SERVFAIL)), Arguments.of("lame", new Fault.Lame()));
  }

  @ParameterizedTest(name = "half-lame delegation ({0}): resolved via the good server, the lame one avoided next")
  @MethodSource("lameKinds")
  void halfLame_lameServerAvoidedNextTime(String kind, Fault fault) {
    first.setFault(fault);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      lab.clearQueries();
      try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).build()) {
        assertThat(addresses(resolver.resolve("www.two.test.", Type.A))).containsExactly("192.0.2.1");
        if (first.queryCount() == 0) {
          continue;  // the good server was picked first; the lame one never showed itself
        }
        lab.clearQueries();
        for (int i = 1; i <= 9; i++) {
          assertThat(addresses(resolver.resolve("n" + i + ".two.test.", Type.A)))
              .containsExactly("192.0.2." + (100 + i));
        }
        assertThat(first.queryCount()).as("queries to the lame server after it answered " + kind).isZero();
        assertThat(second.queryCount()).isEqualTo(9);
        return;
      }
    }
    throw new AssertionError("the lame server was never picked first in " + ATTEMPTS + " attempts");
  }

  @ParameterizedTest(name = "an out-of-bailiwick record in section {0} is not cached")
  @MethodSource("sections")
  void outOfBailiwick_notCached(int section) {
    first.setFault(new Fault.OutOfBailiwick(poison(), section));
    second.setFault(new Fault.OutOfBailiwick(poison(), section));
    RRsetCache cache = RRsetCache.builder().build();
    try (Resolver resolver = ChainLab.resolverFor(lab).budgets(FaultLab.SHORT).cache(cache).build()) {
      assertThat(addresses(resolver.resolve("www.two.test.", Type.A))).containsExactly("192.0.2.1");

      assertThat(cache.lookup(poison().getName(), Type.A, DClass.IN)).isNotInstanceOf(CacheLookup.Hit.class);
      assertThat(addresses(resolver.resolve("www.dead.test.", Type.A))).containsExactly("192.0.2.2");
    }
  }

  static Stream<Integer> sections() {
    return Stream.of(Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL);
  }

  /** A record for a name in a sibling zone, which no server of two.test may speak for. */
  static ARecord poison() {
    return new ARecord(Name.fromConstantString("www.dead.test."), DClass.IN, 300, FaultLab.address("192.0.2.66"));
  }

  static List<String> addresses(Resolution result) {
    if (!(result instanceof Resolution.Answer answer)) {
      return List.of(String.valueOf(result));
    }
    return RRsets.addresses(answer.rrset()).stream().map(InetAddress::getHostAddress).toList();
  }
}
