package dev.kubepci.cli;

import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.cluster.CollectionListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a live collection on standard error: on a terminal, one line updated per page ({@code collecting 7/24
 * kinds: Pod 1500 objects}); everywhere unless --quiet, a line per retry and per kind that could not be listed.
 */
final class CollectionProgress implements CollectionListener {
  private final Progress progress;
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;

  CollectionProgress(Progress progress) {
    this.progress = progress;
  }

  @Override
  public void planned(List<String> reads) {
    total = reads.size();
    progress.update("collecting 0/" + total + " kinds");
  }

  @Override
  public void listing(String read, int objects) {
    progress.update("collecting " + done.get() + "/" + total + " kinds: " + read + " " + objects + " objects");
  }

  @Override
  public void finished(KindReport report) {
    int n = done.incrementAndGet();
    switch (report.outcome()) {
      case FORBIDDEN, FAILED -> progress.note(report.read() + " not collected: " + report.coverage().reason());
      default -> progress.update("collecting " + n + "/" + total + " kinds: " + report.read() + " "
          + report.count() + " objects");
    }
  }

  @Override
  public void retrying(String request, int attempt, int attempts, String problem) {
    progress.note(request + ": " + problem + "; retrying (attempt " + attempt + " of " + attempts + ")");
  }
}
