package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code --rule}, {@code --skip-rule} and {@code --no-secrets}, shared by the commands that run rules. */
public final class RuleSelection {
  @Option(names = "--rule", split = ",", paramLabel = "ID|NAME",
      description = "Run only these rules (repeatable or comma-separated). Default: all.")
  List<String> only = new ArrayList<>();

  @Option(names = "--skip-rule", split = ",", paramLabel = "ID|NAME",
      description = "Do not run these rules; the practices they decide become NOT_ASSESSED.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--no-secrets",
      description = "Do not run the rules that read Secret objects (even their metadata), so that the identity "
          + "kubepci runs as needs no access to Secrets at all; the practices they decide become NOT_ASSESSED.")
  boolean noSecrets;

  /** The selected rules in catalogue order; unknown names are a usage error. */
  public List<RuleDescriptor> select(RuleCatalog catalog) {
    Set<String> onlyIds = resolve(catalog, only);
    Set<String> skipIds = resolve(catalog, skip);
    return catalog.rules().stream()
        .filter(d -> onlyIds.isEmpty() || onlyIds.contains(d.id()))
        .filter(d -> !skipIds.contains(d.id()))
        .filter(d -> !noSecrets || !readsSecrets(d))
        .toList();
  }

  /** True when the rule reads core Secrets. */
  static boolean readsSecrets(RuleDescriptor d) {
    return d.reads().contains("Secret");
  }

  private static Set<String> resolve(RuleCatalog catalog, List<String> names) {
    Set<String> ids = new LinkedHashSet<>();
    for (String n : names) {
      if (n.isBlank()) {
        continue;
      }
      RuleDescriptor d = catalog.find(n).orElseThrow(() -> new UserException(ExitCode.USAGE,
          "unknown rule '" + n + "' (see 'kubepci rules list')"));
      ids.add(d.id());
    }
    return ids;
  }
}
