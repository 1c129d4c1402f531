package dev.kubepci.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A CA and a signer certificate made with the JDK's keytool (the JDK has no API to issue certificates): the CA
 * (ECDSA P-256) is valid from 2025-01-01 for ten years, the signer (Ed25519) for the one day from 2026-01-01.
 */
public record TestPki(X509Certificate ca, X509Certificate signer, Path signingKeyPem, Path caPem, Path chainPem) {
  private static final String PASS = "changeit";

  public static TestPki create(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path ca = dir.resolve("ca.p12");
    Path leaf = dir.resolve("leaf.p12");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test Evidence CA",
        "-ext", "bc:c", "-startdate", "2025/01/01 00:00:00", "-validity", "3650", "-keystore", ca.toString(),
        "-storetype", "PKCS12", "-storepass", PASS);
    keytool("-genkeypair", "-alias", "leaf", "-keyalg", "Ed25519", "-dname", "CN=kubepci signer",
        "-keystore", leaf.toString(), "-storetype", "PKCS12", "-storepass", PASS);
    Path csr = dir.resolve("leaf.csr");
    Path crt = dir.resolve("leaf.crt");
    keytool("-certreq", "-alias", "leaf", "-keystore", leaf.toString(), "-storepass", PASS, "-file", csr.toString());
    keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS, "-infile", csr.toString(),
        "-outfile", crt.toString(), "-rfc", "-startdate", "2026/01/01 00:00:00", "-validity", "1",
        "-ext", "ku:c=digitalSignature");
    KeyStore caStore = load(ca);
    KeyStore leafStore = load(leaf);
    X509Certificate caCert = (X509Certificate) caStore.getCertificate("ca");
    X509Certificate signer = Keys.certificates(crt).get(0);
    PrivateKey key = (PrivateKey) leafStore.getKey("leaf", PASS.toCharArray());
    Path signingKey = Files.writeString(dir.resolve("signer.key"), Keys.privateKeyPem(key));
    Path caPem = Files.writeString(dir.resolve("ca.pem"), Keys.certificatesPem(List.of(caCert)));
    Path chainPem = Files.writeString(dir.resolve("chain.pem"), Keys.certificatesPem(List.of(signer, caCert)));
    return new TestPki(caCert, signer, signingKey, caPem, chainPem);
  }

  private static KeyStore load(Path p12) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, PASS.toCharArray());
    }
    return ks;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + out);
    }
  }
}
