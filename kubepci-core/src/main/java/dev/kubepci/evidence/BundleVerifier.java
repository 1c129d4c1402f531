package dev.kubepci.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies an evidence bundle: the DSSE signature over the in-toto Statement (with a given public key, or with the
 * certificate chain in the bundle validated against a given CA at the given time), then every file against the
 * signed manifest: a changed byte, a missing file or an extra file fails, each named.
 */
public final class BundleVerifier {
  /** What to trust: a public key, or CA certificates that must anchor the bundle's chain. */
  public record Trust(PublicKey key, List<X509Certificate> authorities) {
    public static Trust key(PublicKey key) {
      return new Trust(key, null);
    }

    public static Trust authorities(List<X509Certificate> cas) {
      return new Trust(null, List.copyOf(cas));
    }
  }

  /**
   * A bundle that verified.
   *
   * @param signer who signed: the key id, and the certificate subject when a chain was used
   */
  public record Verified(Statement statement, String signer, int files) {}

  private BundleVerifier() {}

  public static Verified verify(Path bundle, Trust trust, Instant now) {
    return verify(bundle, trust, now, BundleReader.Limits.DEFAULT);
  }

  public static Verified verify(Path bundle, Trust trust, Instant now, BundleReader.Limits limits) {
    BundleReader.Contents contents = BundleReader.read(bundle, limits);
    if (contents.envelope() == null) {
      throw new EvidenceException(bundle + ": not signed: " + BundleLayout.ENVELOPE + " is missing");
    }
    Dsse.Envelope envelope;
    try {
      envelope = EvidenceBundle.JSON.readValue(contents.envelope(), Dsse.Envelope.class);
    } catch (IOException e) {
      throw new EvidenceException(bundle + ": " + BundleLayout.ENVELOPE + " is not a DSSE envelope: " + e.getMessage(), e);
    }
    if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
      throw new EvidenceException(bundle + ": the envelope's payloadType is '" + envelope.payloadType()
          + "', expected " + Dsse.IN_TOTO_PAYLOAD_TYPE);
    }
    String signedBy = envelope.signatures().isEmpty() ? "nobody" : "key id " + envelope.signatures().get(0).keyid();
    PublicKey key;
    String signer;
    if (trust.key() != null) {
      key = trust.key();
      signer = "key id " + Keys.keyId(key);
    } else {
      if (contents.chain() == null) {
        throw new EvidenceException(bundle + ": signed without a certificate chain (" + BundleLayout.CHAIN
            + " is missing); verify it with --public-key");
      }
      List<X509Certificate> chain = Keys.certificates(contents.chain(), bundle + ": " + BundleLayout.CHAIN);
      validate(chain, trust.authorities(), now, bundle);
      key = chain.get(0).getPublicKey();
      signer = chain.get(0).getSubjectX500Principal().getName() + " (key id " + Keys.keyId(key) + ")";
    }
    if (!Dsse.verify(envelope, key)) {
      throw new EvidenceException(bundle + ": the signature does not verify with " + signer + "; the bundle was "
          + "signed by " + signedBy + " or its manifest was altered");
    }
    Statement statement;
    try {
      statement = EvidenceBundle.JSON.readValue(envelope.payloadBytes(), Statement.class);
    } catch (IOException e) {
      throw new EvidenceException(bundle + ": the signed payload is not an in-toto Statement: " + e.getMessage(), e);
    }
    if (!Statement.TYPE.equals(statement.type()) || !Statement.PREDICATE_TYPE.equals(statement.predicateType())) {
      throw new EvidenceException(bundle + ": the signed statement is a " + statement.predicateType()
          + ", not a kubepci evidence bundle");
    }
    List<String> problems = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (Statement.Subject s : statement.subject()) {
      listed.add(s.name());
      BundleReader.Digest d = contents.files().get(s.name());
      if (d == null) {
        problems.add("missing file " + s.name());
      } else if (!d.sha256().equals(s.sha256()) || s.annotations() == null || d.size() != s.annotations().size()) {
        problems.add("changed file " + s.name() + ": sha256 " + d.sha256() + ", " + d.size() + " bytes; the manifest "
            + "says sha256 " + s.sha256() + ", " + (s.annotations() == null ? "?" : s.annotations().size()) + " bytes");
      }
    }
    for (Map.Entry<String, BundleReader.Digest> e : contents.files().entrySet()) {
      if (!listed.contains(e.getKey())) {
        problems.add("extra file " + e.getKey() + " is not in the signed manifest");
      }
    }
    if (!problems.isEmpty()) {
      throw new EvidenceException(bundle + ": the signature is valid but the contents differ from the signed "
          + "manifest:", problems);
    }
    return new Verified(statement, signer, statement.subject().size());
  }

  /** Validates the chain (leaf first) up to one of the authorities at {@code now}, with a message per failure. */
  private static void validate(List<X509Certificate> chain, List<X509Certificate> authorities, Instant now,
      Path bundle) {
    if (chain.isEmpty()) {
      throw new EvidenceException(bundle + ": " + BundleLayout.CHAIN + " holds no certificate");
    }
    Date at = Date.from(now);
    for (X509Certificate c : chain) {
      try {
        c.checkValidity(at);
      } catch (CertificateExpiredException e) {
        throw new EvidenceException(bundle + ": certificate '" + c.getSubjectX500Principal().getName()
            + "' expired on " + c.getNotAfter().toInstant() + " (checked at " + now + ")", e);
      } catch (CertificateNotYetValidException e) {
        throw new EvidenceException(bundle + ": certificate '" + c.getSubjectX500Principal().getName()
            + "' is not valid before " + c.getNotBefore().toInstant() + " (checked at " + now + ")", e);
      }
    }
    try {
      Set<TrustAnchor> anchors = new HashSet<>();
      authorities.forEach(a -> anchors.add(new TrustAnchor(a, null)));
      // the trust anchor itself is not part of the path PKIX validates
      List<X509Certificate> path = chain.stream()
          .filter(c -> authorities.stream().noneMatch(a -> a.equals(c))).toList();
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters params = new PKIXParameters(anchors);
      params.setRevocationEnabled(false);
      params.setDate(at);
      CertPathValidator.getInstance("PKIX").validate(certPath, params);
    } catch (CertPathValidatorException e) {
      throw new EvidenceException(bundle + ": the certificate chain does not validate against the given CA: "
          + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new EvidenceException(bundle + ": cannot validate the certificate chain: " + e.getMessage(), e);
    }
  }
}
