package dev.kubepci.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads test inputs into inventories. */
final class RbacFixtures {
  private RbacFixtures() {}

  static Inventory resource(String name) {
    try (InputStream in = RbacFixtures.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return read(name, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Inventory yaml(String yaml) {
    return read("test.yaml", new StringReader(yaml));
  }

  private static Inventory read(String file, java.io.Reader reader) {
    List<Resource> resources = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    try {
      new ManifestReader(new ResourceSink() {
        @Override
        public void accept(Resource resource) {
          resources.add(resource);
        }

        @Override
        public void error(ProcessingError error) {
          errors.add(error);
        }
      }).read(file, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(errors).isEmpty();
    return Inventory.of(resources);
  }
}
