package dev.kubepci.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.collect.cluster.ApiServer;
import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.collect.cluster.KnownResources.Known;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fabric8's mock API server answering for a synthetic cluster as an API server would: discovery ({@code /version},
 * {@code /api}, {@code /apis}, group versions) for the built-in groups and the add-on groups the cluster uses, and
 * cluster-wide lists paginated with {@code limit} and {@code continue}, built-in list items without kind and
 * apiVersion, Secrets only as the metadata Table view. Objects are held serialised, indexed by list path, so that
 * serving a page costs what copying its bytes costs and the server never slows the collector it measures.
 */
public final class SyntheticApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "as=Table";
  /** Held so that its level sticks: the mock server logs every request at INFO otherwise. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /** A resource served: its discovery entry and, once listed, its objects. */
  private record Served(Known known, List<byte[]> items, List<ObjectNode> secrets) {}

  private final KubernetesMockServer server;
  private final Map<String, Served> byListPath = new LinkedHashMap<>();
  private final List<Known> served = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private int objects;

  private SyntheticApiServer() {
    this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new Api(), false);
  }

  /** A running server holding every object of {@code cluster}. */
  public static SyntheticApiServer start(SyntheticCluster cluster) {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    SyntheticApiServer s = new SyntheticApiServer();
    s.load(cluster);
    s.server.init();
    return s;
  }

  private void load(SyntheticCluster cluster) {
    Map<String, Known> known = new HashMap<>();
    for (Known k : KnownResources.all()) {
      known.put(k.groupVersion() + "/" + k.kind(), k);
    }
    Set<String> addOnGroups = new LinkedHashSet<>();
    cluster.emit(o -> {
      String apiVersion = o.path("apiVersion").asText();
      String kind = o.path("kind").asText();
      Known k = known.computeIfAbsent(apiVersion + "/" + kind, key -> unknown(apiVersion, kind));
      if (!KnownResources.isBuiltInGroup(k.group())) {
        addOnGroups.add(k.group());
      }
      Served s = byListPath.computeIfAbsent(listPath(k), p -> new Served(k, new ArrayList<>(), new ArrayList<>()));
      if (k.kind().equals("Secret")) {
        s.secrets().add(o);
      } else {
        ObjectNode item = o;
        if (KnownResources.isBuiltInGroup(k.group())) {
          // the API server leaves kind and apiVersion off the items of built-in lists
          item = o.deepCopy();
          item.remove("kind");
          item.remove("apiVersion");
        }
        try {
          s.items().add(JSON.writeValueAsBytes(item));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      objects++;
    });
    for (Known k : KnownResources.all()) {
      if (KnownResources.isBuiltInGroup(k.group()) && !k.group().startsWith("gateway.")
          || addOnGroups.contains(k.group())) {
        served.add(k);
        byListPath.computeIfAbsent(listPath(k), p -> new Served(k, List.of(), List.of()));
      }
    }
    for (Served s : byListPath.values()) {
      if (!served.contains(s.known())) {
        served.add(s.known());
      }
    }
  }

  private static Known unknown(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return new Known(group, version, kind, kind.toLowerCase(Locale.ROOT) + "s", false);
  }

  private static String listPath(Known k) {
    return (k.group().isEmpty() ? "/api/" : "/apis/" + k.group() + "/") + k.version() + "/" + k.resource();
  }

  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /** Objects held. */
  public int objects() {
    return objects;
  }

  public long requests() {
    return requests.get();
  }

  /** Writes a kubeconfig whose current context points at this server with a bearer token. */
  public Path writeKubeconfig(Path file) throws IOException {
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: synthetic
          cluster:
            server: %s
        users:
        - name: kubepci
          user:
            token: synthetic-token
        contexts:
        - name: synthetic
          context:
            cluster: synthetic
            user: kubepci
        current-context: synthetic
        """.formatted(url()), StandardCharsets.UTF_8);
    return file;
  }

  @Override
  public void close() {
    server.destroy();
  }

  /** An answer of the synthetic cluster: the HTTP status and a JSON body. */
  private record Answer(int code, byte[] body) {}

  /**
   * The same cluster answering in this process, without HTTP: what JMH measures the collector against, so that
   * neither a socket nor the mock server's threads are part of the score.
   */
  public ApiServer inProcess() {
    return new ApiServer() {
      @Override
      public String server() {
        return url();
      }

      @Override
      public Response get(String pathAndQuery, String accept) {
        Answer a = answer("GET", pathAndQuery, accept);
        return new Response(a.code(), new ByteArrayInputStream(a.body()));
      }

      @Override
      public void close() {
        // nothing held
      }
    };
  }

  private final class Api extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Answer a = answer(request.getMethod(), request.getPath(), request.getHeader("Accept"));
      return new MockResponse().setResponseCode(a.code()).setHeader("Content-Type", "application/json")
          .setBody(new String(a.body(), StandardCharsets.UTF_8));
    }
  }

  private Answer answer(String method, String full, String acceptHeader) {
    requests.incrementAndGet();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    Map<String, String> params = params(q < 0 ? null : full.substring(q + 1));
    if (!"GET".equals(method)) {
      return status(405, "MethodNotAllowed", "the synthetic cluster is read-only");
    }
    switch (path) {
      case "/version":
        return json(Map.of("major", "1", "minor", "31", "gitVersion", "v1.31.4", "platform", "linux/amd64"));
      case "/api":
        return json(Map.of("kind", "APIVersions", "versions", List.of("v1")));
      case "/api/v1":
        return json(resourceList("v1"));
      case "/apis":
        return json(groupList());
      default:
        break;
    }
    String[] seg = path.substring(1).split("/");
    if (seg[0].equals("apis") && seg.length == 2) {
      Map<String, Object> group = group(seg[1]);
      return group == null ? status(404, "NotFound", path) : json(group);
    }
    if (seg[0].equals("apis") && seg.length == 3) {
      String gv = seg[1] + "/" + seg[2];
      return served.stream().anyMatch(k -> k.groupVersion().equals(gv)) ? json(resourceList(gv))
          : status(404, "NotFound", path);
    }
    Served s = byListPath.get(path);
    if (s == null) {
      return status(404, "NotFound", path);
    }
    String accept = acceptHeader == null ? "" : acceptHeader;
    int total = s.known().kind().equals("Secret") ? s.secrets().size() : s.items().size();
    int offset = 0;
    if (params.containsKey("continue")) {
      String token = new String(Base64.getDecoder().decode(params.get("continue")), StandardCharsets.UTF_8);
      offset = Integer.parseInt(token.substring(token.indexOf(':') + 1));
    }
    int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : Integer.MAX_VALUE;
    int end = (int) Math.min(total, (long) offset + limit);
    ObjectNode metadata = JSON.createObjectNode().put("resourceVersion", "4242000");
    if (end < total) {
      metadata.put("continue", Base64.getEncoder().encodeToString(("offset:" + end)
          .getBytes(StandardCharsets.UTF_8))).put("remainingItemCount", total - end);
    }
    if (s.known().kind().equals("Secret")) {
      if (!accept.contains(TABLE)) {
        return status(406, "NotAcceptable", "the synthetic cluster serves Secrets as a metadata table only");
      }
      return json(table(s.secrets().subList(offset, end), metadata));
    }
    return list(s, offset, end, metadata);
  }

  private Answer list(Served s, int offset, int end, ObjectNode metadata) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(("{\"kind\":\"" + s.known().kind() + "List\",\"apiVersion\":\"" + s.known().groupVersion()
          + "\",\"metadata\":").getBytes(StandardCharsets.UTF_8));
      out.write(JSON.writeValueAsBytes(metadata));
      out.write(",\"items\":[".getBytes(StandardCharsets.UTF_8));
      for (int i = offset; i < end; i++) {
        if (i > offset) {
          out.write(',');
        }
        out.write(s.items().get(i));
      }
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Answer(200, out.toByteArray());
  }

  private ObjectNode table(List<ObjectNode> secrets, ObjectNode metadata) {
    ObjectNode t = JSON.createObjectNode();
    t.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    t.set("metadata", metadata);
    ArrayNode columns = t.putArray("columnDefinitions");
    for (String c : List.of("Name", "Type", "Data", "Age")) {
      columns.addObject().put("name", c).put("type", c.equals("Data") ? "integer" : "string").put("format", "")
          .put("priority", 0);
    }
    ArrayNode rows = t.putArray("rows");
    for (JsonNode secret : secrets) {
      ObjectNode row = rows.addObject();
      row.putArray("cells").add(secret.path("metadata").path("name").asText())
          .add(secret.path("type").asText("Opaque")).add(secret.path("data").size()).add("5d");
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", secret.path("metadata").deepCopy());
    }
    return t;
  }

  private Map<String, Object> resourceList(String groupVersion) {
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Known k : served) {
      if (k.groupVersion().equals(groupVersion)) {
        resources.add(Map.of("name", k.resource(), "singularName", "", "namespaced", k.namespaced(),
            "kind", k.kind(), "verbs", List.of("get", "list", "watch")));
      }
    }
    return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion,
        "resources", resources);
  }

  private Map<String, Object> groupList() {
    Map<String, Map<String, Object>> groups = new TreeMap<>();
    for (Known k : served) {
      if (!k.group().isEmpty()) {
        groups.computeIfAbsent(k.group(), SyntheticApiServer.this::groupOrNull);
      }
    }
    return Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", List.copyOf(groups.values()));
  }

  private Map<String, Object> group(String name) {
    return groupOrNull(name);
  }

  private Answer json(Object value) {
    try {
      return new Answer(200, JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer status(int code, String reason, String message) {
    return new Answer(code, ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
        + JSON.valueToTree(message) + ",\"reason\":\"" + reason + "\",\"code\":" + code + "}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, Object> groupOrNull(String group) {
    List<Map<String, Object>> versions = new ArrayList<>();
    for (Known k : served) {
      if (k.group().equals(group)) {
        Map<String, Object> v = Map.of("groupVersion", k.groupVersion(), "version", k.version());
        if (!versions.contains(v)) {
          versions.add(v);
        }
      }
    }
    return versions.isEmpty() ? null : Map.of("kind", "APIGroup", "apiVersion", "v1", "name", group,
        "versions", versions, "preferredVersion", versions.get(0));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
