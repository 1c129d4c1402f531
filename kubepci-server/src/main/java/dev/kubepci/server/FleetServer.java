package dev.kubepci.server;

import dev.kubepci.store.AssessmentStore;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * {@code kubepci serve}: the ingest API, the dashboard and its JSON API, and {@code /metrics}, over one database
 * that several replicas may share (tokens, the session signing key and the audit log live there; sessions and CSRF
 * tokens are signed, so no replica holds state another one needs).
 */
public final class FleetServer implements AutoCloseable {
  /** Every response: no script may run, nothing loads from elsewhere, no page may frame ours. */
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";
  /** Forms and API bodies other than reports are small. */
  static final long MAX_FORM_BYTES = 64 * 1024;

  /** The server's own migrations, run with the store's: {@code AssessmentStore.open(location, List.of(MIGRATIONS))}. */
  public static final String MIGRATIONS = "classpath:db/kubepci-server";

  private final Javalin app;
  private final Routes routes;

  private FleetServer(Javalin app, Routes routes) {
    this.app = app;
    this.routes = routes;
  }

  /** Every route the server answers, {@code METHOD /path/{param}}. */
  public java.util.List<String> endpoints() {
    return routes.endpoints();
  }

  /** Starts a server on {@code store} (opened with the server's migrations) and returns once it listens. */
  public static FleetServer start(ServerSettings settings, AssessmentStore store) {
    Routes routes = new Routes(settings, store);
    Javalin app = Javalin.create(config -> configure(config, settings, routes));
    app.start(settings.host(), settings.port());
    return new FleetServer(app, routes);
  }

  private static void configure(JavalinConfig config, ServerSettings settings, Routes routes) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = MAX_FORM_BYTES;
    config.http.generateEtags = false;
    config.jetty.modifyHttpConfiguration(http -> {
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
    });
    if (settings.tls() != null) {
      config.jetty.addConnector((server, http) -> {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(Tls.keyStore(settings.tls()));
        ssl.setKeyStorePassword(new String(Tls.PASSWORD));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
            new HttpConnectionFactory(https));
        c.setHost(settings.host());
        c.setPort(settings.port());
        return c;
      });
    }
    routes.register(config);
  }

  /** The port it listens on (the one picked when the settings asked for 0). */
  public int port() {
    return app.port();
  }

  /** The address to open, for the banner. */
  public String url() {
    ServerSettings settings = routes.settings();
    String host = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "localhost" : settings.host();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (settings.tls() != null ? "https" : "http") + "://" + host + ":" + port() + "/";
  }

  @Override
  public void close() {
    app.stop();
  }
}
