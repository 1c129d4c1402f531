package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @Test
  void printsTheNamesOfItsVariablesButNeverTheirValues() {
    Environment env = new Environment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new ByteArrayInputStream(new byte[0]), Map.of("KUBEPCI_REDACTION_KEY", "s3cr3t-redaction-key-0123456789",
            "AWS_SECRET_ACCESS_KEY", "abc123xyz"), Clock.systemUTC(), Environment.Terminals.NONE).withDebug(true);

    assertThat(env.toString())
        .isEqualTo("Environment[variables=[AWS_SECRET_ACCESS_KEY, KUBEPCI_REDACTION_KEY], terminals="
            + "Terminals[out=false, err=false], debug=true]")
        .doesNotContain("s3cr3t", "abc123xyz");
  }
}
