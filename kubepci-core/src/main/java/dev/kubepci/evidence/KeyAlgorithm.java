package dev.kubepci.evidence;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Locale;

/** The signing algorithms an evidence bundle accepts: Ed25519, and ECDSA on P-256 with SHA-256. */
public enum KeyAlgorithm {
  ED25519("ed25519", "Ed25519", "Ed25519", "Ed25519"),
  ECDSA_P256("ecdsa-p256", "EC", "SHA256withECDSA", "ECDSA P-256");

  private final String cliName;
  private final String keyAlgorithm;
  private final String signatureAlgorithm;
  private final String label;

  KeyAlgorithm(String cliName, String keyAlgorithm, String signatureAlgorithm, String label) {
    this.cliName = cliName;
    this.keyAlgorithm = keyAlgorithm;
    this.signatureAlgorithm = signatureAlgorithm;
    this.label = label;
  }

  public String cliName() {
    return cliName;
  }

  /** The JDK key algorithm ({@code KeyFactory}, {@code KeyPairGenerator}). */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** The JDK signature algorithm. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  public String label() {
    return label;
  }

  /** {@code ed25519} or {@code ecdsa-p256}. */
  public static KeyAlgorithm parse(String name) {
    for (KeyAlgorithm a : values()) {
      if (a.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown key algorithm '" + name + "' (expected ed25519 or ecdsa-p256)");
  }

  /** The algorithm of a key; an EC key on any curve but P-256, or any other kind of key, is rejected. */
  public static KeyAlgorithm of(Key key) {
    String alg = key.getAlgorithm();
    if ("Ed25519".equalsIgnoreCase(alg) || "EdDSA".equalsIgnoreCase(alg) && isEd25519(key)) {
      return ED25519;
    }
    if ("EC".equals(alg) && key instanceof ECKey ec && isP256(ec.getParams())) {
      return ECDSA_P256;
    }
    throw new EvidenceException("unsupported " + alg + " key: evidence bundles are signed with Ed25519 or ECDSA P-256");
  }

  private static boolean isEd25519(Key key) {
    return key instanceof java.security.interfaces.EdECKey ed && "Ed25519".equals(ed.getParams().getName());
  }

  private static boolean isP256(ECParameterSpec params) {
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec p256 = p.getParameterSpec(ECParameterSpec.class);
      BigInteger order = p256.getOrder();
      return order.equals(params.getOrder()) && p256.getGenerator().equals(params.getGenerator())
          && p256.getCurve().equals(params.getCurve());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is part of every Java runtime", e);
    }
  }
}
