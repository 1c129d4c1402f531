package dev.kubepci.collect;

import java.nio.file.Path;
import java.util.List;

/**
 * How Helm charts among the input are rendered, as {@code helm template} takes it.
 *
 * @param valuesFiles values files, later ones overriding earlier ones ({@code --values})
 * @param set {@code key=value} overrides, applied after the values files ({@code --set})
 * @param releaseName the release name templates see as {@code .Release.Name}
 * @param namespace the namespace templates see as {@code .Release.Namespace}
 */
public record RenderOptions(List<Path> valuesFiles, List<String> set, String releaseName, String namespace) {
  /** What {@code helm template CHART} uses when given nothing. */
  public static final RenderOptions DEFAULTS = new RenderOptions(List.of(), List.of(), "release-name", "default");

  public RenderOptions {
    valuesFiles = List.copyOf(valuesFiles);
    set = List.copyOf(set);
  }

  /**
   * Helm's defaults, rendering into {@code namespace} and placing there the objects that name none, as
   * {@code kubectl -n} does; null for {@code default}.
   */
  public static RenderOptions inNamespace(String namespace) {
    return DEFAULTS.withNamespace(namespace == null ? DefaultNamespace.DEFAULT : namespace);
  }

  /** The same options rendering into {@code namespace}. */
  public RenderOptions withNamespace(String namespace) {
    return new RenderOptions(valuesFiles, set, releaseName, namespace);
  }
}
