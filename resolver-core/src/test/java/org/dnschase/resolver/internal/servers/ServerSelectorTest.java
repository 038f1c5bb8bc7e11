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

    selector.recordTimeout(A, ms(376));

    assertThat(selector.estimate(A)).isEqualTo(ms(1000));
  }

  @Test
  @DisplayName("RFC 6298 §5.5: a timeout of a server never asked doubles the prior")
  void timeoutOfUnknownServer_doublesPrior() {
    selector.recordTimeout(A, ms(376));

    assertThat(selector.estimate(A)).isEqualTo(ms(752));
  }

  @Test
  @DisplayName("Unbound RTT_MAX_TIMEOUT: back-off stops at 120 s however often a server times out")
  void repeatedTimeouts_cappedAt120Seconds() {
    for (int i = 0; i < 20; i++) {
      selector.recordTimeout(A, ms(376));
    }

    assertThat(selector.estimate(A)).isEqualTo(TimeUnit.SECONDS.toNanos(120));
    selector.recordTimeout(A, ms(376));
    assertThat(selector.estimate(A)).isEqualTo(TimeUnit.SECONDS.toNanos(120));
  }

  @Test
  @DisplayName("RFC 6298 §5.5: a server that timed out is asked after the ones that did not")
  void timedOutServer_sinksBehindOthers() {
    selector.recordRtt(A, ms(500));
    selector.recordRtt(B, ms(600));

    selector.recordTimeout(A, ms(376));

    assertThat(selector.choose(List.of(A, B))).isEqualTo(B);
  }

  @Test
  @DisplayName("RFC 6298 §5.5: a fast server that timed out goes behind the servers never asked")
  void fastServerThatTimedOut_sinksBehindUnknownServers() {
    selector.recordRtt(A, ms(5));

    selector.recordTimeout(A, ms(376));

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
      selector.recordTimeout(A, wait);
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

    selector.recordTimeout(A, waited);
    selector.recordTimeout(A, waited);
    selector.recordTimeout(A, waited);

    assertThat(selector.timeoutNanos(A, ms(3000))).isEqualTo(2 * waited);
  }

  @Test
  @DisplayName("Unbound RTT_MAX_TIMEOUT: the wait stops doubling at 120 s")
  void wait_cappedAt120Seconds() {
    long wait = ms(376);
    for (int i = 0; i < 20; i++) {
      selector.recordTimeout(A, wait);
      wait = selector.timeoutNanos(A, Long.MAX_VALUE);
    }

    assertThat(wait).isEqualTo(TimeUnit.SECONDS.toNanos(120));
  }

  @Test
  @DisplayName("RFC 6298 §5: a reply after a back-off sets the wait from the estimator again")
  void replyAfterBackOff_waitFromEstimatorAgain() {
    selector.recordRtt(A, ms(5));
    selector.recordTimeout(A, ServerSelector.MIN_TIMEOUT_NANOS);
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
    selector.recordTimeout(A, ms(376));

    assertThat(selector.spinWindowNanos(A, us(1_000))).isZero();
  }

  @Test
  @DisplayName("with spinning off no server gets a window")
  void capZero_noSpin() {
    assertThat(selector.spinWindowNanos(A, 0)).isZero();
  }
}
