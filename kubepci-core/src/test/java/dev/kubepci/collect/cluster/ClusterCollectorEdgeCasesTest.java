package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers a real API server gives rarely: an expired continue token, a Secret list without a table, wildcards. */
class ClusterCollectorEdgeCasesTest {
  private static final String CORE = "{\"groupVersion\":\"v1\",\"resources\":["
      + "{\"name\":\"pods\",\"kind\":\"Pod\",\"namespaced\":true,\"verbs\":[\"list\"]},"
      + "{\"name\":\"secrets\",\"kind\":\"Secret\",\"namespaced\":true,\"verbs\":[\"list\"]},"
      + "{\"name\":\"namespaces\",\"kind\":\"Namespace\",\"namespaced\":false,\"verbs\":[\"list\"]},"
      + "{\"name\":\"nodes\",\"kind\":\"Node\",\"namespaced\":false,\"verbs\":[\"list\"]}]}";
  private static final String GROUPS = "{\"groups\":[{\"name\":\"constraints.gatekeeper.sh\","
      + "\"versions\":[{\"groupVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"version\":\"v1beta1\"}],"
      + "\"preferredVersion\":{\"groupVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"version\":\"v1beta1\"}}]}";
  private static final String CONSTRAINTS = "{\"groupVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"resources\":["
      + "{\"name\":\"k8srequiredlabels\",\"kind\":\"K8sRequiredLabels\",\"namespaced\":false,\"verbs\":[\"list\"]},"
      + "{\"name\":\"k8sallowedrepos\",\"kind\":\"K8sAllowedRepos\",\"namespaced\":false,\"verbs\":[\"list\"]}]}";

  /** Serves answers queued per path and query; discovery and empty lists otherwise. */
  private static final class Scripted implements ApiServer {
    final Map<String, Deque<String[]>> answers = new HashMap<>();
    final List<String> requests = new ArrayList<>();

    Scripted answer(String pathAndQuery, int status, String body) {
      answers.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).add(new String[] {String.valueOf(status), body});
      return this;
    }

    @Override
    public String server() {
      return "https://10.0.0.1:6443";
    }

    @Override
    public synchronized Response get(String pathAndQuery, String accept) {
      requests.add(pathAndQuery);
      Deque<String[]> queued = answers.get(pathAndQuery);
      if (queued != null && !queued.isEmpty()) {
        String[] a = queued.poll();
        return response(Integer.parseInt(a[0]), a[1]);
      }
      return switch (pathAndQuery.replaceAll("\\?.*", "")) {
        case "/version" -> response(200, "{\"gitVersion\":\"v1.31.0\"}");
        case "/api/v1" -> response(200, CORE);
        case "/apis" -> response(200, GROUPS);
        case "/apis/constraints.gatekeeper.sh/v1beta1" -> response(200, CONSTRAINTS);
        default -> response(200, "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}");
      };
    }

    private static Response response(int status, String body) {
      return new Response(status, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {}
  }

  private static final class Recording implements SnapshotSink {
    final List<ObjectNode> objects = new ArrayList<>();
    SnapshotTrailer trailer;

    @Override
    public void header(SnapshotHeader h) {}

    @Override
    public void object(ObjectNode o) {
      objects.add(o);
    }

    @Override
    public void trailer(SnapshotTrailer t) {
      trailer = t;
    }

    KindReport report(String read) {
      return trailer.kinds().stream().filter(k -> k.read().equals(read)).findFirst().orElseThrow();
    }

    List<String> names() {
      return objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
          .toList();
    }
  }

  private static Recording collect(Scripted api, String... reads) {
    Recording sink = new Recording();
    new ClusterCollector(api, new CollectionOptions(2, 2, 0, Duration.ofSeconds(5), 0, Duration.ofMillis(1)),
        CollectionListener.NONE).collect(new ClusterCollector.Identity("c", "ctx"), List.of(reads),
        new SnapshotHeader.Producer("kubepci", "t"), Instant.parse("2026-03-01T12:00:00Z"), sink);
    return sink;
  }

  private static String pods(String next, String... names) {
    StringBuilder items = new StringBuilder();
    for (String n : names) {
      items.append(items.length() == 0 ? "" : ",").append("{\"metadata\":{\"name\":\"").append(n)
          .append("\",\"namespace\":\"a\"}}");
    }
    return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{" + (next == null ? "" : "\"continue\":\"" + next
        + "\"") + "},\"items\":[" + items + "]}";
  }

  @Test
  void startsTheListOverOnceWhenTheContinueTokenExpires() {
    Scripted api = new Scripted()
        .answer("/api/v1/pods?limit=2", 200, pods("t1", "a", "b"))
        .answer("/api/v1/pods?limit=2&continue=t1", 410, "{\"kind\":\"Status\",\"message\":\"The provided "
            + "continue parameter is too old\"}")
        .answer("/api/v1/pods?limit=2", 200, pods("t2", "a", "b"))
        .answer("/api/v1/pods?limit=2&continue=t2", 200, pods(null, "c"));

    Recording sink = collect(api, "Pod");

    assertThat(sink.names()).containsExactly("Pod/a", "Pod/b", "Pod/c");
    assertThat(sink.report("Pod").outcome()).isEqualTo(KindReport.Outcome.COLLECTED);
    assertThat(sink.report("Pod").count()).isEqualTo(3);
  }

  @Test
  void givesUpWhenTheTokenExpiresTwice() {
    Scripted api = new Scripted()
        .answer("/api/v1/pods?limit=2", 200, pods("t1", "a", "b"))
        .answer("/api/v1/pods?limit=2&continue=t1", 410, "{\"message\":\"too old\"}")
        .answer("/api/v1/pods?limit=2", 200, pods("t2", "a", "b"))
        .answer("/api/v1/pods?limit=2&continue=t2", 410, "{\"message\":\"too old\"}");

    Recording sink = collect(api, "Pod");

    assertThat(sink.report("Pod").outcome()).isEqualTo(KindReport.Outcome.FAILED);
    assertThat(sink.report("Pod").message()).isEqualTo("410 Gone: too old");
    assertThat(sink.names()).noneMatch(n -> n.startsWith("Pod/"));
  }

  @Test
  void discardsASecretListThatIsNotAMetadataTable() {
    Scripted api = new Scripted().answer("/api/v1/secrets?limit=2&includeObject=Metadata", 200,
        "{\"kind\":\"SecretList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\"s\","
            + "\"namespace\":\"a\"},\"data\":{\"password\":\"aHVudGVyMg==\"}}]}");

    Recording sink = collect(api, "Secret");

    assertThat(sink.report("Secret").outcome()).isEqualTo(KindReport.Outcome.FAILED);
    assertThat(sink.report("Secret").message()).contains("did not answer the Secret list with a metadata-only Table");
    assertThat(sink.objects.toString()).doesNotContain("aHVudGVyMg==");
  }

  @Test
  void aGroupWildcardListsEveryKindOfTheGroup() {
    Scripted api = new Scripted()
        .answer("/apis/constraints.gatekeeper.sh/v1beta1/k8srequiredlabels?limit=2", 200,
            "{\"kind\":\"K8sRequiredLabelsList\",\"apiVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"metadata\":{},"
                + "\"items\":[{\"apiVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"kind\":\"K8sRequiredLabels\","
                + "\"metadata\":{\"name\":\"owner\"}}]}")
        .answer("/apis/constraints.gatekeeper.sh/v1beta1/k8sallowedrepos?limit=2", 200,
            "{\"kind\":\"K8sAllowedReposList\",\"apiVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"metadata\":{},"
                + "\"items\":[{\"apiVersion\":\"constraints.gatekeeper.sh/v1beta1\",\"kind\":\"K8sAllowedRepos\","
                + "\"metadata\":{\"name\":\"trusted\"}}]}");

    Recording sink = collect(api, "constraints.gatekeeper.sh/*");

    assertThat(sink.names()).contains("K8sRequiredLabels/owner", "K8sAllowedRepos/trusted");
    KindReport all = sink.report("constraints.gatekeeper.sh/*");
    assertThat(all.outcome()).isEqualTo(KindReport.Outcome.COLLECTED);
    assertThat(all.count()).isEqualTo(2);
    assertThat(all.resource()).isEqualTo("*");
  }

  @Test
  void aGroupThatIsNotServedIsAbsentWithoutFurtherRequests() {
    Scripted api = new Scripted();

    Recording sink = collect(api, "kyverno.io/ClusterPolicy");

    assertThat(sink.report("kyverno.io/ClusterPolicy").outcome()).isEqualTo(KindReport.Outcome.ABSENT);
    assertThat(api.requests).noneMatch(r -> r.contains("kyverno"));
  }
}
