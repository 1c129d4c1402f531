package dev.kubepci.evidence;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A private key with its public key and the key id written into signatures.
 *
 * @param keyId the SHA-256 of the public key's DER encoding (SubjectPublicKeyInfo), in hex
 */
public record SigningKey(KeyAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey, String keyId) {}
