package dev.kubepci.collect;

import dev.kubepci.model.Provenance;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Points the findings read from files at the line of their field rather than at the start of their object. Runs
 * once after the assessment (the engine does no I/O), reading each file that has findings once. Findings from
 * standard input or a cluster keep their object's provenance.
 */
public final class FieldLines {
  private FieldLines() {}

  public static AssessmentReport locate(AssessmentReport report) {
    return locate(report, Map.of());
  }

  /**
   * @param rendered the text rendered from charts and kustomizations, by the name their objects carry as file
   *     (see {@link CollectedInput#rendered()}): their findings are located in that text
   */
  public static AssessmentReport locate(AssessmentReport report, Map<String, String> rendered) {
    Map<String, List<Integer>> byFile = new TreeMap<>();
    List<Finding> findings = report.findings();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).source() instanceof Provenance.FileSource p && !ManifestReader.STDIN.equals(p.file())
          && !findings.get(i).path().isRoot()
          && (rendered.containsKey(p.file()) || Files.isRegularFile(Path.of(p.file())))) {
        byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(i);
      }
    }
    if (byFile.isEmpty()) {
      return report;
    }
    List<Finding> located = new ArrayList<>(findings);
    byFile.forEach((file, indexes) -> {
      List<SourceLocator.Request> requests = new ArrayList<>();
      for (int i : indexes) {
        Provenance.FileSource source = (Provenance.FileSource) findings.get(i).source();
        requests.add(new SourceLocator.Request(source.document(), source.line(), findings.get(i).path()));
      }
      Map<SourceLocator.Request, Integer> lines = locateAll(file, rendered.get(file), requests);
      for (int k = 0; k < indexes.size(); k++) {
        Finding f = findings.get(indexes.get(k));
        int line = lines.getOrDefault(requests.get(k), 0);
        if (line > 0) {
          located.set(indexes.get(k), f.withSource(((Provenance.FileSource) f.source()).withFieldLine(line)));
        }
      }
    });
    return report.withFindings(located);
  }

  private static Map<SourceLocator.Request, Integer> locateAll(String file, String text,
      List<SourceLocator.Request> requests) {
    if (text == null) {
      return SourceLocator.locateAll(Path.of(file), requests);
    }
    try {
      return SourceLocator.locateAll(new StringReader(text), requests);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string does not fail to read
    }
  }
}
