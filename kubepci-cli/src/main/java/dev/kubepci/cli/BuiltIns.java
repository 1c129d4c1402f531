package dev.kubepci.cli;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.crossref.CrossReference;
import dev.kubepci.engine.TaskFailure;
import dev.kubepci.rules.BuiltInRules;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The built-in rule catalogue, framework and cross-reference a scan assesses with. A run that names {@code scan}
 * starts loading them on a spare thread before picocli builds and parses the command (each takes a tenth of a small
 * scan); the scan takes what was loaded, or loads them itself when nothing was started. Either way it gets fresh
 * instances, the same as {@link BuiltInRules} gives.
 */
final class BuiltIns {
  /** What a scan needs. */
  record Loaded(RuleCatalog catalog, Framework framework, CrossReference crossReference) {}

  private static final AtomicReference<FutureTask<Loaded>> PENDING = new AtomicReference<>();

  private BuiltIns() {}

  /** Starts loading on a daemon thread, unless a load not yet taken is under way. */
  static void preload() {
    FutureTask<Loaded> task = new FutureTask<>(BuiltIns::load);
    if (PENDING.compareAndSet(null, task)) {
      Thread thread = new Thread(task, "kubepci-built-ins");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** What {@link #preload()} loaded (waiting for it), or a load on this thread when none was started. */
  static Loaded take() {
    FutureTask<Loaded> task = PENDING.getAndSet(null);
    if (task == null) {
      return load();
    }
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return load();
    } catch (ExecutionException e) {
      // the same failure a load on this thread meets (a resource missing from the jar)
      throw TaskFailure.unwrap(e);
    }
  }

  private static Loaded load() {
    return new Loaded(BuiltInRules.catalog(), BuiltInRules.pciFramework(), BuiltInRules.dssCrossReference());
  }
}
