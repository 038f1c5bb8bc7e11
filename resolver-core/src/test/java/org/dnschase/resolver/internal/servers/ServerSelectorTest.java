package org.dnschase.resolver.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Server choice by smoothed RTT, the prior for unknown servers and the back-off on timeouts. */
class ServerSelectorTest {

  private static final InetAddress A = address(11);
  private static final InetAddress B = address(12);
  private static final InetAddress C = address(13);

  private final ServerSelector selector = new ServerSelector(1 << 20);

  private static InetAddress address(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** The default ceiling of a server's wait, {@link org.dnschase.resolver.Defaults#QUERY_TIMEOUT}. */
  private static final long CEILING = TimeUnit.SECONDS.toNanos(3);

  /** A query to {@code address} that waited {@code waitedNanos} timed out, at time 0. */
  private void timedOut(InetAddress address, long waitedNanos) {
    timedOut(address, waitedNanos, 0);
  }

  private void timedOut(InetAddress address, long waitedNanos, long nowNanos) {
    selector.recordTimeout(address, nowNanos - waitedNanos, waitedNanos, CEILING, nowNanos);
  }

  /**
   * Times {@code address} out as a dead server's queries do under the default ceiling, one after
   * the other from time 0: after 1, 2 and 3 s; returns the time of the last timeout, 6 s.
   */
  private long timedOutThrice(InetAddress address) {
    long now = 0;
    for (long waited : new long[] {ms(1000), ms(2000), ms(3000)}) {
      now += waited;
      timedOut(address, waited, now);
    }
    return now;
  }

  /* ---- choice ---- */

  @Test
  @DisplayName("RFC 1035 §7.2: the server with the lowest smoothed RTT is asked first")
  void lowestSmoothedRtt_wins() {
    selector.recordRtt(A, ms(80));
    selector.recordRtt(B, ms(10));
    selector.recordRtt(C, ms(40));

    assertThat(selector.choose(List.of(A, B, C))).isEqualTo(B);
  }

  @Test
  @DisplayName("RFC 1035 §7.2: a measured server faster than the prior beats an unknown one, a slower one does not")
  void unknownServer_comparedAtThePrior() {
    selector.recordRtt(A, ms(375));
    selector.recordRtt(B, ms(377));

    assertThat(selector.choose(List.of(C, A))).isEqualTo(A);
    assertThat(selector.choose(List.of(B, C))).isEqualTo(C);
  }

  @Test
  @DisplayName("RFC 1035 §7.2: servers with equal estimates share the load (ties broken at random)")
  void equalEstimates_eachGetChosen() {
    Set<InetAddress> chosen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      chosen.add(selector.choose(List.of(A, B, C)));
    }

    assertThat(chosen).containsExactlyInAnyOrder(A, B, C);
  }

  /* ---- estimates ---- */

  @Test
  @DisplayName("Unbound UNKNOWN_SERVER_NICENESS: a server never asked is estimated at 376 ms")
  void unknownServer_hasPriorOf376Ms() {
    assertThat(selector.estimate(A)).isEqualTo(ms(376));
  }

  @Test
  @DisplayName("RFC 6298 §2: the first sample sets the estimate, later ones move it by 1/8 of the difference")
  void rttSamples_smoothedWithAlphaOneEighth() {
    selector.recordRtt(A, ms(100));
    assertThat(selector.estimate(A)).isEqualTo(ms(100));

    selector.recordRtt(A, ms(20));

    assertThat(selector.estimate(A)).isEqualTo(ms(90));
  }

  /* ---- back-off ---- */

  @Test
  @DisplayName("RFC 6298 §5.5: a timeout doubles the estimate of a server")
  void timeout_doublesEstimate() {
    selector.recordRtt(A, ms(500));

    timedOut(A, ms(376));

    assertThat(selector.estimate(A)).isEqualTo(ms(1000));
  }

  @Test
  @DisplayName("RFC 6298 §5.5: a timeout of a server never asked doubles the prior")
  void timeoutOfUnknownServer_doublesPrior() {
    timedOut(A, ms(376));

    assertThat(selector.estimate(A)).isEqualTo(ms(752));
  }

  @Test
  @DisplayName("Unbound RTT_MAX_TIMEOUT: back-off stops at 120 s however often a server times out")
  void repeatedTimeouts_cappedAt120Seconds() {
    for (int i = 0; i < 20; i++) {
      timedOut(A, ms(376));
    }

    assertThat(selector.estimate(A)).isEqualTo(TimeUnit.SECONDS.toNanos(120));
    timedOut(A, ms(376));
    assertThat(selector.estimate(A)).isEqualTo(TimeUnit.SECONDS.toNanos(120));
  }

  @Test
  @DisplayName("RFC 6298 §5.5: a server that timed out is asked after the ones that did not")
  void timedOutServer_sinksBehindOthers() {
    selector.recordRtt(A, ms(500));
    selector.recordRtt(B, ms(600));

    timedOut(A, ms(376));

    assertThat(selector.choose(List.of(A, B))).isEqualTo(B);
  }

  @Test
  @DisplayName("RFC 6298 §5.5: a fast server that timed out goes behind the servers never asked")
  void fastServerThatTimedOut_sinksBehindUnknownServers() {
    selector.recordRtt(A, ms(5));

    timedOut(A, ms(376));

    assertThat(selector.choose(List.of(A, B))).isEqualTo(B);
    assertThat(selector.estimate(A)).isEqualTo(ms(752));
  }

  @Test
  @DisplayName("DESIGN (Servers): a server that answered lame backs off like one that timed out")
  void lameServer_backsOffLikeTimeout() {
    selector.recordRtt(A, ms(5));
    selector.recordRtt(B, ms(300));

    selector.recordLame(Name.root, A, 0);

    assertThat(selector.estimate(A)).isEqualTo(ms(752));
    assertThat(selector.choose(List.of(A, B))).isEqualTo(B);
  }

  /* ---- timeouts and lameness ---- */

  @Test
  @DisplayName("RFC 6298 §2.2-2.3: the wait is SRTT + 4 RTTVAR, the first sample giving RTTVAR = R/2")
  void timeout_isSrttPlusFourRttvar() {
    selector.recordRtt(A, ms(200));

    assertThat(selector.timeoutNanos(A, ms(5000))).isEqualTo(ms(200) + 4 * ms(100));

    selector.recordRtt(A, ms(200));
    // RTTVAR = 3/4 * 100 + 1/4 * |200 - 200| = 75 ms
    assertThat(selector.timeoutNanos(A, ms(5000))).isEqualTo(ms(200) + 4 * ms(75));
  }

  @Test
  @DisplayName("Derived waits stay within bounds: the floor for fast servers, the ceiling for slow ones")
  void timeout_staysWithinBounds() {
    selector.recordRtt(A, ms(1));
    selector.recordRtt(B, ms(4000));

    assertThat(selector.timeoutNanos(A, ms(1500))).isEqualTo(ServerSelector.MIN_TIMEOUT_NANOS);
    assertThat(selector.timeoutNanos(B, ms(1500))).isEqualTo(ms(1500));
  }

  @Test
  @DisplayName("RFC 6298 §2.1: a server never asked is waited for 1 s, within the ceiling")
  void unknownServer_waitedForOneSecond() {
    assertThat(selector.timeoutNanos(C, ms(3000))).isEqualTo(ms(1000));
    assertThat(selector.timeoutNanos(C, ms(200))).isEqualTo(ms(200));
  }

  @Test
  @DisplayName("RFC 6298 §5.5: each timeout doubles the server's wait, so a slow server is answered in the end")
  void timeouts_doubleTheWait() {
    long wait = selector.timeoutNanos(A, ms(10_000));
    for (long expected : new long[] {2000, 4000, 8000}) {
      timedOut(A, wait);
      wait = selector.timeoutNanos(A, TimeUnit.SECONDS.toNanos(10));
      assertThat(wait).isEqualTo(ms(expected));
    }
    assertThat(selector.timeoutNanos(A, ms(5000))).as("at most the ceiling").isEqualTo(ms(5000));
  }

  @Test
  @DisplayName("Unbound rtt_lost: queries that waited alike and timed out together double the wait once")
  void simultaneousTimeouts_doubleOnce() {
    selector.recordRtt(A, ms(5));
    long waited = selector.timeoutNanos(A, ms(3000));

    timedOut(A, waited);
    timedOut(A, waited);
    timedOut(A, waited);

    assertThat(selector.timeoutNanos(A, ms(3000))).isEqualTo(2 * waited);
  }

  @Test
  @DisplayName("Unbound RTT_MAX_TIMEOUT: the wait stops doubling at 120 s")
  void wait_cappedAt120Seconds() {
    long wait = ms(376);
    for (int i = 0; i < 20; i++) {
      timedOut(A, wait);
      wait = selector.timeoutNanos(A, Long.MAX_VALUE);
    }

    assertThat(wait).isEqualTo(TimeUnit.SECONDS.toNanos(120));
  }

  @Test
  @DisplayName("RFC 6298 §5: a reply after a back-off sets the wait from the estimator again")
  void replyAfterBackOff_waitFromEstimatorAgain() {
    selector.recordRtt(A, ms(5));
    timedOut(A, ServerSelector.MIN_TIMEOUT_NANOS);
    assertThat(selector.timeoutNanos(A, ms(3000))).isEqualTo(2 * ServerSelector.MIN_TIMEOUT_NANOS);

    selector.recordRtt(A, ms(5));

    assertThat(selector.timeoutNanos(A, ms(3000))).isEqualTo(ServerSelector.MIN_TIMEOUT_NANOS);
  }

  @Test
  @DisplayName("a lame answer keeps the server's wait: it answered promptly")
  void lameAnswer_keepsTheWait() {
    selector.recordRtt(A, ms(5));

    selector.recordLame(Name.root, A, 0);

    assertThat(selector.timeoutNanos(A, ms(3000))).isEqualTo(ServerSelector.MIN_TIMEOUT_NANOS);
  }

  @Test
  @DisplayName("A server lame for a zone is kept back for that zone only, and only for a while")
  void lameServer_isSetAsideForItsZoneForAWhile() {
    Name zone = Name.fromConstantString("example.");
    Name other = Name.fromConstantString("example.net.");
    selector.recordLame(zone, A, 0);

    assertThat(selector.notLame(List.of(A, B), zone, 1)).containsExactly(B);
    assertThat(selector.notLame(List.of(A, B), other, 1)).containsExactly(A, B);
    assertThat(selector.notLame(List.of(A, B), zone, ServerSelector.LAME_TTL_NANOS)).containsExactly(A, B);
  }

  /* ---- servers that are down ---- */

  private static final long DOWN = Silence.FIRST_DOWN_NANOS;
  private static final long PROBE = 3 * CEILING;

  @Test
  @DisplayName("Unbound infra cache: a server that timed out 3 times in a row, the last at the ceiling of its wait, is not asked")
  void threeTimeoutsInARow_lastAtTheCeiling_markDown() {
    timedOut(A, ms(1000), ms(1000));
    timedOut(A, ms(2000), ms(3000));
    assertThat(selector.admits(A, ms(3000), PROBE)).as("after 2 timeouts").isTrue();

    timedOut(A, ms(3000), ms(6000));

    assertThat(selector.admits(A, ms(6000), PROBE)).isFalse();
    assertThat(selector.admits(B, ms(6000), PROBE)).as("others are asked").isTrue();
    assertThat(selector.whyDown(A, ms(7000))).isEqualTo("127.0.0.11 is marked down, having timed out 3 times in a row"
        + " (asked again in 4.0 s)");
  }

  @Test
  @DisplayName("Unbound infra cache: timeouts before the wait reached its ceiling (a burst of lost replies) mark nothing down")
  void timeoutsBelowTheCeiling_markNothingDown() {
    for (int i = 0; i < 5; i++) {
      timedOut(A, ms(1000), ms(5000)); // queries sent together, each waited 1 s: the wait doubles once, to 2 s
    }

    assertThat(selector.admits(A, ms(5000), PROBE)).isTrue();
  }

  @Test
  @DisplayName("timeouts at a short ceiling within 3 s of silence (a stall of our own, as likely) mark nothing down")
  void shortSilence_marksNothingDown() {
    long ceiling = ms(200);
    for (int i = 1; i <= 10; i++) {
      selector.recordTimeout(A, i * ms(250) - ceiling, ceiling, ceiling, i * ms(250));
    }
    assertThat(selector.admits(A, ms(2500), PROBE)).isTrue();

    selector.recordTimeout(A, ms(2850), ceiling, ceiling, ms(3050));

    assertThat(selector.admits(A, ms(3050), PROBE)).as("silent for 3 s since the first was sent, at 50 ms").isFalse();
  }

  @Test
  @DisplayName("silence is what the waits show: timeouts seen late (a stall of our own) do not stretch it")
  void timeoutsSeenLate_silenceIsWhatTheWaitsShow() {
    for (int i = 0; i < 3; i++) {
      selector.recordTimeout(A, 0, ms(500), ms(500), ms(10_000)); // sent at 0, each waited 500 ms, the ceiling
    }

    assertThat(selector.admits(A, ms(10_000), PROBE)).isTrue();
  }

  @Test
  @DisplayName("silence is what the clock shows: timeouts that come before their waits could have passed stretch nothing")
  void timeoutsBeforeTheirWaits_silenceIsWhatTheClockShows() {
    timedOut(A, ms(1000), ms(1000));
    for (int i = 0; i < 4; i++) {
      selector.recordTimeout(A, ms(1000), CEILING, CEILING, ms(1000)); // failed at once, though said to wait 3 s
    }

    assertThat(selector.admits(A, ms(1000), PROBE)).isTrue();
  }

  @Test
  @DisplayName("Unbound infra_rtt_update: a reply between timeouts starts the count again")
  void replyBetweenTimeouts_startsCountAgain() {
    timedOut(A, ms(1000), ms(1000));
    timedOut(A, ms(2000), ms(3000));
    selector.recordRtt(A, ms(20));
    timedOut(A, ms(3000), ms(6000));
    timedOut(A, ms(3000), ms(9000));

    assertThat(selector.admits(A, ms(9000), PROBE)).isTrue();
  }

  @Test
  @DisplayName("Unbound probedelay: once the mark runs out one query at a time asks the server, the probe")
  void markRunsOut_oneProbeAtATime() {
    long marked = timedOutThrice(A);
    assertThat(selector.admits(A, marked + DOWN - 1, PROBE)).isFalse();

    assertThat(selector.admits(A, marked + DOWN, PROBE)).as("the probe").isTrue();
    assertThat(selector.admits(A, marked + DOWN + 1, PROBE)).as("while it probes").isFalse();
    assertThat(selector.whyDown(A, marked + DOWN + 1)).endsWith("(a query is probing it)");
    assertThat(selector.admits(A, marked + DOWN + PROBE, PROBE)).as("a probe that never ended (abandoned) makes way")
        .isTrue();
  }

  @Test
  @DisplayName("a probe that times out marks the server down for twice as long, up to Unbound's infra-cache-max-rtt (120 s)")
  void failedProbe_doublesTheMark_upTo120Seconds() {
    long now = timedOutThrice(A) + DOWN;
    long expected = DOWN;
    for (int probe = 0; probe < 8; probe++) {
      assertThat(selector.admits(A, now, PROBE)).isTrue();
      now += CEILING;
      timedOut(A, CEILING, now);
      expected = Math.min(2 * expected, TimeUnit.SECONDS.toNanos(120));
      assertThat(selector.admits(A, now + expected - 1, PROBE)).isFalse();
      now += expected;
    }
    assertThat(expected).isEqualTo(TimeUnit.SECONDS.toNanos(120));
  }

  @Test
  @DisplayName("timeouts of queries sent before the mark, ending under it, leave it as it is")
  void timeoutsUnderTheMark_leaveIt() {
    long marked = timedOutThrice(A);
    timedOut(A, CEILING, marked + ms(100));
    timedOut(A, CEILING, marked + ms(200));

    assertThat(selector.admits(A, marked + DOWN, PROBE)).isTrue();
  }

  @Test
  @DisplayName("a server that answers the probe is asked again by every query")
  void answeredProbe_endsTheMark() {
    long now = timedOutThrice(A) + DOWN;
    assertThat(selector.admits(A, now, PROBE)).isTrue();

    selector.recordRtt(A, ms(20));

    assertThat(selector.admits(A, now + 1, PROBE)).isTrue();
    assertThat(selector.admits(A, now + 2, PROBE)).isTrue();
    timedOut(A, ms(300), now + ms(300));
    assertThat(selector.admits(A, now + ms(300), PROBE)).as("its count starts again").isTrue();
  }

  /* ---- spin windows ---- */

  private static long us(long micros) {
    return TimeUnit.MICROSECONDS.toNanos(micros);
  }

  @Test
  @DisplayName("a server never measured gets the whole spin window: its reply may come within it")
  void unknownServer_spinsUpToTheCap() {
    assertThat(selector.spinWindowNanos(A, us(1_000))).isEqualTo(us(1_000));
  }

  @Test
  @DisplayName("a server 20 ms away costs no spinning after its first reply")
  void slowServer_noSpin() {
    selector.recordRtt(A, ms(20));

    assertThat(selector.spinWindowNanos(A, us(1_000))).isZero();
  }

  @Test
  @DisplayName("a fast server's window is RFC 6298's SRTT + 4 RTTVAR, at most the cap")
  void fastServer_spinsWhileItsReplyIsDue() {
    selector.recordRtt(A, us(100)); // SRTT 100 µs, RTTVAR 50 µs
    selector.recordRtt(B, us(900)); // SRTT 900 µs, RTTVAR 450 µs

    assertThat(selector.spinWindowNanos(A, us(1_000))).isEqualTo(us(300));
    assertThat(selector.spinWindowNanos(B, us(1_000))).isEqualTo(us(1_000));
  }

  @Test
  @DisplayName("a server that timed out costs no spinning, however fast it was")
  void timedOutServer_noSpin() {
    selector.recordRtt(A, us(100));
    timedOut(A, ms(376));

    assertThat(selector.spinWindowNanos(A, us(1_000))).isZero();
  }

  @Test
  @DisplayName("with spinning off no server gets a window")
  void capZero_noSpin() {
    assertThat(selector.spinWindowNanos(A, 0)).isZero();
  }
}
