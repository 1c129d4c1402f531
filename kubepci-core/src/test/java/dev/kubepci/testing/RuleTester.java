package dev.kubepci.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.collect.FieldLines;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Rule;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one rule over inline YAML and compares its findings with the markers in the text: a line ending in
 * {@code # expect-violation: TEXT} must carry a finding whose message contains TEXT, and no other line may.
 */
public final class RuleTester {
  /** The fixed assessment time of rule tests. */
  public static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  /** The fixed key of the tests' secret fingerprints, so that expectations can name them. */
  public static final dev.kubepci.secrets.RedactionKey KEY =
      dev.kubepci.secrets.RedactionKey.of("kubepci-tests-fixed-redaction-key", "the tests");
  /** The name the test input is read under. */
  private static final String FILE = "test.yaml";
  private static final Pattern MARKER = Pattern.compile("#\\s*expect-violation:\\s*(.+?)\\s*$");

  private final Rule rule;
  private final KubepciConfig config;

  private RuleTester(Rule rule, KubepciConfig config) {
    this.rule = rule;
    this.config = config;
  }

  public static RuleTester of(Rule rule) {
    return new RuleTester(rule, KubepciConfig.EMPTY);
  }

  public RuleTester withConfig(KubepciConfig c) {
    return new RuleTester(rule, c);
  }

  public Given given(String yaml) {
    return new Given(yaml);
  }

  /** The outcome of the rule on one input. */
  public final class Given {
    private final String yaml;
    private final AssessmentReport report;

    Given(String yaml) {
      this.yaml = yaml;
      List<Resource> resources = new ArrayList<>();
      List<ProcessingError> errors = new ArrayList<>();
      try {
        new ManifestReader(new ResourceSink() {
          @Override
          public void accept(Resource resource) {
            resources.add(resource);
          }

          @Override
          public void error(ProcessingError error) {
            errors.add(error);
          }
        }).read(FILE, new StringReader(yaml));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(errors).as("the test input must parse").isEmpty();
      RuleCatalog catalog = new RuleCatalog(List.of(rule));
      String id = catalog.rules().get(0).id();
      Framework framework = new Framework("test", "1", "Test", "kubepci", "2026", List.of(
          new Framework.Area("1", "Test", List.of(new Framework.Practice("1.1", "Test practice", null, null,
              Framework.Assessment.automated, List.of(id), List.of(), List.of(), List.of())))));
      AssessmentRequest request = new AssessmentRequest(framework, catalog, catalog.rules(), config,
          Clock.fixed(NOW, ZoneOffset.UTC), "test", List.of(FILE), KEY);
      // findings are pointed at their lines as a scan points them: the test input stands for a rendered file
      this.report = FieldLines.locate(new Assessor(request).assess(Inventory.of(resources), errors),
          Map.of(FILE, yaml));
      assertThat(report.errors()).as("input errors").isEmpty();
      assertThat(report.ruleErrors()).as("rule errors (the rule threw)").isEmpty();
    }

    public AssessmentReport report() {
      return report;
    }

    public RuleResult result() {
      return report.rules().get(0);
    }

    public List<Finding> findings() {
      return report.findings();
    }

    /** Every marked line has a finding with that text, and every finding sits on a marked line. */
    public Given assertMarkedViolations() {
      Map<Integer, String> expected = new TreeMap<>();
      String[] lines = yaml.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        if (m.find()) {
          expected.put(i + 1, m.group(1));
        }
      }
      assertThat(expected).as("the test marks at least one expected violation").isNotEmpty();
      Map<Integer, List<String>> actual = new TreeMap<>();
      for (Finding f : report.findings()) {
        int line = locate(f);
        actual.computeIfAbsent(line, k -> new ArrayList<>()).add(f.message());
      }
      assertThat(actual.keySet()).as("lines with findings (findings: %s)", describe()).isEqualTo(expected.keySet());
      expected.forEach((line, text) -> assertThat(actual.get(line))
          .as("findings on line %d", line).anySatisfy(msg -> assertThat(msg).contains(text)));
      assertThat(result().status()).isEqualTo(Status.FAIL);
      return this;
    }

    public Given assertNoViolations() {
      assertThat(report.findings()).as("findings").isEmpty();
      assertThat(result().status()).as("status (%s)", result().reason()).isEqualTo(Status.PASS);
      return this;
    }

    public Given assertStatus(Status status) {
      assertThat(result().status()).as("status (reason: %s; findings: %s)", result().reason(), describe())
          .isEqualTo(status);
      return this;
    }

    public Given assertObserved(String observed) {
      assertThat(report.findings()).extracting(Finding::observed).contains(observed);
      return this;
    }

    /** The line a report shows for the finding: its field's, else its object's (0 for a finding without source). */
    private int locate(Finding f) {
      return f.source() == null ? 0 : f.source().bestLine();
    }

    private String describe() {
      List<String> out = new ArrayList<>();
      for (Finding f : report.findings()) {
        out.add("line " + locate(f) + " " + f.path() + "=" + f.observed() + ": " + f.message());
      }
      return out.toString();
    }
  }
}
