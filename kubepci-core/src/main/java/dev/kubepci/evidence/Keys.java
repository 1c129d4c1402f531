package dev.kubepci.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM keys and certificates for evidence bundles, with the JDK's own providers: a private key is PKCS#8
 * ({@code PRIVATE KEY}), a public key SubjectPublicKeyInfo ({@code PUBLIC KEY}), certificates X.509
 * ({@code CERTIFICATE}). A signing-key file holds the private key and, after it, its public key (as
 * {@code kubepci evidence keygen} writes it), since the JDK cannot derive one from the other.
 */
public final class Keys {
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");
  /** A PEM file larger than this is not a key. */
  private static final long MAX_PEM_BYTES = 1 << 20;

  private Keys() {}

  /** A fresh key pair. */
  public static KeyPair generate(KeyAlgorithm algorithm) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm.keyAlgorithm());
      if (algorithm == KeyAlgorithm.ECDSA_P256) {
        g.initialize(new ECGenParameterSpec("secp256r1"));
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm.label() + " is part of every Java 17 runtime", e);
    }
  }

  public static String privateKeyPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** The key id written into signatures: SHA-256 of the public key's DER encoding, hex. */
  public static String keyId(PublicKey key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * Reads a signing key: the PKCS#8 private key of {@code file}, with the public key that follows it in the same
   * file or, when there is none, the public key of {@code certificate} (the leaf of the chain). The two must belong
   * together.
   */
  public static SigningKey readSigningKey(Path file, X509Certificate certificate) {
    List<Block> blocks = blocks(file);
    byte[] privateDer = only(blocks, "PRIVATE KEY", file);
    PrivateKey privateKey = null;
    for (KeyAlgorithm a : KeyAlgorithm.values()) {
      try {
        privateKey = KeyFactory.getInstance(a.keyAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(privateDer));
        break;
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    if (privateKey == null) {
      throw new EvidenceException(file + ": the private key is neither Ed25519 nor ECDSA P-256 in PKCS#8");
    }
    KeyAlgorithm algorithm = KeyAlgorithm.of(privateKey);
    PublicKey publicKey;
    if (blocks.stream().anyMatch(b -> b.type().equals("PUBLIC KEY"))) {
      publicKey = publicKey(only(blocks, "PUBLIC KEY", file), file);
    } else if (certificate != null) {
      publicKey = certificate.getPublicKey();
    } else {
      throw new EvidenceException(file + ": no PUBLIC KEY after the private key and no certificate chain; "
          + "append the public key (openssl pkey -in KEY -pubout >> KEY) or give --certificate-chain");
    }
    if (!belongTogether(algorithm, privateKey, publicKey)) {
      throw new EvidenceException(file + ": the public key " + (certificate != null ? "of the certificate " : "")
          + "does not belong to the private key");
    }
    if (certificate != null && !certificate.getPublicKey().equals(publicKey)) {
      throw new EvidenceException(file + ": the certificate chain's first certificate is not for this key");
    }
    return new SigningKey(algorithm, privateKey, publicKey, keyId(publicKey));
  }

  /** The public key of a PEM file: a {@code PUBLIC KEY} block, or the first {@code CERTIFICATE}. */
  public static PublicKey readPublicKey(Path file) {
    List<Block> blocks = blocks(file);
    if (blocks.stream().anyMatch(b -> b.type().equals("PUBLIC KEY"))) {
      PublicKey key = publicKey(only(blocks, "PUBLIC KEY", file), file);
      KeyAlgorithm.of(key);
      return key;
    }
    List<X509Certificate> certs = certificates(file);
    if (certs.isEmpty()) {
      throw new EvidenceException(file + ": no PUBLIC KEY or CERTIFICATE in this file");
    }
    return certs.get(0).getPublicKey();
  }

  /** Every certificate of a PEM file, in file order. */
  public static List<X509Certificate> certificates(Path file) {
    return certificates(read(file), file.toString());
  }

  /** Every certificate of PEM text, in order; {@code where} names it in errors. */
  public static List<X509Certificate> certificates(byte[] pem, String where) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
        out.add((X509Certificate) c);
      }
      return out;
    } catch (CertificateException e) {
      throw new EvidenceException(where + ": not a PEM certificate chain: " + e.getMessage(), e);
    }
  }

  /** The PEM text of certificates, in order. */
  public static String certificatesPem(List<X509Certificate> chain) {
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : chain) {
      try {
        sb.append(pem("CERTIFICATE", c.getEncoded()));
      } catch (CertificateException e) {
        throw new EvidenceException("cannot encode certificate " + c.getSubjectX500Principal() + ": " + e.getMessage(), e);
      }
    }
    return sb.toString();
  }

  private static boolean belongTogether(KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
    try {
      if (KeyAlgorithm.of(publicKey) != algorithm) {
        return false;
      }
      byte[] probe = "kubepci key pair check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(algorithm.signatureAlgorithm());
      s.initSign(privateKey);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(algorithm.signatureAlgorithm());
      v.initVerify(publicKey);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static PublicKey publicKey(byte[] der, Path file) {
    for (KeyAlgorithm a : KeyAlgorithm.values()) {
      try {
        return KeyFactory.getInstance(a.keyAlgorithm()).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new EvidenceException(file + ": the public key is neither Ed25519 nor ECDSA P-256");
  }

  private record Block(String type, byte[] der) {}

  private static byte[] read(Path file) {
    try {
      if (Files.size(file) > MAX_PEM_BYTES) {
        throw new EvidenceException(file + ": larger than " + MAX_PEM_BYTES + " bytes, not a PEM key");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new EvidenceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Block> blocks(Path file) {
    String text = new String(read(file), StandardCharsets.US_ASCII);
    List<Block> blocks = new ArrayList<>();
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      try {
        blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        throw new EvidenceException(file + ": the " + m.group(1) + " block is not base64");
      }
    }
    if (blocks.stream().anyMatch(b -> b.type().equals("ENCRYPTED PRIVATE KEY"))) {
      throw new EvidenceException(file + ": encrypted private keys are not supported; decrypt it first "
          + "(openssl pkcs8 -in KEY -nocrypt -topk8)");
    }
    if (blocks.stream().anyMatch(b -> b.type().equals("EC PRIVATE KEY"))) {
      throw new EvidenceException(file + ": an SEC1 'EC PRIVATE KEY' needs converting to PKCS#8 "
          + "(openssl pkcs8 -topk8 -nocrypt -in KEY)");
    }
    return blocks;
  }

  private static byte[] only(List<Block> blocks, String type, Path file) {
    List<Block> found = blocks.stream().filter(b -> b.type().equals(type)).toList();
    if (found.size() != 1) {
      throw new EvidenceException(file + ": expected one " + type + " PEM block, found " + found.size());
    }
    return found.get(0).der();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
