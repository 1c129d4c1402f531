package dev.kubepci.collect.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a live cluster into a {@link SnapshotSink}: the server version, discovery of the groups the requested kinds
 * live in, then one paginated LIST per kind across all namespaces, several kinds at a time, within the request rate.
 * Objects reach the sink in a fixed order (kinds sorted by name, objects in the API server's order) whatever the
 * timing, so that two collections of the same cluster produce the same snapshot. Secrets are listed as metadata only
 * (see {@link SecretMetadata}).
 *
 * <p>A kind that cannot be listed does not stop the collection: its {@link KindReport} says why (forbidden, failed,
 * not served) and the assessment turns the rules that need it into NOT_ASSESSED. Only a cluster that cannot be
 * reached or refuses the credentials stops it, with a {@link ClusterException}.
 */
public final class ClusterCollector {
  /** Listed whatever the rules: namespaces give scope, nodes give the managed provider. */
  public static final List<String> ALWAYS = List.of("Namespace", "Node");

  private static final String ACCEPT_JSON = "application/json";
  /**
   * List pages held at most, in bytes, by the listings waiting for their turn (the one whose turn it is goes on
   * regardless): enough for every kind of a large cluster to be listed ahead while the first ones are decoded.
   */
  static final long HELD_BYTES = 64L << 20;

  private final ApiServer api;
  private final CollectionOptions options;
  private final CollectionListener listener;

  public ClusterCollector(ApiServer api, CollectionOptions options, CollectionListener listener) {
    this.api = api;
    this.options = options;
    this.listener = listener;
  }

  /** The kinds a collection for rules reading {@code reads} asks for: those and {@link #ALWAYS}, sorted. */
  public static List<String> plan(Collection<String> reads) {
    TreeSet<String> all = new TreeSet<>(reads);
    all.addAll(ALWAYS);
    return List.copyOf(all);
  }

  /**
   * How the collector names the cluster in the snapshot.
   *
   * @param context null in a pod
   */
  public record Identity(String name, String context) {}

  /**
   * Collects the kinds of {@link #plan(Collection)} into {@code sink}: header, objects, trailer.
   *
   * @param collectedAt the collection time recorded for every object; truncated to seconds
   * @throws ClusterException when the API server cannot be reached or refuses the credentials
   */
  public void collect(Identity identity, Collection<String> reads, SnapshotHeader.Producer producer,
      Instant collectedAt, SnapshotSink sink) {
    List<String> plan = plan(reads);
    ThrottledApi throttled = new ThrottledApi(api, options, listener);
    ExecutorService executor = Executors.newFixedThreadPool(options.parallelism(), daemonThreads());
    EncodedObjects.Held held = new EncodedObjects.Held(HELD_BYTES);
    try {
      Map<String, Object> version = version(throttled);
      List<KindRequest> requests = plan.stream().map(KindRequest::parse).toList();
      Discovery discovery = Discovery.load(throttled, requests, executor);
      listener.planned(plan);
      sink.header(SnapshotHeader.of(producer, collectedAt.truncatedTo(ChronoUnit.SECONDS).toString(),
          new SnapshotHeader.Cluster(identity.name(), identity.context(), api.server(), version), plan));

      // reads that resolve to the same resource (NetworkPolicy, networking.k8s.io/NetworkPolicy) are listed once
      Map<String, Discovery.Resolution> resolutions = new LinkedHashMap<>();
      Map<String, Future<Listing>> listings = new LinkedHashMap<>();
      Map<String, String> listingOfRead = new HashMap<>();
      for (KindRequest r : requests) {
        Discovery.Resolution res = discovery.resolve(r);
        resolutions.put(r.read(), res);
        if (res.resources().isEmpty()) {
          continue;
        }
        String key = r.isWildcard() ? r.read() : res.resources().get(0).listPath();
        listingOfRead.put(r.read(), key);
        listings.computeIfAbsent(key,
            k -> executor.submit(() -> list(throttled, r.read(), k, res.resources(), held)));
      }

      List<KindReport> reports = new ArrayList<>();
      Set<String> emitted = new HashSet<>();
      int objects = 0;
      for (KindRequest r : requests) {
        Discovery.Resolution res = resolutions.get(r.read());
        KindReport report;
        if (res.resources().isEmpty()) {
          report = new KindReport(r.read(), null, null, null, null, res.outcome(), 0, res.status(), res.message());
        } else {
          String key = listingOfRead.get(r.read());
          held.head(key);
          Listing listing = await(listings.get(key));
          if (emitted.add(key)) {
            // parsed one by one and let go of: a listing is held encoded only until its turn comes
            listing.objects().drain(sink::object);
            objects += listing.objects().size();
          }
          ApiResource first = res.resources().get(0);
          boolean wildcard = r.isWildcard();
          report = new KindReport(r.read(), first.group(), first.version(), wildcard ? "*" : first.resource(),
              wildcard ? null : first.namespaced(), listing.outcome(), listing.objects().size(), listing.status(),
              listing.message());
        }
        reports.add(report);
        listener.finished(report);
      }
      sink.trailer(SnapshotTrailer.of(objects, reports));
    } finally {
      executor.shutdownNow();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "kubepci-collect-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted while collecting");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  private Map<String, Object> version(ThrottledApi throttled) {
    try {
      return throttled.get("/version", ACCEPT_JSON, (status, body) -> {
        if (status == 401) {
          throw new ClusterException("the API server at " + api.server() + " refused the credentials (401 "
              + "Unauthorized); log in again or check the kubeconfig");
        }
        if (status != 200) {
          ThrottledApi.statusMessage(body);
          return Map.<String, Object>of();
        }
        JsonNode node = ThrottledApi.MAPPER.readTree(body);
        Map<String, Object> map = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          map.put(e.getKey(), e.getValue().isTextual()
              ? e.getValue().asText() : ThrottledApi.MAPPER.convertValue(e.getValue(), Object.class));
        }
        return map;
      });
    } catch (ThrottledApi.Failure e) {
      throw new ClusterException("cannot reach the Kubernetes API server at " + api.server() + ": " + e.getMessage());
    }
  }

  /** The objects of one requested kind, and how its listing went. */
  private record Listing(EncodedObjects objects, KindReport.Outcome outcome, Integer status, String message) {}

  private Listing list(ThrottledApi throttled, String read, String key, List<ApiResource> resources,
      EncodedObjects.Held held) {
    EncodedObjects all = EncodedObjects.in(held);
    Listing worst = null;
    for (ApiResource r : resources) {
      Listing one = listResource(throttled, read, key, r, all.size(), held);
      all.addAll(one.objects());
      if (one.outcome() == KindReport.Outcome.ABSENT && resources.size() > 1) {
        continue; // one kind of a group vanished since discovery
      }
      if (worst == null || rank(one.outcome()) > rank(worst.outcome())) {
        worst = one;
      }
    }
    if (worst == null) {
      return new Listing(all, KindReport.Outcome.COLLECTED, null, null);
    }
    return new Listing(all, worst.outcome(), worst.status(), worst.message());
  }

  private static int rank(KindReport.Outcome o) {
    return switch (o) {
      case COLLECTED -> 0;
      case ABSENT -> 1;
      case NOT_IN_API -> 2;
      case FORBIDDEN -> 3;
      case FAILED -> 4;
    };
  }

  private Listing listResource(ThrottledApi throttled, String read, String key, ApiResource r, int before,
      EncodedObjects.Held held) {
    EncodedObjects items = EncodedObjects.in(held);
    Listing listing = listPages(throttled, read, key, r, before, items, held);
    if (listing.objects() != items) {
      items.clear(); // a listing that failed keeps none of its pages
    }
    return listing;
  }

  private Listing listPages(ThrottledApi throttled, String read, String key, ApiResource r, int before,
      EncodedObjects items, EncodedObjects.Held held) {
    String token = null;
    boolean restarted = false;
    // a server that hands back a token it already gave, or pages without end, would be followed forever
    Set<String> tokens = new HashSet<>();
    int pages = 0;
    String accept = r.isSecrets() ? SecretMetadata.ACCEPT : ACCEPT_JSON;
    while (true) {
      if (++pages > options.maxPages()) {
        return new Listing(EncodedObjects.empty(), KindReport.Outcome.FAILED, null, "the API server was still "
            + "paging after " + options.maxPages() + " pages of " + options.pageSize() + " (kubepci's limit per "
            + "resource); kubepci stopped listing " + r.listPath() + " (a larger --page-size needs fewer pages)");
      }
      String path = r.listPath() + "?limit=" + options.pageSize()
          + (r.isSecrets() ? "&" + SecretMetadata.INCLUDE_OBJECT : "")
          + (token == null ? "" : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      Page page;
      try {
        held.room(key);
        page = throttled.get(path, accept, (status, body) -> readPage(status, body, r));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Listing(EncodedObjects.empty(), KindReport.Outcome.FAILED, null, "interrupted");
      } catch (ThrottledApi.Failure e) {
        return new Listing(EncodedObjects.empty(), KindReport.Outcome.FAILED, e.status(),
            "GET " + path + ": " + e.getMessage());
      }
      switch (page.status()) {
        case 200 -> {
          page.add(items, r);
          listener.listing(read, before + items.size());
          if (page.next() == null || page.next().isEmpty()) {
            return new Listing(items, KindReport.Outcome.COLLECTED, null, null);
          }
          if (!tokens.add(page.next())) {
            return new Listing(EncodedObjects.empty(), KindReport.Outcome.FAILED, null, "the API server answered "
                + "page " + pages + " of " + r.listPath() + " with a continue token it had already given; kubepci "
                + "stopped listing rather than follow it forever");
          }
          token = page.next();
        }
        case 403 -> {
          return new Listing(EncodedObjects.empty(), KindReport.Outcome.FORBIDDEN, 403, page.message());
        }
        case 404 -> {
          return new Listing(EncodedObjects.empty(), KindReport.Outcome.ABSENT, null, null);
        }
        case 410 -> {
          // the continue token expired (the list took longer than the server keeps its snapshot): start over once
          if (token != null && !restarted) {
            restarted = true;
            items.clear();
            token = null;
            tokens.clear();
          } else {
            return new Listing(EncodedObjects.empty(), KindReport.Outcome.FAILED, 410,
                ThrottledApi.statusLine(410, page.message()));
          }
        }
        default -> {
          return new Listing(EncodedObjects.empty(), KindReport.Outcome.FAILED,
              page.status() > 0 ? page.status() : null,
              page.status() > 0 ? ThrottledApi.statusLine(page.status(), page.message()) : page.message());
        }
      }
    }
  }

  /**
   * One page of a list answer: the answer's bytes and the number of objects in them, or the Secrets made from its
   * Table rows.
   *
   * @param status the HTTP status, or -1 when a 200 answer was not usable (message says why)
   * @param next the continue token, null or empty on the last page
   */
  private record Page(int status, byte[] json, int objects, List<ObjectNode> secrets, String next, String message) {
    static Page failed(int status, String message) {
      return new Page(status, null, 0, List.of(), null, message);
    }

    void add(EncodedObjects into, ApiResource r) {
      if (json != null) {
        into.addPage(json, objects, r);
      }
      secrets.forEach(into::add);
    }
  }

  private static Page readPage(int status, InputStream body, ApiResource r) throws IOException {
    if (status != 200) {
      return Page.failed(status, ThrottledApi.statusMessage(body));
    }
    // read through once here (the continue token, the objects counted, the JSON checked) and held as it came: the
    // objects are parsed into trees only when their turn comes. A Secret list is read as it streams in, never held:
    // only the metadata of its Table rows is kept
    byte[] json = r.isSecrets() ? null : body.readAllBytes();
    int objects = 0;
    List<JsonNode> rows = new ArrayList<>();
    JsonNode columns = null;
    String listKind = null;
    String next = null;
    try (JsonParser p = json == null ? ThrottledApi.MAPPER.getFactory().createParser(body)
        : ThrottledApi.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the list answer is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "kind" -> listKind = p.getValueAsString();
          case "metadata" -> next = ThrottledApi.MAPPER.<JsonNode>readTree(p).path("continue").asText(null);
          case "columnDefinitions" -> columns = ThrottledApi.MAPPER.<JsonNode>readTree(p);
          case "items", "rows" -> {
            if (value != JsonToken.START_ARRAY) {
              p.skipChildren();
              break;
            }
            if (r.isSecrets() && "items".equals(field)) {
              // an answer with items is a full SecretList: data kubepci never keeps
              return Page.failed(-1, "the API server did not answer the Secret list with a metadata-only Table; "
                  + "kubepci discarded the answer");
            }
            if ("items".equals(field)) {
              objects += EncodedObjects.items(p);
              break;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              rows.add(ThrottledApi.MAPPER.<JsonNode>readTree(p));
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    if (r.isSecrets()) {
      if (!"Table".equals(listKind)) {
        return Page.failed(-1, "the API server did not answer the Secret list with a metadata-only Table (kind "
            + listKind + "); kubepci discarded the answer");
      }
      int type = columns == null ? -1 : SecretMetadata.typeColumn(columns);
      List<ObjectNode> secrets = new ArrayList<>();
      for (JsonNode row : rows) {
        ObjectNode secret = SecretMetadata.fromRow(row, type);
        if (secret != null) {
          secrets.add(secret);
        }
      }
      // the answer itself is not kept: only the metadata taken from its rows
      return new Page(200, null, 0, secrets, next, null);
    }
    return new Page(200, objects == 0 ? null : json, objects, List.of(), next, null);
  }
}
