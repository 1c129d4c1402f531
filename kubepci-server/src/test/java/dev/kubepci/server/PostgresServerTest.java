package dev.kubepci.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.store.StoreLocation;
import dev.kubepci.store.testing.PostgresExtension;
import dev.kubepci.store.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server on PostgreSQL (a real server started by the store's test extension), as two replicas sharing one
 * database: what one replica issues (a session, a CSRF token, a token) the other accepts, and what one stores the
 * other shows.
 */
@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

  @Test
  void twoReplicasShareOneDatabaseWithNoStateInEitherProcess(PostgresServer pg) {
    StoreLocation db = StoreLocation.parse(pg.newDatabase(), Map.of());
    try (TestServer a = TestServer.start(db, 1024 * 1024); TestServer b = TestServer.startReplica(db, a)) {
      HttpResponse<String> pushed = a.push("prod", TestReports.report(Instant.parse("2026-02-28T06:00:00Z"),
          TestReports.findings()));
      assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
      HttpResponse<String> again = b.push("prod", a.ingestProd, TestReports.report(
          Instant.parse("2026-02-28T06:00:00Z"), TestReports.findings()), "application/json", null);
      assertThat(again.statusCode()).as("idempotent across replicas").isEqualTo(200);
      HttpResponse<String> bad = b.push("prod", a.ingestProd, "{}".getBytes(), "application/json", null);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(a.assessments()).isEqualTo(1);

      assertThat(b.get("/api/v1/fleet", a.viewer).body()).contains("\"cluster\":\"prod\"");
      assertThat(b.get("/api/v1/assessments/1/findings?severity=CRITICAL", a.viewer).body())
          .contains("\"severity\":\"CRITICAL\"");
      assertThat(b.get("/metrics", a.viewer).body()).contains("kubepci_failing_findings{cluster=\"prod\"");

      // sign in on replica a, then use the session and its CSRF token on replica b
      HttpResponse<String> loginPage = a.get("/login", null);
      String pre = cookie(loginPage, "kpci_pre");
      String csrf = csrf(loginPage.body());
      HttpResponse<String> login = a.send(HttpRequest.newBuilder(URI.create(a.base() + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "kpci_pre=" + pre)
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&token=" + a.admin)).build());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
      String session = cookie(login, "kpci_session");
      HttpResponse<String> tokensPage = b.send(HttpRequest.newBuilder(URI.create(b.base() + "/admin/tokens"))
          .header("Cookie", "kpci_session=" + session).GET().build());
      assertThat(tokensPage.statusCode()).isEqualTo(200);
      String sessionCsrf = csrf(tokensPage.body());
      HttpResponse<String> created = b.send(HttpRequest.newBuilder(URI.create(b.base() + "/admin/tokens"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "kpci_session=" + session)
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + sessionCsrf + "&role=ingest&cluster=staging"))
          .build());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      assertThat(created.body()).contains("kpci_");
      HttpResponse<String> forged = b.send(HttpRequest.newBuilder(URI.create(b.base() + "/admin/tokens"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "kpci_session=" + session)
          .POST(HttpRequest.BodyPublishers.ofString("role=admin")).build());
      assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
      assertThat(a.get("/api/v1/audit", a.admin).body()).contains("token.create").contains("session.sign-in");
    }
  }

  static String cookie(HttpResponse<String> r, String name) {
    for (String h : r.headers().allValues("Set-Cookie")) {
      if (h.startsWith(name + "=")) {
        return h.substring(name.length() + 1, h.indexOf(';'));
      }
    }
    throw new AssertionError("no cookie " + name + " in " + r.headers().allValues("Set-Cookie"));
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF field").isTrue();
    return m.group(1);
  }
}
