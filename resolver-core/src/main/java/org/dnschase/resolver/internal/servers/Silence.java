package org.dnschase.resolver.internal.servers;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A server's timeouts since its last reply, and whether they mark it down (Unbound's infra cache:
 * a server whose timeout reached its cap is not asked until its entry runs out, then is probed).
 * It is marked down by its {@link #DOWN_AFTER_TIMEOUTS}th timeout in a row once its wait has
 * reached the ceiling and it has been silent for {@link #SILENT_NANOS}, for {@link
 * #FIRST_DOWN_NANOS}; after that one query at a time may ask it, the probe, which the others see as
 * down until {@code probeUntilNanos} (0: none started); each probe that times out marks it down for
 * twice as long as the last time, up to {@link #MAX_DOWN_NANOS}. A reply ends the silence.
 *
 * @param timeouts the timeouts in a row
 * @param sinceNanos when the first query of them was sent
 * @param downNanos how long it was last marked down, 0 when it has not been since its last reply
 * @param downUntilNanos when that mark runs out
 */
record Silence(int timeouts, long sinceNanos, long downNanos, long downUntilNanos, long probeUntilNanos) {

  /**
   * 3 timeouts in a row: Unbound's TIMEOUT_COUNT_MAX, past which its queries see a server being
   * probed at the top timeout. Under the default ceiling a server is waited for 1, 2 and 3 s:
   * every wait a resolution would give it.
   */
  static final int DOWN_AFTER_TIMEOUTS = 3;
  /**
   * 3 s without a reply at least, the default ceiling of a wait: a run of timeouts shorter than that
   * is as likely a stall of our own (a collection, a busy machine) or a burst of lost datagrams as a
   * server gone, when the ceiling is set short.
   */
  static final long SILENT_NANOS = TimeUnit.SECONDS.toNanos(3);
  /**
   * 5 s first, as long as a failed question is remembered ({@link
   * org.dnschase.resolver.Defaults#FAILURE_TTL}): a server back from a restart is found soon.
   */
  static final long FIRST_DOWN_NANOS = TimeUnit.SECONDS.toNanos(5);
  /**
   * 120 s at most: Unbound's infra-cache-max-rtt, the longest wait it gives a server, is the longest a
   * dead server goes without a probe here, which costs one question a wait.
   */
  static final long MAX_DOWN_NANOS = TimeUnit.SECONDS.toNanos(120);

  /**
   * {@code silence} (null: the server answered last) after one more timeout, at {@code nowNanos}, of
   * a query sent at {@code sentNanos} that waited {@code waitedNanos} in vain, a wait that reached
   * the ceiling or not ({@code atCeiling}).
   */
  static Silence after(Silence silence, long sentNanos, long waitedNanos, boolean atCeiling, long nowNanos) {
    Silence old = silence != null ? silence : new Silence(0, sentNanos, 0, 0, 0);
    int timeouts = old.timeouts == Integer.MAX_VALUE ? old.timeouts : old.timeouts + 1;
    // silent for as long as both the waits and the clock show: a timeout seen late (a stall of our
    // own) stretches nothing, nor does a transport that fails a wait it never waited
    long waitEnded = sentNanos + waitedNanos;
    long silentUntil = nowNanos - waitEnded < 0 ? nowNanos : waitEnded;
    // queries sent before the mark that time out under it leave it as it is
    if (timeouts < DOWN_AFTER_TIMEOUTS || !atCeiling || silentUntil - old.sinceNanos < SILENT_NANOS
        || old.down(nowNanos)) {
      return new Silence(timeouts, old.sinceNanos, old.downNanos, old.downUntilNanos, old.probeUntilNanos);
    }
    long marked = old.downNanos == 0 ? FIRST_DOWN_NANOS : Math.min(MAX_DOWN_NANOS, 2 * old.downNanos);
    return new Silence(timeouts, old.sinceNanos, marked, nowNanos + marked, 0);
  }

  boolean marked() {
    return downNanos > 0;
  }

  /** Whether it is marked down, or being probed, at {@code nowNanos}: no query may ask it. */
  boolean closed(long nowNanos) {
    return down(nowNanos) || probeUntilNanos != 0 && probeUntilNanos - nowNanos > 0;
  }

  private boolean down(long nowNanos) {
    return downNanos > 0 && downUntilNanos - nowNanos > 0;
  }

  /** This silence with a probe under way until {@code untilNanos}. */
  Silence probing(long untilNanos) {
    return new Silence(timeouts, sinceNanos, downNanos, downUntilNanos, untilNanos);
  }

  /** Why the server at {@code address} is not asked at {@code nowNanos}, for a failure's detail. */
  String why(String address, long nowNanos) {
    String when = down(nowNanos)
        ? "asked again in " + String.format(Locale.ROOT, "%.1f s", (downUntilNanos - nowNanos) / 1e9)
        : "a query is probing it";
    return address + " is marked down, having timed out " + timeouts + " times in a row (" + when + ")";
  }
}
