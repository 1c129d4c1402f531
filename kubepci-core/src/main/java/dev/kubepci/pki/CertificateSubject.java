package dev.kubepci.pki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Who a client certificate or a certificate signing request names: Kubernetes reads the common name (CN) as the
 * user name and each organisation (O) as a group. Parsed from PEM text, in memory.
 *
 * @param notAfter the certificate's expiry; null for a signing request
 */
public record CertificateSubject(String distinguishedName, String commonName, List<String> organizations,
    Instant notAfter) {

  public CertificateSubject {
    organizations = List.copyOf(organizations);
  }

  /** {@code CN=alice, O=[devs]} for evidence. */
  public String describe() {
    return "CN=" + (commonName == null ? "" : commonName) + " O=" + organizations
        + (notAfter == null ? "" : " notAfter=" + notAfter);
  }

  /**
   * The subject of the first certificate in PEM text (one or more {@code CERTIFICATE} blocks).
   *
   * @throws IllegalArgumentException when the text holds no readable certificate
   */
  public static CertificateSubject ofCertificatePem(String pem) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      X509Certificate cert = (X509Certificate) factory.generateCertificate(
          new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      CertificateSubject s = of(cert.getSubjectX500Principal());
      return new CertificateSubject(s.distinguishedName(), s.commonName(), s.organizations(),
          cert.getNotAfter().toInstant());
    } catch (CertificateException | RuntimeException e) {
      throw new IllegalArgumentException("not a readable X.509 certificate");
    }
  }

  /**
   * The subject of a PKCS#10 certificate signing request in PEM text ({@code CERTIFICATE REQUEST}).
   *
   * @throws IllegalArgumentException when the text is not a readable request
   */
  public static CertificateSubject ofRequestPem(String pem) {
    byte[] der = pemBody(pem, "CERTIFICATE REQUEST");
    try {
      Der request = Der.read(der, 0);
      Der info = Der.read(der, request.contentStart());
      Der version = Der.read(der, info.contentStart());
      Der subject = Der.read(der, version.end());
      if (request.tag() != 0x30 || info.tag() != 0x30 || version.tag() != 0x02 || subject.tag() != 0x30) {
        throw new IllegalArgumentException("unexpected structure");
      }
      byte[] name = java.util.Arrays.copyOfRange(der, subject.start(), subject.end());
      return of(new X500Principal(name));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a readable certificate signing request");
    }
  }

  private static CertificateSubject of(X500Principal principal) {
    String dn = principal.getName(X500Principal.RFC2253);
    String cn = null;
    List<String> orgs = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(dn).getRdns()) {
        javax.naming.directory.Attributes attrs = rdn.toAttributes();
        var ids = attrs.getIDs();
        while (ids.hasMore()) {
          String id = ids.next();
          String value = String.valueOf(attrs.get(id).get());
          if ("CN".equalsIgnoreCase(id)) {
            cn = value;
          } else if ("O".equalsIgnoreCase(id)) {
            orgs.add(value);
          }
        }
      }
    } catch (InvalidNameException e) {
      throw new IllegalArgumentException("unreadable subject " + dn);
    } catch (javax.naming.NamingException e) {
      throw new IllegalArgumentException("unreadable subject " + dn);
    }
    return new CertificateSubject(dn, cn, orgs, null);
  }

  private static byte[] pemBody(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int b = pem.indexOf(begin);
    int e = pem.indexOf(end);
    if (b < 0 || e < b) {
      throw new IllegalArgumentException("no " + label + " block");
    }
    String body = pem.substring(b + begin.length(), e).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("the " + label + " block is not base64");
    }
  }

  /** One DER tag-length-value: where it starts, where its content starts, where it ends. */
  private record Der(int tag, int start, int contentStart, int end) {
    static Der read(byte[] b, int offset) {
      int tag = b[offset] & 0xff;
      int len = b[offset + 1] & 0xff;
      int content = offset + 2;
      if (len > 0x7f) {
        int n = len & 0x7f;
        if (n == 0 || n > 4) {
          throw new IllegalArgumentException("unsupported length");
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (b[content + i] & 0xff);
        }
        content += n;
      }
      if (len < 0 || content + len > b.length) {
        throw new IllegalArgumentException("truncated");
      }
      return new Der(tag, offset, content, content + len);
    }
  }
}
