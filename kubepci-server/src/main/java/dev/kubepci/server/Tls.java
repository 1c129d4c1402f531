package dev.kubepci.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a PEM certificate chain and PKCS#8 key into a key store for Jetty, with messages that name the file. */
final class Tls {
  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
  static final char[] PASSWORD = "kubepci".toCharArray();

  private Tls() {}

  static KeyStore keyStore(ServerSettings.TlsFiles files) {
    Collection<? extends Certificate> chain;
    try (InputStream in = Files.newInputStream(files.certificate())) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(files.certificate() + ": not a PEM certificate chain (" + e.getMessage()
          + ")", e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(files.certificate() + ": holds no certificate");
    }
    PrivateKey key = privateKey(files);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("kubepci", key, PASSWORD, chain.toArray(new Certificate[0]));
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(files.privateKey() + ": the key does not go with the certificate ("
          + e.getMessage() + ")", e);
    }
  }

  private static PrivateKey privateKey(ServerSettings.TlsFiles files) {
    String pem;
    try {
      pem = Files.readString(files.privateKey(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(files.privateKey() + ": cannot be read (" + e.getMessage() + ")", e);
    }
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(files.privateKey() + ": expected a PKCS#8 PEM key ('BEGIN PRIVATE KEY');"
          + " convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(files.privateKey() + ": not an RSA, EC or Ed25519 private key");
  }
}
