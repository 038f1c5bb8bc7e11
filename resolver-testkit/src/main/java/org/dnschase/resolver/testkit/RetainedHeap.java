package org.dnschase.resolver.testkit;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * The heap a test JVM retains, for tests of what a cache or a resolver holds: the difference of
 * two readings taken moments apart, in a JVM of the test's own (whatever else a shared JVM holds
 * moves in the meantime).
 */
public final class RetainedHeap {

  private RetainedHeap() {}

  /**
   * The used heap after full collections, once it stops falling: some garbage (weakly held values,
   * say) goes only after a collection or two has let its holders notice, and what a closed cache
   * still held goes only once the tasks it left behind (its maintenance, on the common pool) have
   * run: on a loaded machine, the heap before a resolver was built once read 1 MB above the heap
   * with it built, the warm-up's cache still there.
   *
   * @return the bytes in use, at their least over up to 30 collections
   */
  public static long bytes() {
    long least = Long.MAX_VALUE;
    int steady = 0;
    for (int i = 0; i < 30 && steady < 3; i++) {
      pause();
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long used = runtime.totalMemory() - runtime.freeMemory();
      steady = used > least - 4096 ? steady + 1 : 0;
      least = Math.min(least, used);
    }
    return least;
  }

  private static void pause() {
    ForkJoinPool.commonPool().awaitQuiescence(1, TimeUnit.SECONDS);
    try {
      Thread.sleep(20);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the heap settled", interrupted);
    }
  }
}
