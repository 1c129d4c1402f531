package dev.kubepci.collect;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.result.AssessmentBasis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files an assessment read, each with the SHA-256 of its bytes, so that an assessor can tell later that a
 * report was made from exactly these inputs, this configuration and these waivers and attestations.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * @param inputs the paths given to assess (directories are expanded to the manifests read from them, and a Helm
   *     chart or kustomization to every file of its folder; standard input and snapshots are listed as given)
   * @param read the digests taken while the inputs were read ({@link CollectedInput#digests()}); a file without one
   *     (a chart's files, the configuration, waivers and attestations) is read here for its digest
   * @param config the configuration file, or null
   */
  public static AssessmentBasis basis(List<String> inputs, Map<String, String> read, Path config,
      KubepciConfig configuration, List<Path> waivers, List<Path> attestations) {
    List<AssessmentBasis.File> files = new ArrayList<>();
    for (String input : inputs) {
      switch (InputKind.of(input)) {
        case STDIN -> files.add(new AssessmentBasis.File("input", "standard input", null));
        // what cannot be read under a folder is an input error of the scan already
        case DIRECTORY, HELM_CHART, KUSTOMIZATION -> {
          for (ManifestReader.Source source : ManifestReader.sources(List.of(input), unreadable -> { })) {
            if (source.kind() == ManifestReader.Source.Kind.FILE) {
              files.add(file("input", Path.of(source.path()), read));
            } else {
              // a chart or kustomization is rendered, not read file by file: every file of its folder
              filesUnder(Path.of(source.path())).forEach(f -> files.add(file("input", f, read)));
            }
          }
        }
        default -> files.add(file("input", Path.of(input), read));
      }
    }
    if (config != null) {
      files.add(file("config", config, Map.of()));
    }
    waivers.forEach(p -> files.add(file("waivers", p, Map.of())));
    attestations.forEach(p -> files.add(file("attestations", p, Map.of())));
    return new AssessmentBasis(config == null ? null : config.toString(), describe(configuration.scope()), files);
  }

  /** The regular files under {@code folder}, in path order; links are not followed, unreadable entries passed. */
  private static List<Path> filesUnder(Path folder) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(folder, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()) {
            found.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // what could be listed is listed; the scan already said what it could not read
    }
    found.sort(java.util.Comparator.comparing(Path::toString));
    return found;
  }

  private static AssessmentBasis.File file(String role, Path path, Map<String, String> read) {
    String digest = read.get(path.toString());
    if (digest == null && Files.isRegularFile(path)) {
      try {
        digest = DigestedInput.sha256(path);
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      }
    }
    return new AssessmentBasis.File(role, path.toString(), digest);
  }

  /** {@code cde: namespaces payments; selectors pci=cde | connected: ...}, or null when no scope is declared. */
  static String describe(KubepciConfig.Scope scope) {
    if (scope == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (scope.cde() != null && !scope.cde().isEmpty()) {
      parts.add("cde: " + describe(scope.cde()));
    }
    if (scope.connected() != null && !scope.connected().isEmpty()) {
      parts.add("connected: " + describe(scope.connected()));
    }
    return parts.isEmpty() ? null : String.join(" | ", parts);
  }

  private static String describe(KubepciConfig.Selection s) {
    List<String> parts = new ArrayList<>();
    if (!s.namespaces().isEmpty()) {
      parts.add("namespaces " + String.join(", ", s.namespaces()));
    }
    if (!s.selectors().isEmpty()) {
      parts.add("labels " + String.join(", ", s.selectors()));
    }
    return String.join("; ", parts);
  }
}
