package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.rules.BuiltInRules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kubepci rules list|explain}. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List the built-in rules or explain one.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.Explain.class})
public final class RulesCommand extends CommandGroup {

  static Map<String, List<String>> practicesByRule(Framework framework) {
    return framework.practices().stream()
        .flatMap(p -> p.rules().stream().map(r -> Map.entry(r, p.id())))
        .collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  /** {@code kubepci rules list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "List every built-in rule: id, name, severity, the practices it decides, and its title.")
  static final class ListRules implements Runnable {
    @ParentCommand
    RulesCommand rules;

    @Override
    public void run() {
      PrintWriter out = rules.parent.environment().out();
      RuleCatalog catalog = BuiltInRules.catalog();
      Map<String, List<String>> practices = practicesByRule(BuiltInRules.pciFramework());
      // the columns are as wide as their longest cell, so that a long list of practices keeps the titles aligned
      int name = "NAME".length();
      int practiceWidth = "PRACTICES".length();
      for (RuleDescriptor d : catalog.rules()) {
        name = Math.max(name, d.name().length());
        practiceWidth = Math.max(practiceWidth, String.join(",", practices.getOrDefault(d.id(), List.of())).length());
      }
      String format = "%-10s %-" + name + "s %-9s %-" + practiceWidth + "s %s%n";
      out.printf(format, "ID", "NAME", "SEVERITY", "PRACTICES", "TITLE");
      for (RuleDescriptor d : catalog.rules()) {
        out.printf(format, d.id(), d.name(), d.severity().label(),
            String.join(",", practices.getOrDefault(d.id(), List.of())), d.title());
      }
      out.printf("%n%d rules. 'kubepci rules explain ID|NAME' for details.%n", catalog.rules().size());
      out.flush();
    }
  }

  /** {@code kubepci rules explain}. */
  @Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Explain a rule: what it checks, why, how to fix it, and which practices it decides.")
  static final class Explain implements Runnable {
    @ParentCommand
    RulesCommand rules;

    @Parameters(paramLabel = "ID|NAME", description = "Rule id (KPCI-0001) or name (privileged-container).")
    String rule;

    @Override
    public void run() {
      PrintWriter out = rules.parent.environment().out();
      RuleDescriptor d = BuiltInRules.catalog().find(rule).orElseThrow(() -> new UserException(ExitCode.USAGE,
          "unknown rule '" + rule + "' (see 'kubepci rules list')"));
      Framework framework = BuiltInRules.pciFramework();
      out.println(d.id() + " " + d.name());
      out.println(d.title());
      out.println();
      out.println("Severity:    " + d.severity().label());
      out.println("Checks:      " + d.scope() + " (reads " + String.join(", ", d.reads()) + ")");
      out.println("Practices:   " + practicesByRule(framework).getOrDefault(d.id(), List.of()).stream()
          .map(id -> id + " " + framework.practice(id).map(Framework.Practice::title).orElse(""))
          .collect(Collectors.joining("; ")));
      out.println();
      out.println("Why it matters:");
      out.println("  " + d.rationale());
      out.println();
      out.println("How to fix:");
      out.println("  " + d.remediation());
      if (!d.references().isEmpty()) {
        out.println();
        out.println("References:");
        d.references().forEach(r -> out.println("  " + r));
      }
      out.flush();
    }
  }
}
