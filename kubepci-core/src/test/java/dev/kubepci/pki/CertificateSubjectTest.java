package dev.kubepci.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Test certificates were made with openssl for these tests only; their keys were thrown away. */
class CertificateSubjectTest {
  static String pem(String name) {
    try (InputStream in = CertificateSubjectTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void readsCommonNameOrganisationsAndExpiryOfACertificate() {
    CertificateSubject s = CertificateSubject.ofCertificatePem(pem("kubernetes-admin.crt"));
    assertThat(s.commonName()).isEqualTo("kubernetes-admin");
    assertThat(s.organizations()).containsExactly("kubeadm:cluster-admins");
    assertThat(s.notAfter()).isAfter(java.time.Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void readsTheSubjectOfASigningRequest() {
    CertificateSubject admin = CertificateSubject.ofRequestPem(pem("system-masters.csr"));
    assertThat(admin.commonName()).isEqualTo("kubernetes-admin");
    assertThat(admin.organizations()).containsExactly("system:masters");
    CertificateSubject alice = CertificateSubject.ofRequestPem(pem("alice.csr"));
    assertThat(alice.organizations()).containsExactlyInAnyOrder("devs", "payments-oncall");
  }

  @Test
  void rejectsTextThatIsNoCertificate() {
    assertThatThrownBy(() -> CertificateSubject.ofCertificatePem("-----BEGIN CERTIFICATE-----\nplaceholder\n"
        + "-----END CERTIFICATE-----\n")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CertificateSubject.ofRequestPem("no pem here")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void redactionShowsAFingerprintOnly() {
    String r = Redaction.redact("s3cr3t-token");
    assertThat(r).startsWith("<redacted digest:").doesNotContain("s3cr3t");
    var key = dev.kubepci.secrets.RedactionKey.of("kubepci-tests-fixed-redaction-key", "the tests");
    String shown = Redaction.shown(r, key);
    assertThat(shown).matches("<redacted hmac:[0-9a-f]{8}>").isEqualTo(Redaction.shown(Redaction.redact("s3cr3t-token"),
        key)).isNotEqualTo(Redaction.shown(Redaction.redact("other-token"), key));
    // keyed: the plain hash of the value is nowhere in what reports show
    assertThat(shown).doesNotContain(Redaction.fingerprint("s3cr3t-token"));
    assertThat(Redaction.shown("set", key)).isEqualTo("set");
    assertThat(Redaction.fingerprint("s3cr3t-token")).hasSize(8).isEqualTo(Redaction.fingerprint("s3cr3t-token"));
    assertThat(Redaction.isRedacted(r)).isTrue();
  }
}
