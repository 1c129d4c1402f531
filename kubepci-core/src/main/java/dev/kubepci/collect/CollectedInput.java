package dev.kubepci.collect;

import dev.kubepci.model.Inventory;
import dev.kubepci.result.ProcessingError;
import java.util.List;
import java.util.Map;

/**
 * Objects read from the user's input, with what could not be read and what was passed over.
 *
 * @param inputs how the input is named in reports
 * @param skipped documents that are not Kubernetes objects (Helm values, compose files, kubepci's own files)
 * @param rendered the text rendered from each Helm chart or kustomization folder, by the name objects read from
 *     it carry as their file, so that findings can be pointed at their line after the assessment
 * @param digests the hex SHA-256 of each file read whole, taken as it was read, by its path
 */
public record CollectedInput(Inventory inventory, List<ProcessingError> errors, List<String> inputs,
    List<ProcessingError> skipped, Map<String, String> rendered, Map<String, String> digests) {
  public CollectedInput {
    errors = List.copyOf(errors);
    inputs = List.copyOf(inputs);
    skipped = List.copyOf(skipped);
    rendered = Map.copyOf(rendered);
    digests = Map.copyOf(digests);
  }

  /** Input with nothing skipped, rendered or read from a file: a cluster. */
  public CollectedInput(Inventory inventory, List<ProcessingError> errors, List<String> inputs) {
    this(inventory, errors, inputs, List.of(), Map.of(), Map.of());
  }

  /** This input with the digest of the file it was read from; as it is when {@code sha256} is null (none taken). */
  public CollectedInput withDigest(String file, String sha256) {
    if (sha256 == null) {
      return this;
    }
    Map<String, String> all = new java.util.HashMap<>(digests);
    all.put(file, sha256);
    return new CollectedInput(inventory, errors, inputs, skipped, rendered, all);
  }
}
