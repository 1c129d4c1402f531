package dev.kubepci.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.report.ReportFixture;
import dev.kubepci.result.AssessmentReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushEnvelopeTest {
  private static ObjectNode parse(byte[] body) throws IOException {
    return ReportCodec.parse(body);
  }

  private static ObjectNode parse(String body) throws IOException {
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void givesBackTheReportsBytesAndItsExtras() throws IOException {
    AssessmentReport report = ReportFixture.sample();
    byte[] json = AssessmentStoreContract.json(report);
    ObjectNode envelope = parse(PushEnvelope.write(json, ReportExtras.of(report)));

    assertThat(PushEnvelope.isEnvelope(envelope)).isTrue();
    assertThat(PushEnvelope.isEnvelope(parse(json))).isFalse();
    PushEnvelope.Opened opened = PushEnvelope.open(envelope);
    assertThat(new String(opened.report(), StandardCharsets.UTF_8)).isEqualTo(new String(json, StandardCharsets.UTF_8));
    assertThat(opened.extras()).isEqualTo(ReportExtras.of(report));
    assertThat(PushEnvelope.open(parse(PushEnvelope.write(json, null))).extras()).isNull();
  }

  @Test
  void namesWhatIsWrong() throws IOException {
    byte[] json = AssessmentStoreContract.json(ReportFixture.sample());
    String report = new String(json, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PushEnvelope.open(parse("{\"envelope\":\"kubepci.push/v2\",\"report\":{}}")))
        .hasMessageContaining("unsupported envelope \"kubepci.push/v2\"");
    assertThatThrownBy(() -> PushEnvelope.open(parse("{\"envelope\":\"kubepci.push/v1\",\"report\":" + report
        + ",\"signature\":1}"))).hasMessageContaining("[signature]");
    assertThatThrownBy(() -> PushEnvelope.open(parse("{\"envelope\":\"kubepci.push/v1\",\"report\":[]}")))
        .hasMessageContaining("no report object");
    assertThatThrownBy(() -> PushEnvelope.open(parse("{\"envelope\":\"kubepci.push/v1\",\"report\":" + report
        + ",\"extras\":{\"rules\":{\"KPCI-9999\":{}}}}")))
        .hasMessageContaining("the extras describe rules the report does not have: KPCI-9999");
    assertThatThrownBy(() -> PushEnvelope.open(parse("{\"envelope\":\"kubepci.push/v1\",\"report\":" + report
        + ",\"extras\":{\"basis\":{\"files\":[],\"owner\":\"x\"}}}")))
        .hasMessageContaining("the extras are not kubepci's").hasMessageContaining("owner");
  }
}
