package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.ReportFixture;
import dev.kubepci.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule that threw is an internal error: exit code 4, named on standard error, its stack trace with --debug. */
class RuleErrorExitTest {
  private final StringWriter err = new StringWriter();
  private final Environment env = new Environment(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
      new ByteArrayInputStream(new byte[0]), Map.of(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  @Test
  void ruleErrorExitsWithFourAndNamesTheRule() {
    int code = ScanCommand.exitCode(ReportFixture.withRuleError(), Severity.HIGH, env);
    assertThat(code).isEqualTo(ExitCode.INTERNAL.code()).isEqualTo(4);
    assertThat(err.toString())
        .contains("kubepci: internal error in rule KPCI-0005 namespace-default-deny on Ingress/default/admin")
        .contains("kubepci: exit 4: 1 rule error, a bug in kubepci")
        .contains("also 3 input errors")
        .contains("run with --debug for the stack traces")
        .doesNotContain("\tat Rule.check");
  }

  @Test
  void debugPrintsTheStackTrace() {
    ScanCommand.exitCode(ReportFixture.withRuleError(), Severity.HIGH, env.withDebug(true));
    assertThat(err.toString()).contains("java.lang.NullPointerException: rule boom\n\tat Rule.check");
  }

  @Test
  void inputErrorsAloneStayThree() {
    assertThat(ScanCommand.exitCode(ReportFixture.sample(), Severity.HIGH, env)).isEqualTo(3);
  }
}
