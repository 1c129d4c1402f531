package dev.kubepci.bench;

import dev.kubepci.server.FleetServer;
import dev.kubepci.server.ServerSettings;
import dev.kubepci.server.security.NewToken;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.TokenStore;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.ClusterSummary;
import dev.kubepci.store.StoreLocation;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubepci-bench pages}: how fast {@code kubepci serve} answers its heaviest pages over a filled store: the
 * fleet page, a cluster's trend page and a filtered findings page, each requested in turn for every cluster, one
 * request at a time over loopback. A benchmark, not a test: it reports figures and decides nothing.
 */
@Command(name = "pages", mixinStandardHelpOptions = true,
    description = "Serve the store at --store URL (filled first with: kubepci-bench store --store URL) and report "
        + "the p50, p95 and max latency of the fleet page, a cluster's trend page and a filtered findings page.")
final class PagesCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--store", required = true, paramLabel = "URL", description = "A filled store (jdbc:postgresql:...).")
  String store;

  @Option(names = "--requests", defaultValue = "100", description = "Timed requests per page. Default: ${DEFAULT-VALUE}.")
  int requests;

  @Option(names = "--warmup", defaultValue = "20", description = "Untimed requests per page first. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (AssessmentStore s = AssessmentStore.open(StoreLocation.parse(store, Map.of()),
        List.of(FleetServer.MIGRATIONS))) {
      List<ClusterSummary> clusters = s.clusters();
      if (clusters.isEmpty()) {
        throw new IllegalStateException("the store has no assessments: fill it with kubepci-bench store --store URL");
      }
      TokenStore tokens = new TokenStore(s.dataSource(), java.time.Clock.systemUTC());
      NewToken viewer = tokens.create(Role.VIEWER, null, "kubepci-bench pages");
      try (FleetServer server = FleetServer.start(ServerSettings.defaults("127.0.0.1", 0), s)) {
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newHttpClient();
        int assessments = clusters.stream().mapToInt(ClusterSummary::assessments).sum();
        out.printf(Locale.ROOT, "store: %d clusters, %d assessments%n", clusters.size(), assessments);
        measure(out, http, viewer.secret(), "fleet page          /fleet", i -> base + "/fleet");
        measure(out, http, viewer.secret(), "trend page          /clusters/NAME", i -> base + "/clusters/"
            + clusters.get(i % clusters.size()).name());
        measure(out, http, viewer.secret(), "findings page       /assessments/ID/findings?status=FAIL&severity=HIGH"
            + "&q=container", i -> base + "/assessments/" + clusters.get(i % clusters.size()).latest().id()
            + "/findings?status=FAIL&severity=HIGH&q=container");
        measure(out, http, viewer.secret(), "fleet API           /api/v1/fleet", i -> base + "/api/v1/fleet");
      } finally {
        tokens.revoke(viewer.info().id());
      }
    }
    return 0;
  }

  private void measure(PrintWriter out, HttpClient http, String token, String name, IntFunction<String> url)
      throws Exception {
    long[] nanos = new long[requests];
    long bytes = 0;
    for (int i = -warmup; i < requests; i++) {
      HttpRequest r = HttpRequest.newBuilder(URI.create(url.apply(i + warmup)))
          .header("Authorization", "Bearer " + token).GET().build();
      long t0 = System.nanoTime();
      HttpResponse<byte[]> response = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
      long took = System.nanoTime() - t0;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(r.uri() + " answered " + response.statusCode() + ": "
            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      if (i >= 0) {
        nanos[i] = took;
        bytes += response.body().length;
      }
    }
    Arrays.sort(nanos);
    out.printf(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests, %.0f KB each)%n", name,
        nanos[requests / 2] / 1e6, nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6, nanos[requests - 1] / 1e6,
        requests, bytes / 1024.0 / requests);
    out.flush();
  }

}
