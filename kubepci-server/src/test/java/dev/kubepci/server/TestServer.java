package dev.kubepci.server;

import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.TokenStore;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.StoreLocation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A server on a free port over a fresh store, with one token of each role; for tests. */
final class TestServer implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  final AssessmentStore store;
  final FleetServer server;
  final String admin;
  final String viewer;
  final String ingestProd;
  final String ingestDev;
  final TokenStore tokens;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private TestServer(AssessmentStore store, ServerSettings settings, TestServer first) {
    this.store = store;
    this.tokens = new TokenStore(store.dataSource(), settings.clock());
    this.admin = first != null ? first.admin : tokens.create(Role.ADMIN, null, "test admin").secret();
    this.viewer = first != null ? first.viewer : tokens.create(Role.VIEWER, null, "test viewer").secret();
    this.ingestProd = first != null ? first.ingestProd : tokens.create(Role.INGEST, "prod", null).secret();
    this.ingestDev = first != null ? first.ingestDev : tokens.create(Role.INGEST, "dev", null).secret();
    this.server = FleetServer.start(settings, store);
  }

  /** On an in-memory H2 store, with the clock at {@link #NOW} and reports limited to {@code maxReportBytes}. */
  static TestServer start(long maxReportBytes) {
    return start(StoreLocation.parse("jdbc:h2:mem:server-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        java.util.Map.of()), maxReportBytes);
  }

  static TestServer start(StoreLocation location, long maxReportBytes) {
    return new TestServer(AssessmentStore.open(location, List.of(FleetServer.MIGRATIONS)), settings(maxReportBytes),
        null);
  }

  /** A second replica on the same database, with the first one's tokens. */
  static TestServer startReplica(StoreLocation location, TestServer first) {
    return new TestServer(AssessmentStore.open(location, List.of(FleetServer.MIGRATIONS)), settings(1024 * 1024),
        first);
  }

  private static ServerSettings settings(long maxReportBytes) {
    return ServerSettings.defaults("127.0.0.1", 0).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
        .withMaxReportBytes(maxReportBytes);
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  HttpResponse<String> push(String cluster, String token, byte[] body, String contentType, String encoding) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/v1/clusters/" + cluster
        + "/assessments")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (encoding != null) {
      b.header("Content-Encoding", encoding);
    }
    return send(b.build());
  }

  HttpResponse<String> push(String cluster, byte[] json) {
    return push(cluster, cluster.equals("prod") ? ingestProd : ingestDev, json, "application/json", null);
  }

  HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int assessments() {
    return store.assessments(null, 100_000).size();
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
