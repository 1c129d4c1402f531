package dev.kubepci.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the independent tasks of one assessment (the object pass, each cluster rule) on the machine's cores. Each
 * task writes only its own results, so the report is the same whatever the number of threads; the caller merges
 * the results in a fixed order once all have ended. The number of threads is the number of processors, or the
 * system property {@code kubepci.threads} (1 runs every task in the calling thread, in order).
 */
final class RuleTasks {
  static final String THREADS_PROPERTY = "kubepci.threads";

  private RuleTasks() {}

  static int threads() {
    Integer configured = Integer.getInteger(THREADS_PROPERTY);
    return Math.max(1, configured != null ? configured : Runtime.getRuntime().availableProcessors());
  }

  /** Runs every task and returns when all have ended; an error thrown by a task is thrown here. */
  static void runAll(List<Runnable> tasks) {
    int threads = Math.min(threads(), tasks.size());
    if (threads <= 1) {
      tasks.forEach(Runnable::run);
      return;
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kubepci-rules-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(tasks.size());
      for (Runnable task : tasks) {
        futures.add(pool.submit(task));
      }
      for (Future<?> f : futures) {
        TaskFailure.await(f, "the rules ran");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
