package dev.kubepci.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code kubepci serve} runs.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param tls the certificate to serve HTTPS with; null serves plain HTTP (behind a TLS-terminating proxy, or on
 *     localhost)
 * @param secureCookies marks cookies Secure even without {@code tls} (the server sits behind a TLS proxy)
 * @param maxReportBytes the largest report ingest accepts, compressed or not, and the most a gzip body may expand to
 * @param staleAfter a cluster whose last assessment is older is flagged stale on the fleet page
 * @param sessionTtl how long a browser stays signed in
 */
public record ServerSettings(String host, int port, TlsFiles tls, boolean secureCookies, long maxReportBytes,
    Duration staleAfter, Duration sessionTtl, Clock clock) {

  public static final long DEFAULT_MAX_REPORT_BYTES = 32L * 1024 * 1024;
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(36);
  public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);

  /**
   * A PEM certificate chain and its PKCS#8 PEM private key (what a Kubernetes TLS secret holds as tls.crt and
   * tls.key when the key is PKCS#8).
   */
  public record TlsFiles(Path certificate, Path privateKey) {
    public TlsFiles {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(staleAfter, "staleAfter");
    Objects.requireNonNull(sessionTtl, "sessionTtl");
    Objects.requireNonNull(clock, "clock");
    if (maxReportBytes < 1024) {
      throw new IllegalArgumentException("the report size limit must be at least 1 KiB");
    }
  }

  /** Defaults for a server on {@code host:port}. */
  public static ServerSettings defaults(String host, int port) {
    return new ServerSettings(host, port, null, false, DEFAULT_MAX_REPORT_BYTES, DEFAULT_STALE_AFTER,
        DEFAULT_SESSION_TTL, Clock.systemUTC());
  }

  public ServerSettings withTls(TlsFiles files) {
    return new ServerSettings(host, port, files, secureCookies, maxReportBytes, staleAfter, sessionTtl, clock);
  }

  public ServerSettings withClock(Clock c) {
    return new ServerSettings(host, port, tls, secureCookies, maxReportBytes, staleAfter, sessionTtl, c);
  }

  public ServerSettings withMaxReportBytes(long max) {
    return new ServerSettings(host, port, tls, secureCookies, max, staleAfter, sessionTtl, clock);
  }

  public ServerSettings withSecureCookies(boolean secure) {
    return new ServerSettings(host, port, tls, secure, maxReportBytes, staleAfter, sessionTtl, clock);
  }

  public ServerSettings withStaleAfter(Duration d) {
    return new ServerSettings(host, port, tls, secureCookies, maxReportBytes, d, sessionTtl, clock);
  }

  /** Cookies are Secure under TLS, or when told the server sits behind TLS. */
  public boolean cookiesSecure() {
    return tls != null || secureCookies;
  }
}
