package org.dnschase.resolver.bench.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The most heap used while it listens: the used heap as sampled, and just before every garbage
 * collection (from the collectors' notifications), the high-water marks a sampler alone misses.
 * Counts the collections and their total duration too.
 */
final class PeakHeap implements AutoCloseable, NotificationListener {
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(Collectors.toUnmodifiableSet());
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final AtomicLong collectionMillis = new AtomicLong();

  /** Starts listening to every collector. */
  PeakHeap() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener(this, null, null);
    }
    sample();
  }

  /** Takes the heap used now into the peak. */
  void sample() {
    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long before = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        before += pool.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(before, Math::max);
    collections.incrementAndGet();
    collectionMillis.addAndGet(info.getGcInfo().getDuration());
  }

  /** The heap in use after full collections: what is still reachable. */
  static long usedAfterGc() {
    for (int i = 0; i < 2; i++) { // a second one takes what the first left to finalisation and cleaners
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  long peakBytes() {
    return peak.get();
  }

  long collections() {
    return collections.get();
  }

  long collectionMillis() {
    return collectionMillis.get();
  }

  /** Stops listening. */
  @Override
  public void close() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      try {
        ((NotificationEmitter) collector).removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // never added to this one: nothing to remove
      }
    }
  }
}
