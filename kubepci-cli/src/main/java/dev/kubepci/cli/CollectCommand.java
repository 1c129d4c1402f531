package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.result.ScanOutcome;
import dev.kubepci.collect.cluster.ClusterCollection;
import dev.kubepci.collect.cluster.ClusterException;
import dev.kubepci.collect.cluster.ClusterTarget;
import dev.kubepci.collect.cluster.ReaderRole;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import dev.kubepci.rules.BuiltInRules;
import dev.kubepci.scan.Scanner;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubepci collect}: read a live cluster into a snapshot to assess offline. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Read a live cluster into one snapshot file (gzip JSON lines): every object the enabled rules need, "
            + "Secrets as metadata only, the cluster's identity and version, the collection time, and what could "
            + "not be collected and why. 'kubepci scan FILE' assesses it offline with the same results as a live scan."},
    footer = {
        "",
        "Examples:",
        "  kubepci collect --output cluster.kpci.jsonl.gz",
        "  kubepci collect --context prod --output prod.kpci.jsonl.gz && kubepci \\",
        "      scan prod.kpci.jsonl.gz",
        "  kubepci collect --print-rbac > kubepci-reader.yaml",
        "",
        "Exit codes: 0 written, 2 usage error, 3 cluster unreachable or some kinds failed to list, 4 internal error."})
public final class CollectCommand extends KubepciSubcommand {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "The snapshot to write, e.g. cluster.kpci.jsonl.gz. It appears only once complete.")
  Path output;

  @Option(names = "--print-rbac",
      description = "Print the read-only ClusterRole the enabled rules need, and collect nothing.")
  boolean printRbac;

  @Mixin
  ClusterConnectionOptions cluster;

  @Mixin
  RuleSelection selection;

  @Option(names = {"-q", "--quiet"}, description = "No progress or warnings on standard error.")
  boolean quiet;

  @Override
  public Integer call() {
    Environment env = env();
    Collection<String> reads = Scanner.reads(selection.select(BuiltInRules.catalog()));
    PrintWriter out = env.out();
    if (printRbac) {
      out.print(ReaderRole.yaml(reads));
      out.flush();
      return ExitCode.OK.code();
    }
    if (output == null) {
      throw new UserException(ExitCode.USAGE, "--output FILE is required: the snapshot to write "
          + "(e.g. --output cluster.kpci.jsonl.gz)");
    }
    ClusterTarget target = cluster.target(env);
    Progress progress = new Progress(env, quiet);
    SnapshotTrailer trailer;
    try {
      trailer = new ClusterCollection(target, cluster.collectionOptions(), reads, producer(), env.clock().instant(),
          new CollectionProgress(progress)).snapshot(output, env.resolveRedactionKey());
    } catch (ClusterException e) {
      throw new UserException(ExitCode.INPUT_ERROR, e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    } finally {
      progress.done();
    }
    List<KindReport> gaps = trailer.kinds().stream().filter(k -> !k.coverage().collected()).toList();
    long absent = trailer.kinds().stream().filter(k -> k.outcome() == KindReport.Outcome.ABSENT).count();
    out.println("Wrote " + output + ": " + ScanOutcome.count(trailer.objects(), "object") + " of "
        + ScanOutcome.count(trailer.kinds().size(), "kind") + " from " + target.describe()
        + (absent > 0 ? "; " + absent + " kinds not served by this cluster" : "") + ".");
    if (!gaps.isEmpty()) {
      out.println("Not collected (the rules that need these will be NOT_ASSESSED):");
      gaps.forEach(k -> out.println("  " + k.read() + ": " + k.coverage().reason()));
    }
    out.flush();
    boolean failed = trailer.kinds().stream().anyMatch(k -> k.outcome() == KindReport.Outcome.FAILED);
    return failed ? ExitCode.INPUT_ERROR.code() : ExitCode.OK.code();
  }

  static SnapshotHeader.Producer producer() {
    return new SnapshotHeader.Producer("kubepci", VersionProvider.version());
  }
}
