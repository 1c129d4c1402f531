package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Inline YAML to an inventory, for the policy evaluation tests. */
final class Manifests {
  private Manifests() {}

  static Inventory inventory(String... yamls) {
    List<Resource> resources = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    ManifestReader reader = new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        resources.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        errors.add(error);
      }
    });
    try {
      for (int i = 0; i < yamls.length; i++) {
        reader.read("test-" + i + ".yaml", new StringReader(yamls[i]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(errors).as("test input parses").isEmpty();
    return Inventory.of(resources);
  }

  static NetworkPolicies policies(String... yamls) {
    return NetworkPolicies.of(inventory(yamls));
  }
}
