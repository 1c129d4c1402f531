package dev.kubepci.pss;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Runs the evaluator over upstream's conformance fixtures when they are available, laid out as
 * {@code <level>/<version>/<pass|fail>/<check><n>.yaml} beside an {@code expected.tsv}. Point the
 * system property {@code pss.fixtures} (or the environment variable {@code PSS_FIXTURES}) at that
 * folder to run it; otherwise it is skipped, so the project's own build never depends on it.
 */
class PssFixtureConformanceTest {

  static boolean fixturesConfigured() {
    return fixtures() != null;
  }

  private static Path fixtures() {
    String dir = System.getProperty("pss.fixtures", System.getenv("PSS_FIXTURES"));
    if (dir == null || dir.isBlank()) {
      return null;
    }
    Path path = Path.of(dir);
    return Files.isRegularFile(path.resolve("expected.tsv")) ? path : null;
  }

  @Test
  @EnabledIf("fixturesConfigured")
  void agreesWithEveryUpstreamFixture() throws IOException {
    Path root = fixtures();
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<String> lines = Files.readAllLines(root.resolve("expected.tsv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split("\t", -1));
    int pathCol = header.indexOf("path");
    int expectedCol = header.indexOf("expected");
    int levelCol = header.indexOf("level");
    int versionCol = header.indexOf("version");
    int notesCol = header.indexOf("notes");

    List<String> misses = new ArrayList<>();
    int total = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] row = line.split("\t", -1);
      total++;
      Path file = root.resolve(row[pathCol]);
      Pod pod =
          serialization.unmarshal(Files.readString(file, StandardCharsets.UTF_8), Pod.class);
      PssVerdict verdict =
          PodSecurityStandards.evaluate(
              PssLevel.parse(row[levelCol]),
              PssVersion.parse(row[versionCol]),
              pod.getMetadata(),
              "metadata",
              pod.getSpec(),
              "spec");
      boolean wantAllowed = row[expectedCol].equals("allowed");
      Set<String> checks =
          verdict.violations().stream()
              .map(v -> v.check().toLowerCase(Locale.ROOT))
              .collect(Collectors.toSet());
      String named =
          file.getFileName().toString().replaceFirst("\\.yaml$", "").replaceFirst("[0-9]+$", "");
      if (verdict.allowed() != wantAllowed) {
        misses.add(row[pathCol] + ": expected " + row[expectedCol] + ", got " + verdict.violations());
      } else if (!wantAllowed && !checks.contains(named.toLowerCase(Locale.ROOT))) {
        misses.add(row[pathCol] + ": denied, but not by " + named + ": " + verdict.violations());
      } else if (!wantAllowed && notesCol >= 0 && notesCol < row.length) {
        // Upstream's own fixture test expects its error text to contain this substring.
        for (String note : row[notesCol].split(";")) {
          String wanted = note.startsWith("error_substring=") ? note.substring(16) : null;
          if (wanted != null
              && verdict.violations().stream().noneMatch(v -> v.message().contains(wanted))) {
            misses.add(row[pathCol] + ": no message contains \"" + wanted + "\": "
                + verdict.violations());
          }
        }
      }
    }
    String figure =
        String.format(
            Locale.ROOT,
            "PSS fixtures: %d/%d agree (%.2f%%)",
            total - misses.size(),
            total,
            100.0 * (total - misses.size()) / total);
    // The figure is the point of this opt-in run, so it is printed even when everything agrees.
    System.out.println(figure);
    misses.stream().limit(40).forEach(m -> System.out.println("  " + m));
    assertThat(misses).as(figure).isEmpty();
  }
}
