package org.dnschase.resolver.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for something another thread does, with a deadline so a test fails instead of hanging. */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
