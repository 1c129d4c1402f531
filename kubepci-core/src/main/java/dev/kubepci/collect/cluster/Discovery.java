package dev.kubepci.collect.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubepci.collect.snapshot.KindReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * What the cluster serves, from the discovery endpoints ({@code /api/v1}, {@code /apis}, {@code /apis/GROUP/VERSION})
 * and only for the groups the requested kinds can live in. Resolves each requested kind to the resources to list,
 * or says why there is nothing to list: not installed, a configuration file, or discovery failed.
 */
final class Discovery {
  private static final String ACCEPT = "application/json";

  /** Group name to its versions, the preferred one first, in the server's order. */
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final Map<String, List<ApiResource>> resources = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();

  private Discovery() {}

  /** What a requested kind resolves to. */
  record Resolution(List<ApiResource> resources, KindReport.Outcome outcome, Integer status, String message) {
    static Resolution served(List<ApiResource> resources) {
      return new Resolution(List.copyOf(resources), KindReport.Outcome.COLLECTED, null, null);
    }

    static Resolution none(KindReport.Outcome outcome, Integer status, String message) {
      return new Resolution(List.of(), outcome, status, message);
    }
  }

  /**
   * Reads the core resources, the group list, and the resources of every version of the groups {@code requests}
   * need.
   *
   * @throws ClusterException when the core discovery itself fails: nothing could be listed
   */
  static Discovery load(ThrottledApi api, List<KindRequest> requests, ExecutorService executor) {
    Discovery d = new Discovery();
    d.resources.put("v1", d.fetchRequired(api, "/api/v1", ""));
    JsonNode groupList = fetchTree(api, "/apis");
    for (JsonNode g : groupList.path("groups")) {
      String name = g.path("name").asText();
      List<String> versions = new ArrayList<>();
      String preferred = g.path("preferredVersion").path("version").asText(null);
      if (preferred != null) {
        versions.add(preferred);
      }
      for (JsonNode v : g.path("versions")) {
        String version = v.path("version").asText();
        if (!versions.contains(version)) {
          versions.add(version);
        }
      }
      d.groups.put(name, List.copyOf(versions));
    }
    Set<String> needed = new LinkedHashSet<>();
    for (KindRequest r : requests) {
      needed.addAll(d.candidateGroups(r));
    }
    List<Future<?>> pending = new ArrayList<>();
    for (String group : needed) {
      if (group.isEmpty()) {
        continue;
      }
      for (String version : d.groups.getOrDefault(group, List.of())) {
        String gv = group + "/" + version;
        pending.add(executor.submit(() -> d.fetchOptional(api, gv, group)));
      }
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted during API discovery");
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      }
    }
    return d;
  }

  private List<ApiResource> fetchRequired(ThrottledApi api, String path, String group) {
    return parseResources(fetchTree(api, path), group);
  }

  private static JsonNode fetchTree(ThrottledApi api, String path) {
    try {
      return api.get(path, ACCEPT, (status, body) -> {
        if (status == 401) {
          throw new ClusterException("the API server at " + api.server() + " refused the credentials (401 "
              + "Unauthorized); log in again or check the kubeconfig");
        }
        if (status != 200) {
          throw new ClusterException("API discovery failed at " + api.server() + path + ": "
              + ThrottledApi.statusLine(status, ThrottledApi.statusMessage(body)));
        }
        return ThrottledApi.MAPPER.readTree(body);
      });
    } catch (ThrottledApi.Failure e) {
      throw new ClusterException("cannot reach the Kubernetes API server at " + api.server() + ": " + e.getMessage());
    }
  }

  private void fetchOptional(ThrottledApi api, String groupVersion, String group) {
    String path = "/apis/" + groupVersion;
    try {
      List<ApiResource> list = api.get(path, ACCEPT, (status, body) -> {
        if (status != 200) {
          failures.put(groupVersion, "discovery of " + groupVersion + " answered "
              + ThrottledApi.statusLine(status, ThrottledApi.statusMessage(body)));
          return null;
        }
        return parseResources(ThrottledApi.MAPPER.readTree(body), group);
      });
      if (list != null) {
        resources.put(groupVersion, list);
      }
    } catch (ThrottledApi.Failure e) {
      failures.put(groupVersion, "discovery of " + groupVersion + " failed: " + e.getMessage());
    }
  }

  private static List<ApiResource> parseResources(JsonNode list, String group) {
    String groupVersion = list.path("groupVersion").asText();
    String version = groupVersion.contains("/") ? groupVersion.substring(groupVersion.indexOf('/') + 1) : groupVersion;
    List<ApiResource> out = new ArrayList<>();
    for (JsonNode r : list.path("resources")) {
      String name = r.path("name").asText();
      if (name.isEmpty() || name.contains("/")) {
        continue; // subresources such as pods/log
      }
      List<String> verbs = new ArrayList<>();
      r.path("verbs").forEach(v -> verbs.add(v.asText()));
      out.add(new ApiResource(group, version, name, r.path("kind").asText(), r.path("namespaced").asBoolean(),
          List.copyOf(verbs)));
    }
    return List.copyOf(out);
  }

  /** The groups a request may be served from, most likely first. */
  private List<String> candidateGroups(KindRequest r) {
    if (KnownResources.isConfigFile(r)) {
      return List.of();
    }
    if (r.group() != null) {
      return List.of(r.group());
    }
    var known = KnownResources.forRead(r.read());
    if (known.isPresent()) {
      return List.of(known.get().group());
    }
    List<String> builtIn = new ArrayList<>();
    builtIn.add("");
    groups.keySet().stream().filter(KnownResources::isBuiltInGroup).forEach(builtIn::add);
    return builtIn;
  }

  Resolution resolve(KindRequest r) {
    if (KnownResources.isConfigFile(r)) {
      return Resolution.none(KindReport.Outcome.NOT_IN_API, null, null);
    }
    List<String> failed = new ArrayList<>();
    for (String group : candidateGroups(r)) {
      List<String> versions = group.isEmpty() ? List.of("v1") : groups.getOrDefault(group, List.of());
      for (String version : versions) {
        String gv = group.isEmpty() ? version : group + "/" + version;
        if (failures.containsKey(gv)) {
          failed.add(failures.get(gv));
          continue;
        }
        List<ApiResource> served = resources.getOrDefault(gv, List.of());
        if (r.isWildcard()) {
          List<ApiResource> listable = served.stream().filter(a -> a.verbs().contains("list")).toList();
          if (!listable.isEmpty()) {
            return Resolution.served(listable);
          }
          continue;
        }
        for (ApiResource a : served) {
          if (a.kind().equals(r.kind())) {
            if (!a.verbs().contains("list")) {
              return Resolution.none(KindReport.Outcome.FAILED, null,
                  a.resource() + " in " + gv + " cannot be listed (verbs: " + String.join(", ", a.verbs()) + ")");
            }
            return Resolution.served(List.of(a));
          }
        }
      }
    }
    if (!failed.isEmpty()) {
      return Resolution.none(KindReport.Outcome.FAILED, null, String.join("; ", failed));
    }
    return Resolution.none(KindReport.Outcome.ABSENT, null, null);
  }
}
