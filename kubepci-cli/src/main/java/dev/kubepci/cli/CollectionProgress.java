package dev.kubepci.cli;

import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.scan.ScanListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a scan's collection on standard error: on a terminal, one line updated per page of a live collection
 * ({@code collecting 7/24 kinds: Pod 1500 objects}), per snapshot and per file read; everywhere unless --quiet, a
 * line per retry and per kind that could not be listed.
 */
final class CollectionProgress implements ScanListener {
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

  @Override
  public void readingSnapshot(String path) {
    progress.update("reading snapshot " + path);
  }

  @Override
  public void sourcesRead(int sources) {
    progress.update("read " + sources + " file(s)");
  }
}
