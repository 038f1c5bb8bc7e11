package org.dnschase.resolver.bench.load;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches a run: samples the heap and the descriptors on a thread of its own (started after the
 * baseline was taken and ended before the counts after {@code close()}, so it is counted only
 * during the run), and reads the JVM's own peak thread count, reset when the watch starts.
 */
final class RunWatch implements AutoCloseable {
  private static final long PERIOD_MILLIS = 20;
  /** Listing the descriptors costs more than reading the heap: every fifth sample. */
  private static final int DESCRIPTOR_EVERY = 5;

  private final PeakHeap heap = new PeakHeap();
  private final AtomicInteger peakDescriptors = new AtomicInteger();
  private final Thread sampler = Thread.ofPlatform().name("load-run-watch").daemon().unstarted(this::sample);
  private final int labPort;
  private volatile boolean running = true;

  /** Starts watching; {@code labPort} tells the lab's sockets apart. */
  RunWatch(int labPort) {
    this.labPort = labPort;
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    sampler.start();
  }

  private void sample() {
    for (int n = 0; running; n++) {
      heap.sample();
      if (n % DESCRIPTOR_EVERY == 0) {
        peakDescriptors.accumulateAndGet(Descriptors.now(labPort).total(), Math::max);
      }
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  PeakHeap heap() {
    return heap;
  }

  /** The most live threads at once since the watch started, the JVM's count: all of them. */
  int peakThreads() {
    return ManagementFactory.getThreadMXBean().getPeakThreadCount();
  }

  int peakDescriptors() {
    return peakDescriptors.get();
  }

  /** Stops sampling and waits for the sampler to end. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join();
    heap.close();
  }
}
