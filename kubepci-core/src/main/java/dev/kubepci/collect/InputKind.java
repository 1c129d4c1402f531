package dev.kubepci.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a path the user names is, told once for every command: standard input, a snapshot, a Helm chart folder, a
 * kustomization folder, another folder to walk, or a file of manifests (one object, a stream of documents, or a
 * {@code kubectl get -o yaml|json} dump: the reader tells those apart as it reads).
 */
public enum InputKind {
  /** {@code -}: the manifests piped in. */
  STDIN,
  /** A gzip-compressed file: the only form a kubepci snapshot takes, and one manifests never take. */
  SNAPSHOT,
  /** A folder with a {@code Chart.yaml}: rendered as {@code helm template} would. */
  HELM_CHART,
  /** A folder with a kustomization file: built with {@code kubectl kustomize}. */
  KUSTOMIZATION,
  /** Any other folder: walked for manifests, charts and kustomizations. */
  DIRECTORY,
  /** A file (or a pipe) of manifests. */
  MANIFESTS,
  /** Nothing readable there: the reader says why. */
  MISSING;

  /** The file names that make a folder a kustomization, as kustomize looks for them. */
  static final List<String> KUSTOMIZATION_FILES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** What {@code path} (as the user gave it, {@code -} for standard input) is. */
  public static InputKind of(String path) {
    return ManifestReader.STDIN.equals(path) ? STDIN : of(Path.of(path));
  }

  /** What the file or folder at {@code path} is; a chart that is also a kustomization is a chart. */
  public static InputKind of(Path path) {
    if (Files.isDirectory(path)) {
      if (Files.isRegularFile(path.resolve("Chart.yaml"))) {
        return HELM_CHART;
      }
      return KUSTOMIZATION_FILES.stream().anyMatch(f -> Files.isRegularFile(path.resolve(f))) ? KUSTOMIZATION
          : DIRECTORY;
    }
    if (!Files.exists(path)) {
      return MISSING;
    }
    return Files.isRegularFile(path) && gzipped(path) ? SNAPSHOT : MANIFESTS;
  }

  private static boolean gzipped(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      return false;
    }
  }
}
