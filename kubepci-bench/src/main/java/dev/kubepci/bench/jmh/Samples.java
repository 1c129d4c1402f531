package dev.kubepci.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.collect.CompactStore;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Objects from the synthetic cluster, as the inputs of the micro-benchmarks. */
final class Samples {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build());

  private Samples() {}

  /** Up to {@code limit} objects of a 2,000-object cluster that {@code filter} accepts, in emission order. */
  static List<ObjectNode> objects(Predicate<ObjectNode> filter, int limit) {
    return objects(filter, limit, 2_000);
  }

  /** Up to {@code limit} objects of a cluster of {@code size} objects that {@code filter} accepts. */
  static List<ObjectNode> objects(Predicate<ObjectNode> filter, int limit, int size) {
    List<ObjectNode> found = new ArrayList<>();
    new SyntheticCluster(ClusterPlan.of(size, 20250106L)).emit(o -> {
      if (found.size() < limit && filter.test(o)) {
        found.add(o);
      }
    });
    return found;
  }

  /** {@code objects} as one {@code kind: List}, the shape of a dump. */
  static ObjectNode list(List<ObjectNode> objects) {
    ObjectNode list = JSON.createObjectNode();
    list.put("apiVersion", "v1");
    list.putArray("items").addAll(objects);
    list.put("kind", "List");
    list.putObject("metadata").put("resourceVersion", "");
    return list;
  }

  static Predicate<ObjectNode> kind(String kind) {
    return o -> kind.equals(o.path("kind").asText());
  }

  static String yaml(ObjectNode o) {
    return write(YAML, o);
  }

  static String json(ObjectNode o) {
    return write(JSON, o);
  }

  private static String write(ObjectMapper mapper, ObjectNode o) {
    try {
      return mapper.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code objects} as kubepci's model, each read as a JSON document of file {@code file} (a {@code kind: List} gives
   * its items), kept compact in {@code store} unless it is null.
   */
  static List<Resource> read(String file, List<ObjectNode> objects, CompactStore store) throws IOException {
    List<Resource> read = new ArrayList<>();
    ManifestReader reader = new ManifestReader(sink(read::add), store);
    for (ObjectNode o : objects) {
      reader.read(file, new StringReader(json(o)));
    }
    return read;
  }

  /** A sink that hands every object read to {@code accept} and fails on the first error: the samples are valid. */
  static ResourceSink sink(Consumer<Resource> accept) {
    return new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        accept.accept(resource);
      }

      @Override
      public void error(ProcessingError error) {
        throw new IllegalStateException(error.message());
      }
    };
  }
}
