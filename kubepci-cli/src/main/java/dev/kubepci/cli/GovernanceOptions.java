package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.config.ConfigLoader;
import dev.kubepci.config.GovernanceFile;
import dev.kubepci.config.KubepciConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --waivers FILE} and {@code --attestations FILE}: governance records kept apart from the configuration
 * (owned by risk management or the assessor), added to those the configuration declares.
 */
public final class GovernanceOptions {
  @Option(names = "--waivers", paramLabel = "FILE",
      description = "Waivers (accepted risks with justification, approver and expiry) in a YAML file with a "
          + "top-level 'waivers:' list; repeatable. Invalid or expired waivers are input errors (exit code 3).")
  List<Path> waivers = new ArrayList<>();

  @Option(names = "--attestations", paramLabel = "FILE",
      description = "Attestations (an assessor's verdicts on manual practices) in a YAML file with a top-level "
          + "'attestations:' list; repeatable.")
  List<Path> attestations = new ArrayList<>();

  /** {@code config} with the records of the files given; the files are read here. */
  public KubepciConfig apply(KubepciConfig config) {
    KubepciConfig out = config;
    for (Path p : waivers) {
      out = plus(out, p, "waivers", GovernanceFile::waivers);
    }
    for (Path p : attestations) {
      out = plus(out, p, "attestations", GovernanceFile::attestations);
    }
    return out;
  }

  /** {@code config} with the records of file {@code p}, given as {@code --list}, which must hold a {@code list:}. */
  private static KubepciConfig plus(KubepciConfig config, Path p, String list,
      Function<GovernanceFile, List<?>> records) {
    GovernanceFile f = ConfigLoader.loadGovernance(p);
    if (records.apply(f).isEmpty()) {
      throw new UserException(ExitCode.USAGE, p + ": --" + list + " expects a top-level '" + list + ":' list");
    }
    return config.plus(f.waivers(), f.attestations());
  }
}
