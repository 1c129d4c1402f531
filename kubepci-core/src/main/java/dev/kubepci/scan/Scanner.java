package dev.kubepci.scan;

import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.FieldLines;
import dev.kubepci.collect.FileCollector;
import dev.kubepci.collect.InputFiles;
import dev.kubepci.collect.InputKind;
import dev.kubepci.collect.KubeconfigReader;
import dev.kubepci.collect.RenderOptions;
import dev.kubepci.collect.cluster.ClusterCollection;
import dev.kubepci.collect.cluster.ClusterException;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.engine.TaskFailure;
import dev.kubepci.model.Resource;
import dev.kubepci.result.AssessmentBasis;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.ExitCode;
import dev.kubepci.result.ProcessingError;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.FutureTask;

/**
 * Runs a scan: resolves what the user named (the live cluster, a snapshot, files, charts, kustomizations, standard
 * input, or a cluster completed by files), collects the objects, assesses them, and points findings at the lines of
 * their fields. Input that is partly unreadable is reported and the rest still assessed; a scan that cannot start
 * throws {@link ScanException} (or {@link dev.kubepci.collect.InputException} for a path that does not exist).
 */
public final class Scanner {
  private Scanner() {}

  /** The assessment {@code request} asks for. */
  public static AssessmentReport scan(ScanRequest request) {
    CollectedInput input = collect(request);
    requireKubeconfigs(request.kubeconfigFiles(), input);
    AssessmentRequest assessment = new AssessmentRequest(request.framework(), request.catalog(), request.selected(),
        request.config(), request.clock(), request.toolVersion(), input.inputs(), request.redactionKey());
    AssessmentReport assessed = new Assessor(assessment).assess(input.inventory(), input.errors());
    Map<String, String> rendered = input.rendered();
    Map<String, String> read = input.digests();
    List<ProcessingError> skipped = input.skipped();
    // past the rules the objects are garbage (most of the heap at 300,000 objects): not kept while lines are
    // located and the reports written
    input = null;
    // the basis on a second thread while this one locates the lines: the digests of the inputs were taken as they
    // were read; the files read by others (charts, configuration, waivers, attestations) are read for theirs
    FutureTask<AssessmentBasis> basis = new FutureTask<>(() -> InputFiles.basis(
        request.paths().stream().filter(p -> !request.kubeconfigFiles().contains(p)).toList(), read,
        request.configFile(), request.config(), request.waiverFiles(), request.attestationFiles()));
    Thread digests = new Thread(basis, "kubepci-digest");
    digests.setDaemon(true);
    digests.start();
    // the engine does no I/O: findings are pointed at their field's line afterwards, one read per file
    AssessmentReport located;
    try {
      located = FieldLines.locate(assessed, rendered);
    } catch (RuntimeException | Error e) {
      basis.cancel(true); // the digests of a scan that failed are of no use
      throw e;
    }
    return located.withSkipped(skipped)
        .withBasis(TaskFailure.await(basis, "the input files were read for their digests"))
        .withCrossReference(request.crossReference());
  }

  /** The kinds the {@code selected} rules read: what a live scan lists. */
  public static Collection<String> reads(List<RuleDescriptor> selected) {
    TreeSet<String> reads = new TreeSet<>();
    selected.forEach(d -> reads.addAll(d.reads()));
    return reads;
  }

  /**
   * The objects of files, charts, kustomizations and standard input, or of a snapshot completed by them: what the
   * commands that answer questions about manifests (pss, reach, who-can, access) read, told apart by
   * {@link InputKind} as a scan tells them.
   *
   * @throws ScanException when more than one snapshot is named
   */
  public static CollectedInput offline(List<String> paths, InputStream stdin, RenderOptions render,
      ScanListener listener) {
    Inputs inputs = Inputs.of(paths, List.of(), false);
    return inputs.read(null, stdin, render, listener);
  }

  /** The objects to assess: the live cluster, a snapshot, files, or a cluster completed by files. */
  private static CollectedInput collect(ScanRequest request) {
    Inputs inputs = Inputs.of(request.paths(), request.kubeconfigFiles(), request.isLive());
    if (!inputs.live() && (request.cluster() != null && request.cluster().named() || request.saveSnapshot() != null)) {
      throw new ScanException(ExitCode.USAGE, "--kubeconfig, --context and --save-snapshot apply to live scans: "
          + "drop the paths or add --live");
    }
    CollectedInput base = null;
    if (inputs.live()) {
      if (request.cluster() == null) {
        throw new ScanException(ExitCode.USAGE, "no input given and no cluster to connect to");
      }
      try {
        ClusterConnection cluster = request.cluster();
        base = new ClusterCollection(cluster.target(), cluster.options(), reads(request.selected()),
            new SnapshotHeader.Producer("kubepci", request.toolVersion()), request.clock().instant(),
            request.listener()).scan(request.saveSnapshot(), request.redactionKey());
      } catch (ClusterException e) {
        throw new ScanException(ExitCode.INPUT_ERROR, e.getMessage());
      } catch (UncheckedIOException e) {
        throw new ScanException(ExitCode.USAGE, e.getMessage()); // the snapshot to keep cannot be written
      }
    }
    return inputs.read(base, request.stdin(), request.render(), request.listener());
  }

  /** The paths named, told apart: at most one snapshot, and the files (kubeconfigs to assess among them). */
  private record Inputs(String snapshot, List<String> files, boolean live) {
    static Inputs of(List<String> paths, List<String> kubeconfigFiles, boolean live) {
      List<String> snapshots = paths.stream().filter(p -> InputKind.of(p) == InputKind.SNAPSHOT).toList();
      List<String> files = new ArrayList<>(paths.stream().filter(p -> !snapshots.contains(p)).toList());
      files.addAll(kubeconfigFiles);
      if (snapshots.size() > 1) {
        throw new ScanException(ExitCode.USAGE, "give one snapshot at a time: " + String.join(", ", snapshots));
      }
      if (live && !snapshots.isEmpty()) {
        throw new ScanException(ExitCode.USAGE, "--live and a snapshot cannot be combined: " + snapshots.get(0));
      }
      return new Inputs(snapshots.isEmpty() ? null : snapshots.get(0), files, live);
    }

    /** The snapshot and files read, added to {@code base} (a live collection) when there is one. */
    CollectedInput read(CollectedInput base, InputStream stdin, RenderOptions render, ScanListener listener) {
      CollectedInput collected = base;
      if (snapshot != null) {
        listener.readingSnapshot(snapshot);
        collected = SnapshotInventory.read(Path.of(snapshot));
      }
      if (files.isEmpty() && collected != null) {
        return collected;
      }
      requireRenderable(render);
      CollectedInput fromFiles = FileCollector.collect(files, stdin, listener::sourcesRead, render);
      return collected == null ? fromFiles : SnapshotInventory.combine(collected, fromFiles);
    }
  }

  /** Refuses, before reading anything, render options that {@code helm template} would refuse. */
  private static void requireRenderable(RenderOptions render) {
    for (Path values : render.valuesFiles()) {
      if (!Files.isRegularFile(values)) {
        throw new ScanException(ExitCode.USAGE, "--values: no such file: " + values);
      }
    }
    for (String kv : render.set()) {
      if (kv.indexOf('=') <= 0) {
        throw new ScanException(ExitCode.USAGE, "--set: expected KEY=VALUE, got " + kv);
      }
    }
    if (render.releaseName().isBlank()) {
      throw new ScanException(ExitCode.USAGE, "--release-name must not be empty");
    }
  }

  /**
   * Refuses a file given as a kubeconfig that yielded no kubeconfig entry when no input error explains why, so that
   * a wrong path is not silently skipped.
   */
  private static void requireKubeconfigs(List<String> files, CollectedInput input) {
    for (String file : files) {
      boolean found = false;
      for (Resource r : input.inventory().all()) {
        if (isOf(r.provenance(), file) && KubeconfigReader.API_VERSION.equals(r.apiVersion())) {
          found = true;
          break;
        }
      }
      boolean explained = input.errors().stream().map(ProcessingError::source).anyMatch(s -> isOf(s, file));
      if (!found && !explained) {
        throw new ScanException(ExitCode.USAGE, "--kubeconfig-file " + file
            + ": not a kubeconfig (expected apiVersion: v1, kind: Config with users or clusters)");
      }
    }
  }

  private static boolean isOf(dev.kubepci.model.Provenance source, String file) {
    return source instanceof dev.kubepci.model.Provenance.FileSource f && file.equals(f.file());
  }
}
