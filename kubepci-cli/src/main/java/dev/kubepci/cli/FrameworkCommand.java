package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.catalog.Framework;
import dev.kubepci.oscal.OscalCatalogs;
import dev.kubepci.rules.BuiltInRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text, or oscal for the framework as a NIST OSCAL 1.1.2 catalog (JSON). Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public void run() {
    PrintWriter out = parent.environment().out();
    Framework f = BuiltInRules.pciFramework();
    if ("oscal".equals(format)) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      try {
        OscalCatalogs.write(OscalCatalogs.catalog(f, parent.environment().clock().instant().toString()), buffer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.print(buffer.toString(StandardCharsets.UTF_8));
      out.flush();
      return;
    }
    if (!"text".equals(format)) {
      throw new UserException(ExitCode.USAGE, "--format: expected text or oscal, not '" + format + "'");
    }
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
