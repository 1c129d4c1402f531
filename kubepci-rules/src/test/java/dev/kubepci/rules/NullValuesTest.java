package dev.kubepci.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A key with nothing after it is YAML null, and the API server reads it as an absent field. Every object-, list- or
 * map-typed field of every model class the rules read (the fabric8 kinds kubepci's own classes refer to, and every
 * class below them) is written empty at each depth in turn; each document must decode, decode to the same object as
 * the document without those keys, and every rule must run on the result without an error.
 */
class NullValuesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 9;
  /** Value types with a deserializer of their own (they read scalars or any object): set null, not filled in. */
  private static final Set<String> OPAQUE = Set.of("IntOrString", "Quantity", "AnyType", "RawExtension",
      "JSONSchemaPropsOrArray", "JSONSchemaPropsOrBool", "JSONSchemaPropsOrStringArray", "JSON", "MicroTime",
      "Duration", "FieldsV1", "ObjectReference");

  /** The kinds kubepci's classes (rules and the model helpers they call) refer to. */
  static List<Class<? extends HasMetadata>> kindsTheRulesRead() {
    Set<String> names = new TreeSet<>();
    ArchConfiguration archunit = ArchConfiguration.get();
    boolean resolve = archunit.resolveMissingDependenciesFromClassPath();
    archunit.setResolveMissingDependenciesFromClassPath(false); // the names are enough, and much faster
    JavaClasses classes;
    try {
      classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.kubepci");
    } finally {
      archunit.setResolveMissingDependenciesFromClassPath(resolve);
    }
    for (JavaClass c : classes) {
      c.getDirectDependenciesFromSelf().forEach(d -> {
        JavaClass target = d.getTargetClass().getBaseComponentType();
        if (target.getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
          names.add(target.getName());
        }
      });
    }
    List<Class<? extends HasMetadata>> kinds = new ArrayList<>();
    for (String name : names) {
      try {
        Class<?> type = Class.forName(name);
        if (HasMetadata.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
            && !type.isInterface() && !GenericKubernetesResource.class.isAssignableFrom(type)
            && !name.endsWith("List")) {
          kinds.add(type.asSubclass(HasMetadata.class));
        }
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
    return kinds;
  }

  @Test
  void everyObjectListOrMapFieldTheRulesReadMayBeEmptyAtEveryDepth() throws IOException {
    List<Class<? extends HasMetadata>> kinds = kindsTheRulesRead();
    assertThat(kinds).extracting(Class::getSimpleName)
        .contains("Deployment", "Pod", "NetworkPolicy", "Role", "ClusterRoleBinding", "Ingress", "CronJob");
    int fieldsCovered = 0;
    for (int depth = 1; depth <= MAX_DEPTH; depth++) {
      StringBuilder withNulls = new StringBuilder();
      StringBuilder withoutNulls = new StringBuilder();
      int nulls = 0;
      for (Class<? extends HasMetadata> kind : kinds) {
        ObjectNode doc = NODES.objectNode();
        doc.put("apiVersion", HasMetadata.getApiVersion(kind));
        doc.put("kind", HasMetadata.getKind(kind));
        Counter counter = new Counter();
        ObjectNode spec = skeleton(MAPPER.constructType(kind), 1, depth, new HashSet<>(), counter);
        spec.remove(List.of("apiVersion", "kind", "metadata", "status"));
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("name", "n-" + kind.getSimpleName().toLowerCase());
        metadata.put("namespace", "shop");
        doc.setAll(spec);
        if (counter.nulls == 0) {
          continue;
        }
        nulls += counter.nulls;
        withNulls.append("---\n").append(yaml(doc, 0));
        withoutNulls.append("---\n").append(yaml(withoutNulls(doc), 0));
      }
      if (nulls == 0) {
        break;
      }
      fieldsCovered += nulls;
      Read a = read(withNulls.toString());
      Read b = read(withoutNulls.toString());
      assertThat(a.errors).as("documents with empty fields at depth %d decode", depth).isEmpty();
      assertThat(b.errors).isEmpty();
      assertThat(a.resources).hasSameSizeAs(b.resources);
      for (int i = 0; i < a.resources.size(); i++) {
        assertThat(a.resources.get(i).object()).as("an empty field reads as an absent one (%s, depth %d)",
            a.resources.get(i).ref().displayName(), depth).isEqualTo(b.resources.get(i).object());
      }
      AssessmentReport report = assess(a.resources);
      assertThat(report.errors()).as("every rule runs on objects with empty fields at depth %d", depth).isEmpty();
    }
    assertThat(fieldsCovered).as("fields written empty").isGreaterThan(1000);
  }

  private static final class Counter {
    int nulls;
  }

  /**
   * The object of {@code type} with every object, list and map field present (filled in down to {@code depth}) and
   * null at {@code depth}.
   */
  private static ObjectNode skeleton(JavaType type, int level, int depth, Set<Class<?>> path, Counter counter) {
    ObjectNode node = NODES.objectNode();
    BeanDescription bean = MAPPER.getDeserializationConfig().introspect(type);
    path.add(type.getRawClass());
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (!p.hasSetter() && !p.hasField() || p.getName().isEmpty()) {
        continue;
      }
      JavaType t = p.getPrimaryType();
      boolean container = t.isContainerType();
      boolean object = isModel(t);
      if (!container && !object) {
        continue;
      }
      if (level == depth) {
        node.putNull(p.getName());
        counter.nulls++;
        continue;
      }
      JavaType element = t.isCollectionLikeType() ? t.getContentType() : t.isMapLikeType() ? t.getContentType() : t;
      if (!isModel(element) || OPAQUE.contains(element.getRawClass().getSimpleName())
          || path.contains(element.getRawClass())) {
        continue; // scalars inside, or a recursive type: nothing below to reach
      }
      ObjectNode child = skeleton(element, level + 1, depth, path, counter);
      if (t.isCollectionLikeType()) {
        node.putArray(p.getName()).add(child);
      } else if (t.isMapLikeType()) {
        node.putObject(p.getName()).set("k", child);
      } else {
        node.set(p.getName(), child);
      }
    }
    path.remove(type.getRawClass());
    return node;
  }

  private static boolean isModel(JavaType t) {
    Class<?> raw = t.getRawClass();
    return raw.getName().startsWith("io.fabric8.kubernetes.api.model") && !raw.isEnum()
        && KubernetesResource.class.isAssignableFrom(raw) || OPAQUE.contains(raw.getSimpleName())
        && raw.getName().startsWith("io.fabric8");
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      var copy = NODES.arrayNode();
      node.forEach(n -> copy.add(withoutNulls(n)));
      return copy;
    }
    return node;
  }

  /** Block YAML with an empty value (nothing after the colon) for every null, as people write it. */
  private static String yaml(JsonNode node, int indent) {
    StringBuilder sb = new StringBuilder();
    String pad = " ".repeat(indent);
    node.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      sb.append(pad).append(e.getKey()).append(':');
      if (v.isNull()) {
        sb.append('\n');
      } else if (v.isObject()) {
        sb.append(v.isEmpty() ? " {}\n" : "\n" + yaml(v, indent + 2));
      } else if (v.isArray()) {
        if (v.isEmpty()) {
          sb.append(" []\n");
        } else {
          sb.append('\n');
          for (JsonNode item : v) {
            sb.append(pad).append("-").append(item.isEmpty() ? " {}\n" : "\n" + yaml(item, indent + 2));
          }
        }
      } else {
        sb.append(' ').append(v.asText()).append('\n');
      }
    });
    return sb.toString();
  }

  private record Read(List<Resource> resources, List<ProcessingError> errors) {}

  private static Read read(String text) throws IOException {
    List<Resource> resources = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        resources.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        errors.add(error);
      }
    }).read("nulls.yaml", new StringReader(text));
    return new Read(resources, errors);
  }

  private static AssessmentReport assess(List<Resource> resources) {
    RuleCatalog catalog = BuiltInRules.catalog();
    AssessmentRequest request = new AssessmentRequest(BuiltInRules.pciFramework(), catalog, catalog.rules(),
        KubepciConfig.EMPTY, Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC), "test",
        List.of("nulls.yaml"));
    return new Assessor(request).assess(Inventory.of(resources), List.of());
  }
}
