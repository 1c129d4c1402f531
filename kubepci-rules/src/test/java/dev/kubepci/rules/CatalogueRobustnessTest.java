package dev.kubepci.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.DefaultNamespace;
import dev.kubepci.collect.KubeconfigReader;
import dev.kubepci.collect.ObjectDecoder;
import dev.kubepci.config.ConfigLoader;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.RuleError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every rule of the catalogue on odd but valid objects and asserts that none throws. The seeds are the example
 * platform (manifests, cluster dump, control plane) and a fixture of odd objects (old API versions of built-in kinds,
 * explicit nulls, empty lists and maps, unknown fields). Each seed is then varied one field at a time: the field
 * absent, set to null, and replaced by an empty list or map; cluster-scoped objects also get a namespace and every
 * mapping an unknown field. Variant {@code k} of every seed is assessed together, so that the cross-object rules see
 * each other's odd objects, both as read and with namespace-less objects placed in the default namespace.
 */
class CatalogueRobustnessTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "payment-platform");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  /** Fields varied per seed, depth first; enough to reach every field of a pod spec. */
  private static final int MAX_PATHS_PER_SEED = 300;

  private static final int SEEDS_PER_KIND = 3;
  private static final Map<String, Integer> PER_SHAPE = new java.util.HashMap<>();
  /**
   * Maps of strings (labels, selectors, data, quantities): Kubernetes reads a null value there as the empty string,
   * which is the reader's business, so their entries are varied by absence and emptiness only.
   */
  private static final Set<String> STRING_MAPS = Set.of("labels", "annotations", "matchLabels", "nodeSelector",
      "selector", "data", "stringData", "binaryData", "hard", "limits", "requests", "capacity", "allocatable",
      "parameters", "default", "defaultRequest", "max", "min", "maxLimitRequestRatio", "sysctls");

  private static List<Seed> seeds;

  private record Seed(String file, int index, JsonNode node) {}

  @BeforeAll
  static void readSeeds() throws IOException {
    seeds = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("manifests", "control-plane")) {
      try (Stream<Path> walk = Files.walk(EXAMPLE.resolve(dir))) {
        walk.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
      }
    }
    files.add(EXAMPLE.resolve("cluster-dump.yaml"));
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        addSeeds(f.toString(), YAML.readerFor(JsonNode.class).readValues(in));
      }
    }
    try (InputStream in = CatalogueRobustnessTest.class.getResourceAsStream("/robustness/odd-objects.yaml")) {
      addSeeds("odd-objects.yaml", YAML.readerFor(JsonNode.class).readValues(in));
    }
  }

  private static void addSeeds(String file, Iterator<JsonNode> docs) {
    while (docs.hasNext()) {
      JsonNode doc = docs.next();
      if (doc == null || !doc.isObject()) {
        continue;
      }
      if (doc.path("items").isArray()) {
        doc.path("items").forEach(item -> addSeed(file, item));
      } else if (doc.hasNonNull("kind")) {
        addSeed(file, doc);
      }
    }
  }

  /** A few objects of each kind and API version are enough: their variants cover every field they have. */
  private static void addSeed(String file, JsonNode node) {
    String shape = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
    if (file.endsWith("odd-objects.yaml") || PER_SHAPE.merge(shape, 1, Integer::sum) <= SEEDS_PER_KIND) {
      seeds.add(new Seed(file, seeds.size(), node));
    }
  }

  @Test
  void noRuleThrowsOnOddObjects() throws IOException {
    assertThat(seeds).as("seeds").hasSizeGreaterThan(100);
    KubepciConfig config = ConfigLoader.load(EXAMPLE.resolve("kubepci.yaml"));
    RuleCatalog catalog = BuiltInRules.catalog();
    Framework framework = BuiltInRules.pciFramework();
    AssessmentRequest request = new AssessmentRequest(framework, catalog, catalog.rules(), config,
        Clock.fixed(NOW, ZoneOffset.UTC), "test", List.of("robustness"));
    AssessmentRequest unscoped = new AssessmentRequest(framework, catalog, catalog.rules(), KubepciConfig.EMPTY,
        Clock.fixed(NOW, ZoneOffset.UTC), "test", List.of("robustness"));

    Map<String, String> failures = new LinkedHashMap<>();
    int assessed = 0;
    List<BiFunction<JsonNode, Integer, JsonNode>> mutations = List.of(
        (n, k) -> mutate(n, k, Mutation.ABSENT), (n, k) -> mutate(n, k, Mutation.NULL),
        (n, k) -> mutate(n, k, Mutation.EMPTY), (n, k) -> k == 0 ? oddFrame(n) : null);
    for (int m = 0; m < mutations.size(); m++) {
      for (int k = 0; k < MAX_PATHS_PER_SEED; k++) {
        List<Resource> round = new ArrayList<>();
        Map<Resource, String> described = new LinkedHashMap<>();
        for (Seed s : seeds) {
          JsonNode variant = mutations.get(m).apply(s.node(), k);
          if (variant == null) {
            continue;
          }
          for (Resource r : decode(s, variant)) {
            round.add(r);
            described.put(r, s.file() + " #" + s.index() + " mutation " + m + " path " + k);
          }
        }
        if (round.isEmpty()) {
          break;
        }
        assessed += round.size();
        // each variant once, as read or placed in the default namespace, with or without a CDE scope: the
        // alternation across mutations gives every field both readings at a half of the cost
        AssessmentRequest req = k % 2 == 0 ? request : unscoped;
        if ((k + m) % 2 == 0) {
          record(failures, new Assessor(req).assess(Inventory.of(round), List.of()), described, "as read");
        } else {
          record(failures, new Assessor(req).assess(Inventory.of(DefaultNamespace.apply(round, "default")),
              List.of()), described, "in the default namespace");
        }
      }
    }
    assertThat(assessed).as("variants assessed").isGreaterThan(5_000);
    assertThat(failures).as("rules that threw (rule and object: first failure)").isEmpty();
  }

  @Test
  void theVariationReachesDeepFields() {
    // the pod template's container securityContext of the odd Deployment is among the fields varied
    JsonNode deployment = seeds.stream().filter(s -> s.node().path("metadata").path("name").asText()
        .equals("old-deploy")).findFirst().orElseThrow().node();
    boolean reached = false;
    for (int k = 0; k < MAX_PATHS_PER_SEED && !reached; k++) {
      JsonNode variant = mutate(deployment, k, Mutation.NULL);
      reached = variant != null && variant.path("spec").path("template").path("spec").path("containers").path(0)
          .path("securityContext").isNull();
    }
    assertThat(reached).isTrue();
  }

  private static void record(Map<String, String> failures, AssessmentReport report, Map<Resource, String> described,
      String how) {
    for (RuleError e : report.ruleErrors()) {
      String variant = described.entrySet().stream()
          .filter(d -> e.resource() != null && d.getKey().ref().equals(e.resource())).map(Map.Entry::getValue)
          .findFirst().orElse("the whole inventory");
      failures.putIfAbsent(e.rule() + " " + e.message(), variant + " (" + how + ")\n" + e.stackTrace()
          .lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse(""));
    }
  }

  private static List<Resource> decode(Seed s, JsonNode node) {
    Provenance where = Provenance.ofFile(s.file(), s.index() + 1, 1);
    if (KubeconfigReader.isKubeconfig(node)) {
      try {
        return KubeconfigReader.read(node, where);
      } catch (IllegalArgumentException e) {
        return List.of();
      }
    }
    try {
      return List.of(new Resource(ObjectDecoder.decode(node), where));
    } catch (ObjectDecoder.InvalidObjectException | RuntimeException e) {
      return List.of(); // an input error, reported as such: not what this test is about
    }
  }

  private enum Mutation { ABSENT, NULL, EMPTY }

  /** The seed with its {@code k}-th field (depth first) changed, or null when it has fewer fields. */
  private static JsonNode mutate(JsonNode seed, int k, Mutation how) {
    JsonNode copy = seed.deepCopy();
    int[] counter = {0};
    return visit(copy, k, how, counter, true) ? copy : null;
  }

  private static boolean visit(JsonNode node, int k, Mutation how, int[] counter, boolean root) {
    return visit(node, k, how, counter, root, false);
  }

  private static boolean visit(JsonNode node, int k, Mutation how, int[] counter, boolean root, boolean stringMap) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        // apiVersion, kind and metadata.name make an object what it is: varying them gives an input error
        if (root && (name.equals("apiVersion") || name.equals("kind"))) {
          continue;
        }
        if (counter[0]++ == k) {
          apply(object, name, stringMap && how == Mutation.NULL ? Mutation.EMPTY : how);
          return true;
        }
        if (!(root && name.equals("metadata"))
            && visit(object.get(name), k, how, counter, false, STRING_MAPS.contains(name))) {
          return true;
        }
        if (root && name.equals("metadata") && object.get(name) instanceof ObjectNode meta) {
          if (visitMetadata(meta, k, how, counter)) {
            return true;
          }
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (counter[0]++ == k) {
          // Kubernetes reads a null list item as the zero value of its type, which EMPTY gives: NULL does the same
          if (how == Mutation.ABSENT) {
            array.remove(i);
          } else {
            array.set(i, empty(array.get(i)));
          }
          return true;
        }
        if (visit(array.get(i), k, how, counter, false)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean visitMetadata(ObjectNode meta, int k, Mutation how, int[] counter) {
    List<String> names = new ArrayList<>();
    meta.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (name.equals("name")) {
        continue;
      }
      if (counter[0]++ == k) {
        apply(meta, name, how);
        return true;
      }
      if (visit(meta.get(name), k, how, counter, false, STRING_MAPS.contains(name))) {
        return true;
      }
    }
    return false;
  }

  private static void apply(ObjectNode parent, String name, Mutation how) {
    switch (how) {
      case ABSENT -> parent.remove(name);
      case NULL -> parent.putNull(name);
      case EMPTY -> parent.set(name, empty(parent.get(name)));
    }
  }

  /** An empty value of the same shape: {} for a mapping, [] for a list, "" for text, the value itself otherwise. */
  private static JsonNode empty(JsonNode value) {
    if (value == null || value.isObject()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (value.isArray()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    return value.isTextual() ? JsonNodeFactory.instance.textNode("") : value;
  }

  /**
   * The seed with an unknown field in every mapping, and a namespace whatever its scope (a cluster-scoped kind with
   * one, as some published manifests carry).
   */
  private static JsonNode oddFrame(JsonNode seed) {
    JsonNode copy = seed.deepCopy();
    addUnknown(copy, new LinkedHashSet<>());
    if (copy.get("metadata") instanceof ObjectNode meta && !meta.hasNonNull("namespace")) {
      meta.put("namespace", "odd");
    }
    return copy;
  }

  private static void addUnknown(JsonNode node, Set<JsonNode> seen) {
    if (node instanceof ObjectNode object) {
      List<JsonNode> children = new ArrayList<>();
      object.elements().forEachRemaining(children::add);
      children.forEach(c -> addUnknown(c, seen));
      if (!object.has("kind") || object.has("spec") || object.has("metadata")) {
        object.putObject("xUnknownField").putArray("values").add(1).addNull();
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(c -> addUnknown(c, seen));
    }
  }
}
