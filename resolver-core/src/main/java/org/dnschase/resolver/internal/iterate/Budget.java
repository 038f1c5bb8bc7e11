package org.dnschase.resolver.internal.iterate;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.CompletableFuture;
import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.internal.dnssec.VerificationAllowance;

/**
 * The work counters of one resolution, shared with its name-server look-ups (Unbound's
 * {@code target_count}): upstream queries sent, failed name-server look-ups, signature
 * verifications, and the deadline.
 */
final class Budget implements VerificationAllowance {

  private final Budgets limits;
  private final Ticker ticker;
  private final long deadlineNanos;
  private volatile boolean abandoned;
  /**
   * The reply the resolution waits for, from the transport, cancelled once it is abandoned and
   * answered ({@link #cancelAwaited}); its look-ups wait one at a time, each for its own.
   */
  private volatile CompletableFuture<?> awaited;
  private volatile boolean cancelled;
  /**
   * Written by the resolution's steps only, one at a time; volatile for the threads that read it
   * meanwhile: the deadline's timer, and resolutions that went on beside this one's priming.
   */
  private volatile int queriesSent;
  private int failedGlueless;
  private int verifications;
  private int verificationsBeside;

  Budget(Budgets limits, Ticker ticker) {
    this.limits = limits;
    this.ticker = ticker;
    this.deadlineNanos = ticker.read() + limits.deadline().toNanos();
  }

  Budgets limits() {
    return limits;
  }

  boolean pastDeadline() {
    return ticker.read() - deadlineNanos >= 0;
  }

  /**
   * Marks the resolution as ended (at its deadline by the timer, or pushed out of its slot): its
   * look-ups stop at their next step, whatever the ticker says.
   */
  void abandon() {
    abandoned = true;
  }

  /**
   * Cancels the exchange the abandoned resolution waits for, and any it starts later: the transport
   * ends it at once, freeing its socket, and the step waiting for it runs now, on this thread, and
   * stops. Called once the resolution's answer is given, which that step must not give instead.
   */
  void cancelAwaited() {
    cancelled = true;
    CompletableFuture<?> reply = awaited;
    if (reply != null) {
      reply.cancel(false);
    }
  }

  /** The resolution now waits for {@code reply}; cancelled at once if {@link #cancelAwaited} was called. */
  void awaiting(CompletableFuture<?> reply) {
    awaited = reply;
    if (cancelled) {
      reply.cancel(false);
    }
  }

  boolean abandoned() {
    return abandoned;
  }

  /** Nanoseconds left before the deadline, at least 1. */
  long remainingNanos() {
    return Math.max(1, deadlineNanos - ticker.read());
  }

  /** Counts one more upstream query if the budget allows it. */
  boolean trySpendQuery() {
    if (queriesSent >= limits.maxQueries()) {
      return false;
    }
    queriesSent++;
    return true;
  }

  /** Counts one more name-server look-up that found no address (NXNSAttack's NXDOMAINs among them). */
  void countFailedGlueless() {
    failedGlueless++;
  }

  /**
   * Counts the work of a priming this resolution waited for or went on beside, once it ended (its
   * queries and failed look-ups), as its own, as a resolution joined to another counts the work
   * they shared; the limits hold from then on, but the priming itself ran under its own.
   */
  void charge(Budget priming) {
    queriesSent += priming.queriesSent;
    failedGlueless += priming.failedGlueless;
    verifications += priming.verifications;
  }

  @Override
  public boolean trySpendVerification() {
    if (verifications >= limits.maxSignatureVerifications()) {
      return false;
    }
    verifications++;
    return true;
  }

  @Override
  public int maxKeysPerSignature() {
    return limits.maxKeysPerSignature();
  }

  /**
   * The allowance for RRsets beside the answer, validated only to be cached with their status (the
   * zone's NS set, its servers' addresses): a quarter of the verification budget of their own, so
   * they never take what the answer needs, and a resolution still verifies a bounded number of
   * signatures (KeyTrap).
   */
  VerificationAllowance besideAnswer() {
    return new VerificationAllowance() {
      @Override
      public boolean trySpendVerification() {
        if (verificationsBeside >= limits.maxSignatureVerifications() / 4) {
          return false;
        }
        verificationsBeside++;
        return true;
      }

      @Override
      public int maxKeysPerSignature() {
        return limits.maxKeysPerSignature();
      }
    };
  }

  int verifications() {
    return verifications;
  }

  int failedGlueless() {
    return failedGlueless;
  }

  int queriesSent() {
    return queriesSent;
  }
}
