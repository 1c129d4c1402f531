package dev.kubepci.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.collect.cluster.KnownResources.Known;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fabric8's mock API server in CRUD mode, made to answer like a real API server where kubepci depends on it:
 * discovery ({@code /version}, {@code /api}, {@code /apis} and group versions, from {@link KnownResources}), list
 * answers shaped as the API server shapes them ({@code PodList} with items lacking kind and apiVersion),
 * pagination with {@code limit} and {@code continue}, the server-side Table view with metadata-only rows, 403s for
 * resources made forbidden, and injected failures. Every request is recorded, and a Secret list asked for in any
 * form that carries data is recorded as a violation. Seeded objects keep the uids they were given, as they had them
 * in the cluster they were dumped from, so that owner references by uid still hold.
 */
public final class FakeApiServer implements AutoCloseable {
  /** The identity the fake names in its 403 messages. */
  public static final String IDENTITY = "system:serviceaccount:kubepci:kubepci";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the server saw it. */
  public record Request(String method, String path, String query, String accept) {
    public String target() {
      return query == null ? path : path + "?" + query;
    }
  }

  private final KubernetesMockServer server;
  private final KubernetesCrudDispatcher crud;
  private final List<Known> served;
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  /** List paths that page without end, with the pages served so far; repeating ones hand back the same token. */
  private final Map<String, AtomicInteger> endlessPaging = new ConcurrentHashMap<>();
  private final Set<String> repeatingTokens = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  /** The uid each seeded object had, by kind/namespace/name: fabric8's store assigns new ones on create. */
  private final Map<String, String> uids = new ConcurrentHashMap<>();
  private volatile Map<String, Object> version = new LinkedHashMap<>(Map.of(
      "major", "1", "minor", "30", "gitVersion", "v1.30.4", "gitCommit", "0000000000000000000000000000000000000000",
      "platform", "linux/amd64", "goVersion", "go1.22.5", "compiler", "gc", "buildDate", "2024-08-14T19:03:34Z",
      "gitTreeState", "clean"));

  private record Failure(int status, AtomicInteger remaining) {}

  private FakeApiServer(Set<String> installedGroups) {
    List<Known> list = new ArrayList<>();
    List<CustomResourceDefinitionContext> crds = new ArrayList<>();
    for (Known k : KnownResources.all()) {
      boolean builtIn = KnownResources.isBuiltInGroup(k.group()) && !k.group().startsWith("gateway.");
      if (builtIn || installedGroups.contains(k.group())) {
        list.add(k);
        if (!builtIn) {
          crds.add(new CustomResourceDefinitionContext.Builder().withGroup(k.group()).withVersion(k.version())
              .withPlural(k.resource()).withKind(k.kind()).withScope(k.namespaced() ? "Namespaced" : "Cluster")
              .build());
        }
      }
    }
    this.served = List.copyOf(list);
    this.crud = new KubernetesCrudDispatcher(crds);
    this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new Api(), false);
    this.server.init();
  }

  /**
   * A running server serving the built-in groups and the add-on groups named.
   *
   * @param installedGroups add-on API groups whose CRDs are "installed", e.g. {@code kyverno.io}
   */
  public static FakeApiServer start(String... installedGroups) {
    return new FakeApiServer(Set.of(installedGroups));
  }

  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  /** A client of the fake, for seeding. */
  public KubernetesClient client() {
    return server.createClient();
  }

  /** Writes a kubeconfig whose context {@code fake} points at this server with a bearer token. */
  public Path writeKubeconfig(Path dir) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake-cluster
          cluster:
            server: %s
        users:
        - name: kubepci
          user:
            token: fake-token
        contexts:
        - name: fake
          context:
            cluster: fake-cluster
            user: kubepci
        current-context: fake
        """.formatted(url());
    try {
      Path file = dir.resolve("kubeconfig");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the objects through the API, as kubectl apply would. */
  public FakeApiServer seed(Collection<? extends HasMetadata> objects) {
    try (KubernetesClient client = client()) {
      for (HasMetadata o : objects) {
        if (o instanceof GenericKubernetesResource g) {
          Known k = served.stream().filter(s -> s.groupVersion().equals(g.getApiVersion())
              && s.kind().equals(g.getKind())).findFirst().orElseThrow(() -> new IllegalArgumentException(
                  "the fake does not serve " + g.getApiVersion() + " " + g.getKind()));
          var ctx = new CustomResourceDefinitionContext.Builder().withGroup(k.group()).withVersion(k.version())
              .withPlural(k.resource()).withKind(k.kind()).withScope(k.namespaced() ? "Namespaced" : "Cluster")
              .build();
          var op = client.genericKubernetesResources(ctx);
          if (k.namespaced()) {
            op.inNamespace(g.getMetadata().getNamespace()).resource(g).create();
          } else {
            op.resource(g).create();
          }
        } else {
          client.resource(o).create();
        }
      }
    }
    requests.clear();
    return this;
  }

  /** Answers 403 to every request for {@code qualifiedResource} ({@code clusterrolebindings.rbac.authorization.k8s.io}). */
  public FakeApiServer forbid(String qualifiedResource) {
    forbidden.add(qualifiedResource);
    return this;
  }

  /** Answers {@code status} to the next {@code times} requests for {@code path} (query ignored). */
  public FakeApiServer fail(String path, int status, int times) {
    failures.put(path, new Failure(status, new AtomicInteger(times)));
    return this;
  }

  /**
   * Answers every list of {@code path} (query ignored) with an empty page and a continue token, without end; with
   * {@code sameToken} the token is always the same, else a new one each page, as a broken server or proxy might.
   */
  public FakeApiServer pageForever(String path, boolean sameToken) {
    endlessPaging.put(path, new AtomicInteger());
    if (sameToken) {
      repeatingTokens.add(path);
    }
    return this;
  }

  /** Pages served so far to lists of a path given to {@link #pageForever}. */
  public int pagesServed(String path) {
    return endlessPaging.get(path).get();
  }

  public FakeApiServer version(String gitVersion) {
    Map<String, Object> v = new LinkedHashMap<>(version);
    v.put("gitVersion", gitVersion);
    version = v;
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests that would have returned Secret data; kubepci must never make one. */
  public List<String> secretDataRequests() {
    return List.copyOf(violations);
  }

  @Override
  public void close() {
    server.destroy();
  }

  /** The dispatcher: discovery, shaped lists, pagination, tables, 403s and failures; storage is fabric8's. */
  private final class Api extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String full = request.getPath();
      int q = full.indexOf('?');
      String path = q < 0 ? full : full.substring(0, q);
      String query = q < 0 ? null : full.substring(q + 1);
      requests.add(new Request(request.getMethod(), path, query, request.getHeader("Accept")));
      if (!"GET".equals(request.getMethod())) {
        if ("POST".equals(request.getMethod())) {
          rememberUid(new String(request.getBody().getBytes(), StandardCharsets.UTF_8));
        }
        return crud.dispatch(request);
      }
      AtomicInteger paged = endlessPaging.get(path);
      if (paged != null) {
        int n = paged.incrementAndGet();
        String token = repeatingTokens.contains(path) ? "c2FtZQ==" : Base64.getEncoder().encodeToString(
            ("page:" + n).getBytes(StandardCharsets.UTF_8));
        return json(200, Map.of("kind", "List", "apiVersion", "v1", "metadata", Map.of("continue", token),
            "items", List.of()));
      }
      Failure failure = failures.get(path);
      if (failure != null && failure.remaining().getAndDecrement() > 0) {
        return status(failure.status(), "ServiceUnavailable", "the fake was told to fail " + path);
      }
      switch (path) {
        case "/version":
          return json(200, version);
        case "/api":
          return json(200, Map.of("kind", "APIVersions", "versions", List.of("v1"),
              "serverAddressByClientCIDRs", List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", "fake:6443"))));
        case "/api/v1":
          return json(200, resourceList("v1", ""));
        case "/apis":
          return json(200, groupList());
        default:
          break;
      }
      String[] seg = path.substring(1).split("/");
      if (seg[0].equals("apis") && seg.length == 2) {
        return groupOf(seg[1]).<MockResponse>map(g -> json(200, g)).orElseGet(() -> notFound(path));
      }
      if (seg[0].equals("apis") && seg.length == 3) {
        String gv = seg[1] + "/" + seg[2];
        return served.stream().anyMatch(k -> k.groupVersion().equals(gv))
            ? json(200, resourceList(gv, seg[1])) : notFound(path);
      }
      return resourceRequest(request, path, query, seg);
    }

    private MockResponse resourceRequest(RecordedRequest request, String path, String query, String[] seg) {
      String group;
      String version;
      int rest;
      if (seg[0].equals("api") && seg.length >= 3) {
        group = "";
        version = seg[1];
        rest = 2;
      } else if (seg[0].equals("apis") && seg.length >= 4) {
        group = seg[1];
        version = seg[2];
        rest = 3;
      } else {
        return notFound(path);
      }
      String namespace = null;
      List<String> tail = List.of(seg).subList(rest, seg.length);
      if (tail.size() >= 3 && tail.get(0).equals("namespaces")) {
        namespace = tail.get(1);
        tail = tail.subList(2, tail.size());
      }
      String resource = tail.get(0);
      Known known = served.stream().filter(k -> k.group().equals(group) && k.version().equals(version)
          && k.resource().equals(resource)).findFirst().orElse(null);
      if (known == null) {
        return notFound(path);
      }
      String qualified = group.isEmpty() ? resource : resource + "." + group;
      boolean list = tail.size() == 1;
      if (forbidden.contains(qualified)) {
        return status(403, "Forbidden", qualified + " is forbidden: User \"" + IDENTITY + "\" cannot "
            + (list ? "list" : "get") + " resource \"" + resource + "\" in API group \"" + group + "\" "
            + (namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\""));
      }
      String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept");
      boolean table = accept.contains("as=Table");
      if (known.kind().equals("Secret") && !table) {
        violations.add("GET " + path + (query == null ? "" : "?" + query) + " Accept: " + accept);
      }
      if (!list) {
        return crud.dispatch(request);
      }
      MockResponse stored = crud.handleGet(path);
      JsonNode body = read(stored);
      List<JsonNode> items = new ArrayList<>();
      for (JsonNode item : body.path("items")) {
        restoreUid((ObjectNode) item);
        items.add(item);
      }
      Map<String, String> params = params(query);
      int offset = 0;
      if (params.containsKey("continue")) {
        String token = new String(Base64.getDecoder().decode(params.get("continue")), StandardCharsets.UTF_8);
        offset = Integer.parseInt(token.substring(token.indexOf(':') + 1));
      }
      int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : Integer.MAX_VALUE;
      int end = (int) Math.min(items.size(), (long) offset + limit);
      String next = end < items.size()
          ? Base64.getEncoder().encodeToString(("offset:" + end).getBytes(StandardCharsets.UTF_8)) : null;
      List<JsonNode> page = items.subList(Math.min(offset, items.size()), end);
      ObjectNode metadata = JSON.createObjectNode().put("resourceVersion", "4242");
      if (next != null) {
        metadata.put("continue", next).put("remainingItemCount", items.size() - end);
      }
      if (table) {
        return json(200, table(known, page, metadata, !"None".equals(params.get("includeObject"))));
      }
      ObjectNode out = JSON.createObjectNode();
      out.put("kind", known.kind() + "List").put("apiVersion", known.groupVersion());
      out.set("metadata", metadata);
      ArrayNode array = out.putArray("items");
      boolean builtIn = KnownResources.isBuiltInGroup(group);
      for (JsonNode item : page) {
        ObjectNode copy = item.deepCopy();
        if (builtIn) {
          // the API server leaves kind and apiVersion off the items of built-in lists
          copy.remove("kind");
          copy.remove("apiVersion");
        }
        ((ObjectNode) copy.path("metadata")).putArray("managedFields").addObject()
            .put("manager", "kubectl-client-side-apply").put("operation", "Update");
        array.add(copy);
      }
      return json(200, out);
    }

    private ObjectNode table(Known known, List<JsonNode> page, ObjectNode metadata, boolean includeObject) {
      ObjectNode t = JSON.createObjectNode();
      t.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
      t.set("metadata", metadata);
      ArrayNode columns = t.putArray("columnDefinitions");
      columns.addObject().put("name", "Name").put("type", "string").put("format", "name").put("priority", 0);
      if (known.kind().equals("Secret")) {
        columns.addObject().put("name", "Type").put("type", "string").put("format", "").put("priority", 0);
        columns.addObject().put("name", "Data").put("type", "string").put("format", "").put("priority", 0);
      }
      columns.addObject().put("name", "Age").put("type", "string").put("format", "").put("priority", 0);
      ArrayNode rows = t.putArray("rows");
      for (JsonNode item : page) {
        ObjectNode row = rows.addObject();
        ArrayNode cells = row.putArray("cells");
        cells.add(item.path("metadata").path("name").asText());
        if (known.kind().equals("Secret")) {
          cells.add(item.path("type").asText("Opaque"));
          cells.add(item.path("data").size() + item.path("stringData").size());
        }
        cells.add("5d");
        if (includeObject) {
          ObjectNode object = row.putObject("object");
          object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
          ObjectNode meta = item.path("metadata").deepCopy();
          meta.putArray("managedFields").addObject().put("manager", "kubectl").put("operation", "Update");
          object.set("metadata", meta);
        }
      }
      return t;
    }

    private Map<String, Object> resourceList(String groupVersion, String group) {
      List<Map<String, Object>> resources = new ArrayList<>();
      for (Known k : served) {
        if (k.groupVersion().equals(groupVersion)) {
          resources.add(Map.of("name", k.resource(), "singularName", "", "namespaced", k.namespaced(),
              "kind", k.kind(), "verbs", List.of("create", "delete", "get", "list", "patch", "update", "watch")));
          if (k.kind().equals("Pod")) {
            resources.add(Map.of("name", "pods/log", "singularName", "", "namespaced", true, "kind", "Pod",
                "verbs", List.of("get")));
          }
        }
      }
      return Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion,
          "resources", resources);
    }

    private Map<String, Object> groupList() {
      List<Object> groups = new ArrayList<>();
      for (String g : groupNames()) {
        groupOf(g).ifPresent(groups::add);
      }
      return Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups);
    }

    private Set<String> groupNames() {
      Set<String> names = new LinkedHashSet<>();
      served.stream().map(Known::group).filter(g -> !g.isEmpty()).forEach(names::add);
      return names;
    }

    private java.util.Optional<Map<String, Object>> groupOf(String group) {
      List<Map<String, Object>> versions = new ArrayList<>();
      for (Known k : served) {
        if (k.group().equals(group)) {
          Map<String, Object> v = Map.of("groupVersion", k.groupVersion(), "version", k.version());
          if (!versions.contains(v)) {
            versions.add(v);
          }
        }
      }
      if (versions.isEmpty()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Map.of("kind", "APIGroup", "apiVersion", "v1", "name", group,
          "versions", versions, "preferredVersion", versions.get(0)));
    }
  }

  private void rememberUid(String body) {
    try {
      JsonNode o = JSON.readTree(body);
      String uid = o.path("metadata").path("uid").asText(null);
      if (uid != null) {
        uids.put(key(o), uid);
      }
    } catch (IOException e) {
      // not JSON: nothing to remember
    }
  }

  private void restoreUid(ObjectNode item) {
    String uid = uids.get(key(item));
    if (uid != null && item.get("metadata") instanceof ObjectNode meta) {
      meta.put("uid", uid);
    }
  }

  private static String key(JsonNode o) {
    return o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText() + "/"
        + o.path("metadata").path("name").asText();
  }

  private static Map<String, String> params(String query) {
    Map<String, String> map = new HashMap<>();
    if (query == null) {
      return map;
    }
    for (String part : query.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        map.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return map;
  }

  private static JsonNode read(MockResponse response) {
    try {
      return JSON.readTree(response.getBody().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(int code, Object body) {
    try {
      return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
          .setBody(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse status(int code, String reason, String message) {
    return json(code, Map.of("kind", "Status", "apiVersion", "v1", "metadata", Map.of(), "status", "Failure",
        "message", message, "reason", reason, "code", code));
  }

  private static MockResponse notFound(String path) {
    return status(404, "NotFound", "the server could not find the requested resource (get " + path + ")");
  }
}
