package dev.kubepci.cli;

import dev.kubepci.catalog.Framework;
import dev.kubepci.rules.BuiltInRules;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kubepci framework}: the 42 practices and how kubepci assesses each. */
@Command(name = "framework", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Show the 42 best practices of the PCI container guidance and how kubepci assesses each.")
public final class FrameworkCommand implements Runnable {
  @ParentCommand
  KubepciCommand parent;

  @Option(names = {"-v", "--verbose"}, description = "Also show the evidence to collect for each practice.")
  boolean verbose;

  @Override
  public void run() {
    PrintWriter out = parent.environment().out();
    Framework f = BuiltInRules.pciFramework();
    out.println(f.title() + " v" + f.version() + " (" + f.publisher() + ", " + f.published() + ")");
    int automated = 0;
    int partial = 0;
    int manual = 0;
    for (Framework.Area area : f.areas()) {
      out.println();
      out.println(area.id() + ". " + area.title());
      for (Framework.Practice p : area.practices()) {
        switch (p.assessment()) {
          case automated -> automated++;
          case partial -> partial++;
          case manual -> manual++;
        }
        out.printf("   %-5s %-9s %s%s%n", p.id(), p.assessment(), p.title(),
            p.rules().isEmpty() ? "" : "  [" + String.join(", ", p.rules()) + "]");
        if (verbose) {
          p.evidence().forEach(e -> out.println("           - " + e));
        }
      }
    }
    out.println();
    out.printf("%d practices: %d automated, %d partly automated, %d manual.%n",
        f.practices().size(), automated, partial, manual);
    out.flush();
  }
}
