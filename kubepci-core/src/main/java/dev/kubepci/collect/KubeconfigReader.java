package dev.kubepci.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.pki.CertificateSubject;
import dev.kubepci.pki.Redaction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a kubeconfig ({@code apiVersion: v1, kind: Config}) into evidence objects rules can read. A kubeconfig has
 * no {@code metadata.name}, and what matters in it is per entry, so each user becomes one {@code KubeconfigUser}
 * and each cluster one {@code KubeconfigCluster} (API version {@value #API_VERSION}), named after the entry.
 *
 * <p>Each evidence object keeps the entry's position ({@code spec.index}), the contexts that use it, and the entry
 * itself with every secret replaced by a fingerprint ({@link Redaction}): client keys, tokens, passwords,
 * auth-provider tokens and exec environment values never enter the inventory, so no report can print them.
 * Client certificates are read for their subject (CN is the user, O the groups) and expiry. Provenance is the
 * kubeconfig document, so a violation's path ({@code users[2].user.token}) points at the line in the file.
 */
public final class KubeconfigReader {
  public static final String API_VERSION = "kubepci.dev/v1";
  public static final String USER_KIND = "KubeconfigUser";
  public static final String CLUSTER_KIND = "KubeconfigCluster";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SECRET_USER_FIELDS = Set.of("client-key-data", "token", "password");
  private static final Set<String> SECRET_PROVIDER_FIELDS = Set.of("id-token", "refresh-token", "client-secret",
      "access-token", "idp-certificate-authority-data");
  private static final Set<String> FINGERPRINTED_FIELDS = Set.of("client-certificate-data",
      "certificate-authority-data");

  private KubeconfigReader() {}

  /** True for a kubeconfig document: {@code kind: Config} with {@code apiVersion: v1} or none. */
  public static boolean isKubeconfig(JsonNode node) {
    JsonNode kind = node.get("kind");
    JsonNode apiVersion = node.get("apiVersion");
    return kind != null && "Config".equals(kind.asText())
        && (apiVersion == null || apiVersion.isNull() || "v1".equals(apiVersion.asText()));
  }

  /**
   * The evidence objects of one kubeconfig document.
   *
   * @throws IllegalArgumentException with a message for people when the document is not a usable kubeconfig
   */
  public static List<Resource> read(JsonNode config, Provenance where) {
    Map<String, List<String>> contextsByUser = new LinkedHashMap<>();
    Map<String, List<String>> contextsByCluster = new LinkedHashMap<>();
    Map<String, Set<String>> clustersByUser = new LinkedHashMap<>();
    Map<String, Set<String>> usersByCluster = new LinkedHashMap<>();
    String current = config.path("current-context").asText("");
    String currentUser = null;
    String currentCluster = null;
    for (JsonNode ctx : entries(config, "contexts")) {
      String name = ctx.path("name").asText("");
      String user = ctx.path("context").path("user").asText("");
      String cluster = ctx.path("context").path("cluster").asText("");
      contextsByUser.computeIfAbsent(user, k -> new ArrayList<>()).add(name);
      contextsByCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(name);
      clustersByUser.computeIfAbsent(user, k -> new TreeSet<>()).add(cluster);
      usersByCluster.computeIfAbsent(cluster, k -> new TreeSet<>()).add(user);
      if (name.equals(current)) {
        currentUser = user;
        currentCluster = cluster;
      }
    }
    List<Resource> out = new ArrayList<>();
    List<JsonNode> users = entries(config, "users");
    for (int i = 0; i < users.size(); i++) {
      JsonNode entry = users.get(i);
      String name = requireName(entry, "users", i);
      ObjectNode user = body(entry, "user");
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("index", i);
      spec.put("contexts", contextsByUser.getOrDefault(name, List.of()));
      spec.put("clusters", List.copyOf(clustersByUser.getOrDefault(name, Set.of())));
      spec.put("current", name.equals(currentUser));
      certificate(user).ifPresent(c -> spec.put("certificate", c));
      redactUser(user);
      spec.put("user", MAPPER.convertValue(user, Map.class));
      out.add(evidence(USER_KIND, name, spec, where));
    }
    List<JsonNode> clusters = entries(config, "clusters");
    for (int i = 0; i < clusters.size(); i++) {
      JsonNode entry = clusters.get(i);
      String name = requireName(entry, "clusters", i);
      ObjectNode cluster = body(entry, "cluster");
      fingerprint(cluster);
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("index", i);
      spec.put("contexts", contextsByCluster.getOrDefault(name, List.of()));
      spec.put("users", List.copyOf(usersByCluster.getOrDefault(name, Set.of())));
      spec.put("current", name.equals(currentCluster));
      spec.put("cluster", MAPPER.convertValue(cluster, Map.class));
      out.add(evidence(CLUSTER_KIND, name, spec, where));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("kubeconfig: no users and no clusters");
    }
    return out;
  }

  /** A copy of the entry's {@code field} object ({@code user} or {@code cluster}), to redact; empty when absent. */
  private static ObjectNode body(JsonNode entry, String field) {
    return entry.path(field) instanceof ObjectNode o ? o.deepCopy() : MAPPER.createObjectNode();
  }

  private static List<JsonNode> entries(JsonNode config, String field) {
    JsonNode list = config.get(field);
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!(list instanceof ArrayNode array)) {
      throw new IllegalArgumentException("kubeconfig: " + field + " must be a list");
    }
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static String requireName(JsonNode entry, String field, int i) {
    String name = entry.path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("kubeconfig: " + field + "[" + i + "] has no name");
    }
    return name;
  }

  /** The subject and expiry of an embedded client certificate, or why it could not be read. */
  private static java.util.Optional<Map<String, Object>> certificate(ObjectNode user) {
    JsonNode data = user.get("client-certificate-data");
    if (data == null || !data.isTextual()) {
      return java.util.Optional.empty();
    }
    Map<String, Object> info = new LinkedHashMap<>();
    try {
      String pem = new String(Base64.getMimeDecoder().decode(data.asText()), StandardCharsets.US_ASCII);
      CertificateSubject s = CertificateSubject.ofCertificatePem(pem);
      info.put("subject", s.distinguishedName());
      if (s.commonName() != null) {
        info.put("commonName", s.commonName());
      }
      info.put("organizations", s.organizations());
      info.put("notAfter", s.notAfter().toString());
    } catch (IllegalArgumentException e) {
      info.put("error", "the embedded certificate could not be read: " + e.getMessage());
    }
    return java.util.Optional.of(info);
  }

  private static void redactUser(ObjectNode user) {
    for (String field : List.copyOf(iterable(user.fieldNames()))) {
      JsonNode value = user.get(field);
      if (SECRET_USER_FIELDS.contains(field) && value.isTextual()) {
        user.put(field, Redaction.redact(value.asText()));
      } else if (FINGERPRINTED_FIELDS.contains(field) && value.isTextual()) {
        user.put(field, "<sha256:" + Redaction.fingerprint(value.asText()) + ">");
      }
    }
    JsonNode provider = user.path("auth-provider").path("config");
    if (provider instanceof ObjectNode config) {
      for (String field : List.copyOf(iterable(config.fieldNames()))) {
        if (SECRET_PROVIDER_FIELDS.contains(field) && config.get(field).isTextual()) {
          config.put(field, Redaction.redact(config.get(field).asText()));
        }
      }
    }
    JsonNode env = user.path("exec").path("env");
    if (env instanceof ArrayNode vars) {
      for (JsonNode v : vars) {
        if (v instanceof ObjectNode var && var.path("value").isTextual()) {
          var.put("value", Redaction.redact(var.get("value").asText()));
        }
      }
    }
  }

  private static void fingerprint(ObjectNode cluster) {
    for (String field : FINGERPRINTED_FIELDS) {
      JsonNode value = cluster.get(field);
      if (value != null && value.isTextual()) {
        cluster.put(field, "<sha256:" + Redaction.fingerprint(value.asText()) + ">");
      }
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static Resource evidence(String kind, String name, Map<String, Object> spec, Provenance where) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(kind);
    r.setMetadata(new ObjectMetaBuilder().withName(name).build());
    r.setAdditionalProperty("spec", spec);
    return new Resource(r, where);
  }
}
