package dev.kubepci.cli;

import dev.kubepci.collect.DefaultNamespace;
import picocli.CommandLine.Option;

/**
 * {@code -n/--namespace} of the commands that read files: the namespace of namespaced objects whose file names none,
 * as {@code kubectl apply -n} would put them. It filters nothing.
 */
public final class NamespaceOption {
  @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
      description = "Namespace of the namespaced objects whose file names none, as kubectl -n would place them, "
          + "and the namespace Helm charts among the PATHs are rendered into (.Release.Namespace) (default: "
          + "default). Findings say the namespace was assumed. Filters nothing.")
  String namespace;

  /** The namespace given, or {@code default}. */
  String orDefault() {
    return namespace == null || namespace.isBlank() ? DefaultNamespace.DEFAULT : namespace;
  }
}
