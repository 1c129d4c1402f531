package dev.kubepci.collect.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.secrets.RedactionKey;
import org.junit.jupiter.api.Test;

class SnapshotRedactorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SnapshotRedactor REDACTOR =
      new SnapshotRedactor(RedactionKey.of("kubepci-tests-fixed-redaction-key", "the tests"));

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void redactsSecretsOfContainersAndKeepsEverythingElse() throws Exception {
    ObjectNode cronJob = json("""
        {'apiVersion':'batch/v1','kind':'CronJob','metadata':{'name':'report','namespace':'shop'},
         'spec':{'schedule':'0 3 * * *','jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'r',
         'image':'example/report:1.0','command':['/bin/report'],
         'args':['--db-password=Wn5Yq8Zr2Kt7Vb','--token','Hj3Mx9Pq4Rs8Tu2','--port=8080','-v'],
         'env':[{'name':'STRIPE_KEY','value':'sk_live_Qv7Rk2Lm9Xw4Tz8Pn3Jd6Hc1'},{'name':'LOG_LEVEL','value':'info'},
                {'name':'FROM_SECRET','valueFrom':{'secretKeyRef':{'name':'s','key':'k'}}}]}]}}}}}}""");
    String before = cronJob.toString();
    ObjectNode redacted = REDACTOR.redact(cronJob);
    assertThat(cronJob.toString()).as("the live object is not changed").isEqualTo(before);
    String text = redacted.toString();
    assertThat(text).doesNotContain("Wn5Yq8Zr2Kt7Vb", "Hj3Mx9Pq4Rs8Tu2", "Qv7Rk2Lm9Xw4Tz8Pn3Jd6Hc1")
        .contains("\"--db-password=<redacted secret-named-key hmac:", "\"--token\",\"<redacted secret-named-key hmac:",
            "\"--port=8080\"", "\"-v\"", "\"value\":\"<redacted stripe-key hmac:", "\"value\":\"info\"",
            "\"secretKeyRef\"", "\"schedule\":\"0 3 * * *\"", "\"image\":\"example/report:1.0\"");
  }

  @Test
  void redactsConfigMapsAnnotationsAndTheLastAppliedObject() throws Exception {
    ObjectNode cm = json("""
        {'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'shop','annotations':{
          'example.com/api-key':'Qa2Ws7Ed3Rf9Tg','team':'payments',
          'kubectl.kubernetes.io/last-applied-configuration':'{\\'apiVersion\\':\\'v1\\',\\'kind\\':\\'ConfigMap\\',\\'data\\':{\\'API_TOKEN\\':\\'Nb8Mv3Cx7Zl1Kj\\'}}'}},
         'data':{'API_TOKEN':'Nb8Mv3Cx7Zl1Kj','MODE':'fast',
           'app.properties':'server.port=8080\\nspring.datasource.password=Zp4Xo9Ci2Vu6\\n'},
         'binaryData':{'s.yaml':'c2VjcmV0X2tleTogVHk1VXIwSWU0V284Cm1vZGU6IGZhc3QK'}}""");
    ObjectNode redacted = REDACTOR.redact(cm);
    String text = redacted.toString();
    assertThat(text).doesNotContain("Qa2Ws7Ed3Rf9Tg", "Nb8Mv3Cx7Zl1Kj", "Zp4Xo9Ci2Vu6",
        "c2VjcmV0X2tleTogVHk1VXIwSWU0V284Cm1vZGU6IGZhc3QK");
    assertThat(redacted.at("/data/MODE").asText()).isEqualTo("fast");
    assertThat(redacted.at("/metadata/annotations/team").asText()).isEqualTo("payments");
    assertThat(redacted.at("/data/app.properties").asText())
        .startsWith("server.port=8080\nspring.datasource.password=<redacted secret-named-key hmac:").endsWith(">\n");
    String lastApplied = redacted.at("/metadata/annotations").get("kubectl.kubernetes.io/last-applied-configuration")
        .asText();
    assertThat(JSON.readTree(lastApplied).at("/data/API_TOKEN").asText())
        .isEqualTo(redacted.at("/data/API_TOKEN").asText()).startsWith("<redacted secret-named-key hmac:");
    String binary = new String(java.util.Base64.getDecoder().decode(redacted.at("/binaryData/s.yaml").asText()),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(binary).startsWith("secret_key: <redacted secret-named-key hmac:").endsWith("\nmode: fast\n");
  }
}
