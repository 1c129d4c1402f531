package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The example platform scanned with and without its configuration: declaring the CDE turns segmentation (16.x) from
 * MANUAL into decided verdicts and puts every finding in a scope; every finding is one rule, object and path.
 */
class ScopeVerdictsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTROL_PLANE = Cli.EXAMPLES.resolve("control-plane").toString();
  private static final String CONFIG = Cli.EXAMPLES.resolve("kubepci.yaml").toString();

  private static JsonNode scan(String... extra) throws Exception {
    String[] args = new String[4 + extra.length];
    args[0] = "scan";
    args[1] = Cli.DUMP;
    args[2] = CONTROL_PLANE;
    args[3] = "--format=json";
    System.arraycopy(extra, 0, args, 4, extra.length);
    Cli.Run run = Cli.run(args);
    assertThat(run.code()).as(run.err()).isIn(0, 1);
    return JSON.readTree(run.out());
  }

  private static String status(JsonNode report, String practice) {
    for (JsonNode r : report.get("requirements")) {
      if (r.get("id").asText().equals(practice)) {
        return r.get("status").asText();
      }
    }
    throw new AssertionError("no practice " + practice);
  }

  @Test
  void declaringTheCdeDecidesSegmentation() throws Exception {
    JsonNode without = scan();
    JsonNode with = scan("--config", CONFIG);
    for (String p : new String[] {"16.1", "16.2", "16.3", "16.4"}) {
      assertThat(status(without, p)).as(p + " without a scope").isEqualTo("MANUAL");
      assertThat(status(with, p)).as(p + " with the CDE declared").isEqualTo("FAIL");
    }
    assertThat(without.at("/summary/scopes").fieldNames()).toIterable().containsExactly("unscoped");
    assertThat(with.at("/summary/scopes").has("cde")).isTrue();
    assertThat(with.at("/summary/scopes").has("unscoped")).isFalse();
    boolean prometheusFlow = false;
    for (JsonNode f : with.get("findings")) {
      if (f.get("rule").asText().equals("KPCI-0381")) {
        assertThat(f.get("scope").asText()).isEqualTo("cde");
        prometheusFlow |= f.get("message").asText().contains("Deployment/monitoring/prometheus-server (TCP 9090)");
      }
    }
    assertThat(prometheusFlow).isTrue();
  }

  @Test
  void everyFindingIsOneRuleObjectAndPath() throws Exception {
    JsonNode report = scan("--config", CONFIG);
    Set<String> seen = new HashSet<>();
    for (JsonNode f : report.get("findings")) {
      // the engine joins violations of one object at one path, whatever the rule
      JsonNode r = f.get("resource");
      String object = r == null || r.isNull() ? "cluster" : r.path("kind").asText() + "/" + r.path("namespace").asText()
          + "/" + r.path("name").asText();
      assertThat(seen.add(f.get("rule").asText() + "|" + object + "|" + f.get("path").asText()))
          .as("duplicate finding %s", f).isTrue();
    }
    assertThat(seen).hasSizeGreaterThan(30);
  }
}
