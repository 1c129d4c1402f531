package dev.kubepci.bench.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What the measured JVM used: the peak of the heap pools, the largest heap still in use after a garbage collection
 * (the live set, which is what {@code -Xmx} must hold), and the peak resident set size the kernel saw.
 */
public final class MemoryProbe implements AutoCloseable {
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final AtomicLong peakBeforeGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final AtomicLong gcMillis = new AtomicLong();
  private final Runnable unregister;

  private MemoryProbe(Runnable unregister) {
    this.unregister = unregister;
  }

  /** Starts watching; peaks are reset so that only what follows counts. */
  public static MemoryProbe start() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    MemoryProbe[] self = new MemoryProbe[1];
    javax.management.NotificationListener listener = (notification, handback) -> {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      self[0].peakAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
      self[0].peakBeforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
      self[0].collections.incrementAndGet();
      self[0].gcMillis.addAndGet(info.getGcInfo().getDuration());
    };
    java.util.List<NotificationEmitter> emitters = new java.util.ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    self[0] = new MemoryProbe(() -> emitters.forEach(e -> {
      try {
        e.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException ignored) {
        // already gone
      }
    }));
    return self[0];
  }

  private static long heapUsed(java.util.Map<String, MemoryUsage> pools) {
    long used = 0;
    for (var e : pools.entrySet()) {
      if (isHeap(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    return used;
  }

  private static boolean isHeap(String poolName) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(poolName)) {
        return pool.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

  /**
   * What the JVM used since {@link #start()}, read at one moment.
   *
   * @param peakHeapBytes the most heap in use at once: the heap is fullest right before a collection, so the largest
   *     occupancy any collection saw, or the occupancy now when that is larger (the pools' own peaks are not
   *     simultaneous: their sum can exceed the heap limit)
   * @param peakLiveHeapBytes the most heap still in use right after a collection: the largest live set seen (0 when
   *     no GC ran)
   * @param peakRssBytes the peak resident set size of this process ({@code VmHWM}), or -1 where /proc is not
   *     available
   * @param collections garbage collections
   * @param gcMillis time spent in collections, as the collectors report it
   */
  public record Reading(long peakHeapBytes, long peakLiveHeapBytes, long peakRssBytes, long collections,
      long gcMillis) {}

  public Reading read() {
    long heapNow = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Reading(Math.max(peakBeforeGc.get(), heapNow), peakAfterGc.get(), peakRssBytes(), collections.get(),
        gcMillis.get());
  }

  private static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() {
    unregister.run();
  }
}
