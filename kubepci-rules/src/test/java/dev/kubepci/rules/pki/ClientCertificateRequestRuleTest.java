package dev.kubepci.rules.pki;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ClientCertificateRequestRuleTest {
  /** PKCS#10 requests made with openssl for this test (keys discarded): CN=kubernetes-admin, O=system:masters. */
  private static final String MASTERS_REQUEST = ""
        + "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQ2VUQ0NBV0VDQVFBd05ERVpNQmNHQTFVRUF3d1FhM1Zp"
        + "WlhKdVpYUmxjeTFoWkcxcGJqRVhNQlVHQTFVRQpDZ3dPYzNsemRHVnRPbTFoYzNSbGNuTXdnZ0VpTUEwR0NTcUdTSWIzRFFF"
        + "QkFRVUFBNElCRHdBd2dnRUtBb0lCCkFRRDBnOGFPNmp5VGw4R0tUVnZMb3E3TXJIa0tZSnBLcldTZXY1L3Q1OC9QUUliQTVI"
        + "YnhsVDQzd1pHY3g4MGsKYWswTlZrRGpuWWhDdmNhbVB4d2xrWDBUWTR4YmVIS0hkV2xSYVMyVnppVFRNWnFBOCt5OEU4Sy9Z"
        + "MDFYdjNVbQpoMjRsZVIyY0NEQ0NJQlFhRHFjQUFXN2xJTHBZYk0zUFgvRkwwZ3AwSmV4S2k0cE1sUnpNUG41bXRaZlB2MVJ3"
        + "CkZhNEtSTWtGakNwdFhSZ3NWVVQwTE9KRlZWSjVkQW45cE1nUjVnTmxZMXVBbU5HdHdxUjFlWHRydkJOSmQvWHIKUUthRW1p"
        + "bm84VTlSUWxpYXliZnBGemJka1o2VU9oYkJnNWVNU1MxU2xqN25BZ3VYWEw4bjhIM0dGdEtZOXBuQwp1NjdiK0NGNTc1ZXpa"
        + "RmtRVmVMVi9xTk5BZ01CQUFHZ0FEQU5CZ2txaGtpRzl3MEJBUXNGQUFPQ0FRRUFlK0FVCmxPMlptRkpwU05iZW9ZRXl3VDda"
        + "NzBxRlV5YVNPNlFZNFdSUytYREtkcUtoSmtHT0k2a09MeU53elFlK2lkVk8KQXdaVDB2MUNMdThMd0lqQ1A3cHpqVW5TQitl"
        + "Y0dtYU1jQ3VreUcrOWFGdDZycEU3a1NkTXVuS2kxUXZwM3Q1YwpMNDdjRE1qcS9sM1JyMkV2eUc1eCtJekwzcWg5QkhCbk5V"
        + "U0Z3cmtxRVAwNHhZMm9YbnZ0MlJkR1V4bmNlcDlmCmltMGNzQVpHb1JpNmpDVjVxWTZlNnZzcnh3TDhjcTcvcFN1dk51R1dL"
        + "SnlKN2RiU1c3UGZ2bVpiWjI2YitKenkKTXNuT1RFTm9vNXR1REVQRDNFSDdjbGt0UFZyVWU3VXhnQ09mVXBrQjJ4eE51VnRq"
        + "djhDSGpkQ21kN3R0RTBuRgpNOHhPbmdBT0o2MGpHSHNWM3c9PQotLS0tLUVORCBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K";
  /** CN=alice, O=devs, O=payments-oncall. */
  private static final String ALICE_REQUEST = ""
        + "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQ2ZqQ0NBV1lDQVFBd09URU9NQXdHQTFVRUF3d0ZZV3hw"
        + "WTJVeERUQUxCZ05WQkFvTUJHUmxkbk14R0RBVwpCZ05WQkFvTUQzQmhlVzFsYm5SekxXOXVZMkZzYkRDQ0FTSXdEUVlKS29a"
        + "SWh2Y05BUUVCQlFBRGdnRVBBRENDCkFRb0NnZ0VCQVBTRHhvN3FQSk9Yd1lwTlc4dWlyc3lzZVFwZ21rcXRaSjYvbiszbno4"
        + "OUFoc0RrZHZHVlBqZkIKa1p6SHpTUnFUUTFXUU9PZGlFSzl4cVkvSENXUmZSTmpqRnQ0Y29kMWFWRnBMWlhPSk5NeG1vRHo3"
        + "THdUd3I5agpUVmUvZFNhSGJpVjVIWndJTUlJZ0ZCb09wd0FCYnVVZ3VsaHN6YzlmOFV2U0NuUWw3RXFMaWt5VkhNdytmbWEx"
        + "Cmw4Ky9WSEFWcmdwRXlRV01LbTFkR0N4VlJQUXM0a1ZWVW5sMENmMmt5QkhtQTJWalc0Q1kwYTNDcEhWNWUydTgKRTBsMzll"
        + "dEFwb1NhS2VqeFQxRkNXSnJKdCtrWE50MlJucFE2RnNHRGw0eEpMVktXUHVjQ0M1ZGN2eWZ3ZmNZVwowcGoybWNLN3J0djRJ"
        + "WG52bDdOa1dSQlY0dFgrbzAwQ0F3RUFBYUFBTUEwR0NTcUdTSWIzRFFFQkN3VUFBNElCCkFRREJveXg0VUxRZDkzZ2l2bGpj"
        + "MEdLdzIycGMveVhRK0RTMmY3NEQ4bkZYNG5uTHYrUkUwNWN3RWpVN0NzREYKT3l6Ym5VRkZKSjNoN09TUE82ejZuaGxWNUFu"
        + "bDRIbkpLSHZCcVg2VjdqaHNzWDYwQ2dpK0lFTWVyaEl4U24vTwpaZUdnVjZISDVDOFBXUUFlU24vNnJVaUIvRjJJTW1yRGsy"
        + "U0svRkZtb0RRZWVwRnhUdy9pS2l4STljMjVGTGIzCkRKcWlYdWxPdWFLZlZnVTdrZ013c2srSVV5Y0pRWHpzWUw1Y2E1Zlds"
        + "MWgzdS9ucG91TkhINys4cXVaREx2MkMKVytMRERlUlZxRHJZc3VCZTBTa0kySm1TNzZQbmVjZFhuYWhCVXhSbzhnYm5jUmt2"
        + "YWpRSUJQNnZyQWw3RTI2RApNSkZSdzdhS1BNK1NJdTlwZlhtUFo0K0IKLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0t"
        + "LS0tCg==";

  private final RuleTester tester = RuleTester.of(new ClientCertificateRequestRule());

  @Test
  void flagsIssuedUserCertificateAndSystemMastersRequest() {
    tester.given("""
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: alice}
        spec:
          request: %s
          signerName: kubernetes.io/kube-apiserver-client   # expect-violation: asks for a user client certificate for CN=alice O=[devs, payments-oncall] (approved and issued, requested by kubernetes-admin, valid for 8760h)
          expirationSeconds: 31536000
          username: kubernetes-admin
          usages: [client auth]
        status:
          conditions:
            - {type: Approved, status: "True", reason: KubectlApprove}
          certificate: Q0VSVElGSUNBVEU=
        ---
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: break-glass}
        spec:
          request: %s
          signerName: kubernetes.io/kube-apiserver-client   # expect-violation: CN=kubernetes-admin O=[system:masters] (pending
          usages: [client auth]
        """.formatted(ALICE_REQUEST, MASTERS_REQUEST)).assertMarkedViolations();
  }

  @Test
  void passesKubeletAndDeniedRequests() {
    tester.given("""
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: node-csr-abc}
        spec:
          request: %s
          signerName: kubernetes.io/kube-apiserver-client-kubelet
          usages: [client auth]
        ---
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: denied}
        spec:
          request: %s
          signerName: kubernetes.io/kube-apiserver-client
          usages: [client auth]
        status:
          conditions:
            - {type: Denied, status: "True", reason: NotAllowed}
        """.formatted(ALICE_REQUEST, MASTERS_REQUEST)).assertNoViolations();
  }

  @Test
  void flagsRequestWhoseSubjectCannotBeRead() {
    tester.given("""
        apiVersion: certificates.k8s.io/v1
        kind: CertificateSigningRequest
        metadata: {name: garbled}
        spec:
          request: bm90IGEgY3Ny
          signerName: kubernetes.io/kube-apiserver-client   # expect-violation: for an unreadable subject (pending
          usages: [client auth]
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableWithoutSigningRequests() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata: {name: tls, namespace: shop}
        type: kubernetes.io/tls
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
