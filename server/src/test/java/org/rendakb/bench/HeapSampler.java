package org.rendakb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The heap a piece of work needs, sampled every 100 ms while it runs: the peak in use (garbage
 * included, so it depends on the collector's laziness) and the peak left after a collection (the
 * live set, what the work really holds), both above what the heap held when sampling began (the
 * benchmark's own data). Not shared between threads except with its own sampler.
 */
final class HeapSampler implements AutoCloseable {
  /** Megabytes: peak in use, peak live after a collection. */
  record Peak(double usedMb, double liveMb) {}

  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).toList();
  private final Thread sampler;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakLive;
  private final long before;

  HeapSampler() {
    System.gc();
    before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(this::sample);
  }

  private void sample() {
    while (running) {
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long live = 0;
      for (MemoryPoolMXBean pool : pools) {
        MemoryUsage afterGc = pool.getCollectionUsage();
        live += afterGc == null ? 0 : afterGc.getUsed();
      }
      peakUsed = Math.max(peakUsed, used);
      peakLive = Math.max(peakLive, live);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling and returns the peaks. */
  Peak peak() {
    close();
    return new Peak(Math.max(0, peakUsed - before) / 1e6, Math.max(0, peakLive - before) / 1e6);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
