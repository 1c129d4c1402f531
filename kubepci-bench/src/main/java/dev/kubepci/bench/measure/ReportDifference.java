package dev.kubepci.bench.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compares two JSON reports of the same cluster line by line, but for the line naming the inputs: a live scan names
 * the cluster, a scan of its snapshot the file. Read as streams: a 100,000-object report is about 100 MB.
 */
final class ReportDifference {
  private static final String INPUTS = "  \"inputs\" : ";

  private ReportDifference() {}

  /** Null when the reports are the same but for their inputs line; otherwise where they first differ. */
  static String between(Path a, Path b) throws IOException {
    try (BufferedReader ra = Files.newBufferedReader(a, StandardCharsets.UTF_8);
        BufferedReader rb = Files.newBufferedReader(b, StandardCharsets.UTF_8)) {
      int line = 0;
      while (true) {
        String la = ra.readLine();
        String lb = rb.readLine();
        line++;
        if (la == null && lb == null) {
          return null;
        }
        if (la == null || lb == null) {
          return String.format(Locale.ROOT, "%s ends at line %d", (la == null ? a : b).getFileName(), line);
        }
        if (!la.equals(lb) && !(la.startsWith(INPUTS) && lb.startsWith(INPUTS))) {
          return String.format(Locale.ROOT, "line %d differs: %s has %s, %s has %s", line, a.getFileName(),
              shorten(la), b.getFileName(), shorten(lb));
        }
      }
    }
  }

  private static String shorten(String line) {
    String s = line.strip();
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
