package dev.kubepci.cli;

import dev.kubepci.report.Printable;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.ExitCode;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.store.PushEnvelope;
import dev.kubepci.store.ReportExtras;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Option;

/**
 * {@code --push URL --token-file FILE}: sends the scan's JSON report (gzip) to a kubepci server with the cluster's
 * ingest token, in a {@link PushEnvelope} with its {@link ReportExtras}. The report is the one {@code --format json}
 * writes, so what the server stores is what a file would hold, and with the extras the server's exports in the
 * other formats are those the scan writes.
 */
public final class PushOptions {
  private static final Pattern RESULT = Pattern.compile("\"id\":(\\d+).*\"created\":(true|false)");
  private static final Pattern ERROR = Pattern.compile("\"error\":\"((?:[^\"\\\\]|\\\\.)*)\"");
  /** What a bearer token may hold (RFC 6750 b64token); kubepci's own are {@code kpci_} and base64url. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
  /** A token file larger than this is not a token file (kubepci's tokens are 49 characters). */
  private static final int TOKEN_FILE_LIMIT = 4096;

  @Option(names = "--push", paramLabel = "URL",
      description = "Send the JSON report (with what the other formats need) to a kubepci server: its base URL (the report's cluster name picks the "
          + "cluster) or a cluster's ingest URL .../api/v1/clusters/NAME/assessments. Needs --token-file.")
  URI url;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the cluster's ingest token (kubepci server token create --cluster NAME).")
  Path tokenFile;

  /** The token read from {@link #tokenFile} by {@link #validate()}. */
  private String token;

  /** Checks the options before any work. */
  void validate() {
    if ((url == null) != (tokenFile == null)) {
      throw new UserException(ExitCode.USAGE, "--push and --token-file go together");
    }
    if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
      throw new UserException(ExitCode.USAGE, "--push: expected an http:// or https:// URL, not '" + url + "'");
    }
    if (tokenFile != null) {
      token = readToken(tokenFile);
    }
  }

  /**
   * The token the file holds, checked before any work: one line of token characters. What the file holds otherwise
   * is never shown (it may be some other secret), nor sent.
   */
  private static String readToken(Path file) {
    byte[] bytes;
    if (!Files.isReadable(file)) {
      throw new UserException(ExitCode.USAGE, "--token-file " + file + ": cannot be read");
    }
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > TOKEN_FILE_LIMIT) {
        throw new UserException(ExitCode.USAGE, "--token-file " + file + ": not a token file (expected a file of "
            + "one line holding the token kubepci server token create printed)");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "--token-file " + file + ": cannot be read (" + e.getMessage() + ")");
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (!TOKEN.matcher(text).matches()) {
      throw new UserException(ExitCode.USAGE, "--token-file " + file + ": does not hold a token (expected one line "
          + "of letters, digits and -._~+/ such as the kpci_... token kubepci server token create printed; the "
          + "file's content is not shown)");
    }
    return text;
  }

  /**
   * Pushes the report when --push was given, with the token {@link #validate()} read before any work; a refusal is a
   * usage error with the server's reason.
   */
  void push(Environment env, AssessmentReport report, boolean reportToStdout) throws IOException {
    if (url == null) {
      return;
    }
    URI target = target(report);
    if ("http".equals(target.getScheme()) && !isLoopback(target.getHost())) {
      env.say("--push: " + display(target) + " is plain http: the ingest token and the report cross the network "
          + "unencrypted; serve kubepci with --tls-cert or behind a TLS proxy and push to https://");
    }
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    new JsonReporter().write(report, json);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(PushEnvelope.write(json.toByteArray(), ReportExtras.of(report)));
    }
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build();
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException | java.net.UnknownHostException | javax.net.ssl.SSLException
        | java.net.http.HttpTimeoutException e) {
      throw new UserException(ExitCode.INPUT_ERROR, "--push: cannot reach " + display(target) + ": " + e);
    } catch (IOException e) {
      throw new UserException(ExitCode.INPUT_ERROR, "--push: no answer from " + display(target) + ": " + e
          + " (the report sent is " + gz.size() + " bytes gzipped; a server closes the connection without an answer"
          + " on a body more than twice its --max-report-size)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException(ExitCode.INTERNAL, "--push: interrupted");
    }
    String body = response.body();
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      Matcher m = ERROR.matcher(body);
      throw new UserException(ExitCode.INPUT_ERROR, "--push: the server refused the report (HTTP "
          + response.statusCode() + "): " + (m.find() ? m.group(1) : "no reason given"));
    }
    Matcher m = RESULT.matcher(body);
    String what = m.find() ? "assessment " + m.group(1) + ("true".equals(m.group(2)) ? " stored" : " already stored")
        : "accepted";
    Environment.say(reportToStdout ? env.err() : env.out(), "pushed to " + display(target) + ": " + what);
  }

  /** This machine by name or address ({@code localhost}, 127.0.0.0/8, {@code ::1}): no network in between. */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  private URI target(AssessmentReport report) {
    String path = url.getPath() == null ? "" : url.getPath();
    if (path.matches(".*/api/v1/clusters/[^/]+/assessments/?")) {
      return url;
    }
    String cluster = report.cluster() == null ? null : report.cluster().name();
    if (cluster == null || !cluster.matches("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?")) {
      throw new UserException(ExitCode.USAGE, "--push: the report names no cluster the server accepts; give the"
          + " cluster's ingest URL, " + url.resolve("/api/v1/clusters/NAME/assessments"));
    }
    String base = url.toString().endsWith("/") ? url.toString() : url + "/";
    return URI.create(base).resolve("api/v1/clusters/" + cluster + "/assessments");
  }

  /**
   * The URL without user information, in its raw (still percent-encoded) form: {@link URI#getPath()} would decode
   * {@code %1b} into an ESC. Printed through {@link Printable#text} all the same.
   */
  static String display(URI u) {
    String authority = u.getRawAuthority() == null ? "" : u.getRawAuthority();
    return u.getScheme() + "://" + authority.substring(authority.lastIndexOf('@') + 1)
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }
}
