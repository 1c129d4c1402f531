package dev.kubepci.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.StoreLocation;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a certificate the server speaks HTTPS only, with HSTS and Secure, host-only cookies. */
class TlsTest {

  /** A self-signed certificate for 127.0.0.1 made with the JDK's keytool, as PEM files. */
  private static ServerSettings.TlsFiles certificate(Path dir, KeyStore[] trust) throws Exception {
    Path p12 = dir.resolve("server.p12");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(),
        "-storepass", "changeit").redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    Certificate cert = ks.getCertificate("server");
    PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
    Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    Path crt = dir.resolve("tls.crt");
    Path pem = dir.resolve("tls.key");
    Files.writeString(crt, "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(key.getEncoded())
        + "\n-----END PRIVATE KEY-----\n");
    KeyStore t = KeyStore.getInstance("PKCS12");
    t.load(null, null);
    t.setCertificateEntry("server", cert);
    trust[0] = t;
    return new ServerSettings.TlsFiles(crt, pem);
  }

  @Test
  void servesHttpsWithHstsAndSecureCookies(@TempDir Path dir) throws Exception {
    KeyStore[] trust = new KeyStore[1];
    ServerSettings settings = ServerSettings.defaults("127.0.0.1", 0).withTls(certificate(dir, trust));
    try (AssessmentStore store = AssessmentStore.open(StoreLocation.parse("jdbc:h2:mem:tls-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1", Map.of()), List.of(FleetServer.MIGRATIONS));
        FleetServer server = FleetServer.start(settings, store)) {
      assertThat(server.url()).startsWith("https://127.0.0.1:");
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust[0]);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(server.url() + "login")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
      assertThat(login.headers().allValues("Set-Cookie")).singleElement().satisfies(c -> assertThat(c)
          .startsWith("__Host-kpci_pre=").contains("; Secure").contains("HttpOnly").contains("SameSite=Strict"));
      HttpClient plain = HttpClient.newHttpClient();
      assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create(server.url().replace("https:", "http:")
          + "healthz")).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void aKeyThatIsNotPkcs8IsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Path crt = dir.resolve("bad.crt");
    Path key = dir.resolve("bad.key");
    Files.writeString(crt, "not a certificate");
    Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Tls.keyStore(new ServerSettings.TlsFiles(crt, key)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(crt.toString());
    KeyStore[] trust = new KeyStore[1];
    ServerSettings.TlsFiles good = certificate(dir, trust);
    assertThatThrownBy(() -> Tls.keyStore(new ServerSettings.TlsFiles(good.certificate(), key)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key.toString()).hasMessageContaining(
            "PKCS#8");
  }
}
