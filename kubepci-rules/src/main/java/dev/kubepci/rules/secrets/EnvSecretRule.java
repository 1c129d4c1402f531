package dev.kubepci.rules.secrets;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.secrets.CommandLineSecrets;
import dev.kubepci.secrets.SecretScanner;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags literal secrets written into pod specs: container environment values ({@code env[].value}) and command-line
 * arguments ({@code --db-password=...}, {@code --token VALUE}, URLs with passwords), for containers, init containers
 * and ephemeral containers. Values are never shown: findings carry the key, the detector and a fingerprint.
 */
@RuleInfo(id = "KPCI-0130", name = "secret-in-container-env", severity = Severity.HIGH)
public final class EnvSecretRule implements ContainerRule {
  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    SecretScanner scanner = context.secrets();
    List<Violation> out = new ArrayList<>();
    List<EnvVar> env = c.container().getEnv();
    for (int i = 0; env != null && i < env.size(); i++) {
      EnvVar e = env.get(i);
      if (e == null || e.getValue() == null) {
        continue;
      }
      Optional<SecretScanner.Detection> d = scanner.scanValue(e.getName(), e.getValue());
      if (d.isPresent()) {
        out.add(Violation.at(c.path().child("env").index(i).child("value"), d.get().redacted(),
            c.describe() + " sets environment variable " + e.getName() + " to a literal secret ("
                + d.get().describe() + ")"));
      }
    }
    arguments(scanner, c, out);
    return out;
  }

  /** One word of the command line (command, then args, as the runtime joins them) with its path. */
  private record Word(FieldPath path, String label) {}

  private static void arguments(SecretScanner scanner, Workload.ContainerRef c, List<Violation> out) {
    List<Word> words = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String field : List.of("command", "args")) {
      List<String> list = "command".equals(field) ? c.container().getCommand() : c.container().getArgs();
      for (int i = 0; list != null && i < list.size(); i++) {
        if (list.get(i) != null) {
          words.add(new Word(c.path().child(field).index(i), field + "[" + i + "]"));
          texts.add(list.get(i));
        }
      }
    }
    for (CommandLineSecrets.Hit hit : CommandLineSecrets.scan(scanner, texts)) {
      Word at = words.get(hit.word());
      String what = hit.what() == null ? at.label() : hit.what();
      out.add(Violation.at(at.path(), hit.detection().redacted(), c.describe() + " passes a literal secret on its "
          + "command line (" + what + ", " + hit.detection().describe() + ")"));
    }
  }
}
