package dev.kubepci.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/**
 * Dead Simple Signing Envelope (DSSE) v1: the signature covers the pre-authentication encoding
 * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where {@code LEN} is the byte length
 * as ASCII decimal without leading zeros and {@code SP} one space, so that neither the type nor the payload can be
 * swapped without breaking the signature.
 */
public final class Dsse {
  /** The payload type of an in-toto Statement. */
  public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

  private Dsse() {}

  /** The JSON envelope: base64 payload, its type, and the signatures over PAE(type, payload). */
  @JsonPropertyOrder({"payload", "payloadType", "signatures"})
  public record Envelope(String payload, String payloadType, List<Sig> signatures) {
    public Envelope {
      signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    /** The decoded payload bytes. */
    public byte[] payloadBytes() {
      try {
        return Base64.getDecoder().decode(payload);
      } catch (IllegalArgumentException e) {
        throw new EvidenceException("the envelope's payload is not base64: " + e.getMessage());
      }
    }
  }

  /** One signature: the signing key's id and the base64 signature. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"keyid", "sig"})
  public record Sig(String keyid, String sig) {}

  /** The pre-authentication encoding of DSSE v1. */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** Signs a payload with a key pair's private key. */
  public static Envelope sign(String payloadType, byte[] payload, SigningKey key) {
    try {
      Signature s = Signature.getInstance(key.algorithm().signatureAlgorithm());
      s.initSign(key.privateKey());
      s.update(pae(payloadType, payload));
      return new Envelope(Base64.getEncoder().encodeToString(payload), payloadType,
          List.of(new Sig(key.keyId(), Base64.getEncoder().encodeToString(s.sign()))));
    } catch (GeneralSecurityException e) {
      throw new EvidenceException("cannot sign with the " + key.algorithm().label() + " key: " + e.getMessage(), e);
    }
  }

  /**
   * True when one of the envelope's signatures verifies under {@code key} for its payload type and payload. A
   * signature that is not even well-formed counts as not verifying.
   */
  public static boolean verify(Envelope envelope, PublicKey key) {
    KeyAlgorithm algorithm = KeyAlgorithm.of(key);
    byte[] pae = pae(envelope.payloadType(), envelope.payloadBytes());
    for (Sig sig : envelope.signatures()) {
      try {
        Signature s = Signature.getInstance(algorithm.signatureAlgorithm());
        s.initVerify(key);
        s.update(pae);
        if (s.verify(Base64.getDecoder().decode(sig.sig()))) {
          return true;
        }
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        // a malformed signature does not verify; the next one may
      }
    }
    return false;
  }
}
