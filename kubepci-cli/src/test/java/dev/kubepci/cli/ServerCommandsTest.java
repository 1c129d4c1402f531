package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.server.FleetServer;
import dev.kubepci.server.ServerSettings;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.TokenStore;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.StoreLocation;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubepci serve, kubepci server token, and kubepci scan --push, end to end on an embedded store. */
class ServerCommandsTest {

  private static String db(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("server").toAbsolutePath();
  }

  @Test
  void createsListsAndRevokesTokens(@TempDir Path dir) {
    Cli.Run created = Cli.run("server", "token", "create", "--cluster", "prod", "--database", db(dir));
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out().strip()).matches("kpci_[A-Za-z0-9_-]{43}");
    Matcher id = Pattern.compile("token (tok-[0-9a-f]{12}) for cluster prod").matcher(created.err());
    assertThat(id.find()).as(created.err()).isTrue();

    Cli.Run list = Cli.run("server", "token", "list", "--database", db(dir));
    assertThat(list.out()).contains(id.group(1)).contains("ingest").contains("prod")
        .doesNotContain(created.out().strip());

    assertThat(Cli.run("server", "token", "revoke", id.group(1), "--database", db(dir)).code()).isZero();
    Cli.Run again = Cli.run("server", "token", "revoke", id.group(1), "--database", db(dir));
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("no valid token");
    Cli.Run noCluster = Cli.run("server", "token", "create", "--database", db(dir));
    assertThat(noCluster.code()).isEqualTo(2);
    assertThat(noCluster.err()).contains("--cluster");
  }

  /** A standard output whose every write fails, as {@code > /dev/full}. */
  private static PrintWriter fullStandardOutput() {
    return new PrintWriter(new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }
    }, true);
  }

  @Test
  void aTokenWhoseSecretCouldNotBeWrittenIsRevoked(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"server", "token", "create", "--role", "viewer", "--database", db(dir)},
        fullStandardOutput(), new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Cli.ENV);
    assertThat(code).as(err.toString()).isEqualTo(2);
    Matcher id = Pattern.compile("token (tok-[0-9a-f]{12}) was revoked: its secret could not be written")
        .matcher(err.toString());
    assertThat(id.find()).as(err.toString()).isTrue();
    Cli.Run list = Cli.run("server", "token", "list", "--database", db(dir));
    assertThat(list.out().lines().filter(l -> l.startsWith(id.group(1))))
        .singleElement().satisfies(l -> assertThat(l.split("\\s+")[4]).as(l).isNotEqualTo("-"));
  }

  @Test
  void serveWhoseAdminTokenCouldNotBeWrittenRevokesItAndDoesNotServe(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    ServeCommand.stop = stop;
    int[] code = {-1};
    Thread serve = serve(fullStandardOutput(), err, dir, code);
    try {
      serve.join(60_000);
      assertThat(serve.isAlive()).as("still serving: " + err).isFalse();
    } finally {
      stop.countDown();
      serve.join(30_000);
      ServeCommand.stop = new CountDownLatch(1);
    }
    assertThat(code[0]).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("was revoked: it could not be written to standard output")
        .contains("not serving");
    try (AssessmentStore store = AssessmentStore.open(StoreLocation.parse(null,
        Map.of("XDG_DATA_HOME", dir.toString())), List.of(FleetServer.MIGRATIONS))) {
      TokenStore tokens = new TokenStore(store.dataSource(), Clock.systemUTC());
      assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.revoked()).isTrue());
      assertThat(tokens.noAdmin()).isTrue();
    }
  }

  @Test
  void aPushUrlIsPrintedInItsRawFormNeverDecodedIntoAnEscape(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("prod.token"), "kpci_test\n");
    // a server on this machine that stores whatever is pushed to any path
    com.sun.net.httpserver.HttpServer any = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    any.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{\"id\":7,\"created\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    any.start();
    try {
      String path = "/x%1b%5b31m%1b%5d0;pwned%07/api/v1/clusters/prod/assessments";
      String url = "http://127.0.0.1:" + any.getAddress().getPort() + path;
      for (List<String> format : List.<List<String>>of(List.of(), List.of("--format", "json", "--output",
          dir.resolve("r.json").toString()))) {
        List<String> args = new java.util.ArrayList<>(List.of("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet",
            "--push", url, "--token-file", token.toString()));
        args.addAll(format);
        Cli.Run pushed = Cli.run(args.toArray(String[]::new));
        assertThat(pushed.code()).as(pushed.err()).isZero();
        assertThat(pushed.out() + pushed.err()).as(format.toString()).contains("kubepci: pushed to " + url
            + ": assessment 7 stored").doesNotContain("\u001b").doesNotContain("\u0007");
      }
      // and the warning before a push across a network
      String remote = "http://kubepci.example.invalid" + path;
      Cli.Run overHttp = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet", "--push", remote,
          "--token-file", token.toString());
      assertThat(overHttp.err()).startsWith("kubepci: --push: " + remote + " is plain http")
          .doesNotContain("\u001b").doesNotContain("\u0007");
    } finally {
      any.stop(0);
    }
  }

  @Test
  void scanPushesItsJsonReportOnceAndReportsARefusal(@TempDir Path dir) throws Exception {
    try (AssessmentStore store = AssessmentStore.open(StoreLocation.parse(db(dir), Map.of()),
        List.of(FleetServer.MIGRATIONS));
        FleetServer server = FleetServer.start(ServerSettings.defaults("127.0.0.1", 0), store)) {
      Path token = dir.resolve("prod.token");
      Files.writeString(token, new TokenStore(store.dataSource(), Clock.systemUTC())
          .create(Role.INGEST, "prod", null).secret() + "\n");
      String url = "http://127.0.0.1:" + server.port() + "/api/v1/clusters/prod/assessments";
      Cli.Run first = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet", "--push", url,
          "--token-file", token.toString());
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.err()).contains("kubepci: pushed to " + url + ": assessment 1 stored")
          .as("this machine: no network in between").doesNotContain("plain http");
      Cli.Run second = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet", "--push", url,
          "--token-file", token.toString());
      assertThat(second.err()).contains("assessment 1 already stored");
      assertThat(store.assessments("prod", 10)).hasSize(1);

      Files.writeString(token, "kpci_revoked-or-wrong");
      Cli.Run refused = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet", "--push", url,
          "--token-file", token.toString());
      assertThat(refused.code()).isEqualTo(3);
      assertThat(refused.err()).contains("the server refused the report (HTTP 401)");
      // across a network, plain http carries the token unencrypted: said before it is sent
      String remote = "http://kubepci.example.invalid/api/v1/clusters/prod/assessments";
      Cli.Run overHttp = Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none", "--quiet", "--push", remote,
          "--token-file", token.toString());
      assertThat(overHttp.err()).startsWith("kubepci: --push: " + remote + " is plain http: the ingest token and the "
          + "report cross the network unencrypted").contains("cannot reach");
      assertThat(PushOptions.isLoopback("localhost")).isTrue();
      assertThat(PushOptions.isLoopback("127.1.2.3")).isTrue();
      assertThat(PushOptions.isLoopback("[::1]")).isTrue();
      assertThat(PushOptions.isLoopback("127.0.0.1.example.com")).isFalse();
      assertThat(PushOptions.isLoopback("10.0.0.1")).isFalse();
      Cli.Run alone = Cli.run("scan", Cli.MANIFESTS, "--quiet", "--push", url);
      assertThat(alone.code()).isEqualTo(2);
      assertThat(alone.err()).contains("--push and --token-file go together");
      // checked before the scan: no report is written, the one line names the file
      Cli.Run unreadable = Cli.run("scan", Cli.MANIFESTS, "--push", url, "--token-file",
          dir.resolve("missing.token").toString());
      assertThat(unreadable.code()).isEqualTo(2);
      assertThat(unreadable.out()).isEmpty();
      assertThat(unreadable.err()).contains("--token-file " + dir.resolve("missing.token") + ": cannot be read");
      // a file that holds something else (here a report with a would-be secret) is refused before the scan, unshown
      Path wrong = dir.resolve("report.json");
      Files.writeString(wrong, "{\n  \"password\": \"hunter2-not-a-token\"\n}\n");
      Cli.Run notToken = Cli.run("scan", Cli.MANIFESTS, "--push", url, "--token-file", wrong.toString());
      assertThat(notToken.code()).isEqualTo(2);
      assertThat(notToken.out()).isEmpty();
      assertThat(notToken.err()).contains("--token-file " + wrong + ": does not hold a token")
          .doesNotContain("hunter2").doesNotContain("internal error");
    }
  }

  /** Each format and the extension the scan's file gets here. */
  private static final Map<String, String> FORMATS = Map.of("json", "json", "html", "html", "sarif", "sarif",
      "junit", "xml", "markdown", "md", "csv", "csv", "oscal", "oscal", "terminal", "txt");

  private static byte[] get(FleetServer server, String path, String token) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(200);
    return r.body();
  }

  /**
   * What {@code scan --push} sends is enough for every format: the server's exports of the pushed assessment, and
   * {@code kubepci export} against the same store, are the files the scan wrote. A report pushed bare (another
   * client) keeps its JSON; its other formats are the scan's or say plainly what was not recorded.
   */
  @Test
  void aPushedAssessmentExportsEveryFormatAsTheScanWroteIt(@TempDir Path dir) throws Exception {
    Path scanned = Files.createDirectories(dir.resolve("scan"));
    Map<String, String> env = new java.util.HashMap<>(Cli.ENV);
    env.put("XDG_DATA_HOME", dir.resolve("data").toString());
    try (AssessmentStore store = AssessmentStore.open(StoreLocation.parse(db(dir), Map.of()),
        List.of(FleetServer.MIGRATIONS));
        FleetServer server = FleetServer.start(ServerSettings.defaults("127.0.0.1", 0), store)) {
      TokenStore tokens = new TokenStore(store.dataSource(), Clock.systemUTC());
      Path token = dir.resolve("prod.token");
      Files.writeString(token, tokens.create(Role.INGEST, "prod", null).secret());
      String bareToken = tokens.create(Role.INGEST, "bare", null).secret();
      String viewer = tokens.create(Role.VIEWER, null, null).secret();
      String base = "http://127.0.0.1:" + server.port();
      // the terminal report's last lines name the --fail-on threshold: the default, as export has it
      List<String> args = new java.util.ArrayList<>(List.of("scan", Cli.MANIFESTS, "--quiet",
          "--waivers", Cli.EXAMPLES.resolve("waivers.yaml").toString(),
          "--attestations", Cli.EXAMPLES.resolve("attestations.yaml").toString(),
          "--config", Cli.EXAMPLES.resolve("kubepci.yaml").toString(),
          "--push", base + "/api/v1/clusters/prod/assessments", "--token-file", token.toString()));
      FORMATS.forEach((format, ext) -> args.addAll(List.of("-f", format, "-o", scanned.resolve("r." + ext)
          .toString())));
      Cli.Run scan = Cli.runIn(env, Environment.Terminals.NONE, args.toArray(String[]::new));
      assertThat(scan.err()).contains("assessment 1 stored");

      HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(base + "/api/v1/clusters/bare/assessments")).header("Authorization", "Bearer " + bareToken)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofFile(scanned.resolve("r.json"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(bare.statusCode()).as(bare.body()).isEqualTo(201);
      assertThat(bare.body()).contains("\"id\":2");

      for (Map.Entry<String, String> f : FORMATS.entrySet()) {
        String wrote = Files.readString(scanned.resolve("r." + f.getValue()));
        assertThat(text(get(server, "/api/v1/assessments/1/report?format=" + f.getKey(), viewer))).as(f.getKey())
            .isEqualTo(wrote);
        String bareExport = text(get(server, "/api/v1/assessments/2/report?format=" + f.getKey(), viewer));
        if (!bareExport.equals(wrote)) {
          assertThat(bareExport).as(f.getKey()).contains("not recorded: the report was pushed as JSON alone");
        }
      }
      // what a report alone lacks shows where it is missing, in the formats that show it
      for (String format : List.of("html", "terminal", "sarif")) {
        assertThat(text(get(server, "/api/v1/assessments/2/report?format=" + format, viewer))).as(format)
            .contains("not recorded");
      }
      assertThat(text(get(server, "/api/v1/assessments/2/report", viewer)))
          .isEqualTo(Files.readString(scanned.resolve("r.json")));
    }
    for (Map.Entry<String, String> f : FORMATS.entrySet()) {
      Path exported = dir.resolve("e." + f.getValue());
      Cli.Run export = Cli.runIn(env, Environment.Terminals.NONE, "export", "1", "-f", f.getKey(), "-o",
          exported.toString(), "--store", db(dir));
      assertThat(export.code()).as(export.err()).isZero();
      assertThat(Files.readString(exported)).as(f.getKey())
          .isEqualTo(Files.readString(scanned.resolve("r." + f.getValue())));
    }
  }

  /** Starts {@code kubepci serve} on a free port in a thread, its store under {@code dir}; its exit code into code[0]. */
  private static Thread serve(PrintWriter out, StringWriter err, Path dir, int[] code) {
    Environment env = new Environment(out, new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]),
        Map.of("XDG_DATA_HOME", dir.toString()), Clock.systemUTC(), Environment.Terminals.NONE);
    Thread serve = new Thread(() -> code[0] = Main.commandLine(env).execute("serve", "--port", "0"));
    serve.start();
    return serve;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void servePrintsItsUrlAndAOneTimeAdminTokenThenServes(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CountDownLatch stop = new CountDownLatch(1);
    ServeCommand.stop = stop;
    int[] code = {-1};
    Thread serve = serve(new PrintWriter(out, true), err, dir, code);
    String printed = "";
    for (int i = 0; i < 600 && !printed.contains("kpci_"); i++) {
      Thread.sleep(100);
      printed = out.toString();
    }
    try {
      Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/) \\(store: jdbc:h2:file:"
          + Pattern.quote(dir.resolve("kubepci").toString()) + ".*\\n.*Admin token.*\\n\\s+(kpci_\\S+)")
          .matcher(printed);
      assertThat(m.find()).as(printed + err).isTrue();
      HttpResponse<String> fleet = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(m.group(1) + "api/v1/fleet")).header("Authorization", "Bearer " + m.group(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(fleet.statusCode()).isEqualTo(200);
      assertThat(fleet.body()).contains("\"clusters\":[]");
    } finally {
      stop.countDown();
      serve.join(30_000);
      ServeCommand.stop = new CountDownLatch(1);
    }
    assertThat(code[0]).isZero();
  }
}
