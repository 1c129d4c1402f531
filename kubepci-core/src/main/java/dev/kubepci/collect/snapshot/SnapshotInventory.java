package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.CompactStore;
import dev.kubepci.collect.ObjectDecoder;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.Coverage;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the inventory of a cluster collection, live or from a snapshot: every object decoded the way manifests are,
 * with the cluster and collection time as provenance; the coverage of every requested kind from the trailer; and the
 * cluster's identity, version and managed provider. Kinds that failed to list become processing errors as well as
 * gaps, so that the run says some input could not be read.
 */
public final class SnapshotInventory implements SnapshotSink {
  private final List<Resource> resources = new ArrayList<>();
  private final List<ProcessingError> errors = new ArrayList<>();
  private final CompactStore store;

  /** An inventory that keeps bulk kinds compact (see {@link CompactStore}). */
  public SnapshotInventory() {
    this(new CompactStore());
  }

  /** @param store where bulk kinds are kept compact; null keeps every object as a model object */
  public SnapshotInventory(CompactStore store) {
    this.store = store;
  }
  private SnapshotHeader header;
  private SnapshotTrailer trailer;
  /** Kinds whose objects did not add up to the trailer's count, with the reason they are not assessed. */
  private final Map<String, Coverage.KindStatus> inconsistent = new TreeMap<>();
  private Provenance where;

  @Override
  public void header(SnapshotHeader header) {
    this.header = header;
    this.where = Provenance.ofCluster(header.cluster().server(), Instant.parse(header.collectedAt()));
  }

  @Override
  public void object(ObjectNode object) {
    if (where == null) {
      throw new IllegalStateException("object before the snapshot header");
    }
    try {
      // bulk kinds (Pods, ReplicaSets, Events ...) are kept compact: a large cluster then fits in a small heap
      HasMetadata decoded = ObjectDecoder.decode(object);
      resources.add(store == null ? new Resource(decoded, where) : store.resource(decoded, object, where));
    } catch (ObjectDecoder.InvalidObjectException e) {
      errors.add(new ProcessingError(where, e.getMessage()));
    }
  }

  @Override
  public void inconsistent(KindReport kind, ProcessingError error) {
    errors.add(error);
    inconsistent.put(kind.read(), Coverage.KindStatus.missing(error.message()));
  }

  @Override
  public void trailer(SnapshotTrailer trailer) {
    this.trailer = trailer;
    for (KindReport k : trailer.kinds()) {
      if (k.outcome() == KindReport.Outcome.FAILED) {
        errors.add(new ProcessingError(where, k.coverage().reason()));
      }
    }
  }

  /**
   * The input of a snapshot file, named in reports as the file and the cluster it was taken from.
   *
   * @throws dev.kubepci.collect.InputException when the file is not a complete snapshot
   */
  public static CollectedInput read(java.nio.file.Path file) {
    SnapshotInventory inventory = new SnapshotInventory();
    String sha256 = SnapshotReader.read(file, inventory);
    SnapshotHeader.Cluster c = inventory.header().cluster();
    return inventory.result(List.of(file + " (snapshot of cluster " + c.server()
        + (c.context() == null ? "" : ", context " + c.context()) + ", collected " + inventory.header().collectedAt()
        + ")")).withDigest(file.toString(), sha256);
  }

  public SnapshotHeader header() {
    return header;
  }

  public SnapshotTrailer trailer() {
    return trailer;
  }

  /**
   * The collected input.
   *
   * @param inputs how reports name what was read (the cluster, or the snapshot file)
   */
  public CollectedInput result(List<String> inputs) {
    if (header == null || trailer == null) {
      throw new IllegalStateException("the collection has not finished");
    }
    Map<String, Coverage.KindStatus> kinds = new TreeMap<>();
    for (KindReport k : trailer.kinds()) {
      kinds.put(k.read(), k.coverage());
    }
    kinds.putAll(inconsistent);
    List<Resource> nodes = resources.stream().filter(r -> r.is("", "Node")).toList();
    String provider = ManagedProvider.of(Inventory.of(nodes)).map(Enum::name).orElse(null);
    SnapshotHeader.Cluster c = header.cluster();
    ClusterInfo info = new ClusterInfo(c.name(), c.server(), c.gitVersion(), provider);
    return new CollectedInput(Inventory.of(resources, Coverage.cluster(kinds), info), errors, inputs);
  }

  /**
   * A cluster collection completed by files given beside it (kubelet configuration, static pod manifests ...): the
   * objects of both, and every kind found in the files counted as collected, since the user supplied it.
   */
  public static CollectedInput combine(CollectedInput cluster, CollectedInput files) {
    List<Resource> all = new ArrayList<>(cluster.inventory().all());
    all.addAll(files.inventory().all());
    Map<String, Coverage.KindStatus> kinds = new TreeMap<>(cluster.inventory().coverage().kinds());
    for (Resource r : files.inventory().all()) {
      kinds.put(r.kind(), Coverage.KindStatus.COLLECTED);
      if (!r.group().isEmpty()) {
        kinds.put(r.group() + "/" + r.kind(), Coverage.KindStatus.COLLECTED);
      }
    }
    List<ProcessingError> errors = new ArrayList<>(cluster.errors());
    errors.addAll(files.errors());
    List<String> inputs = new ArrayList<>(cluster.inputs());
    inputs.addAll(files.inputs());
    Map<String, String> digests = new TreeMap<>(cluster.digests());
    digests.putAll(files.digests());
    return new CollectedInput(Inventory.of(all, Coverage.cluster(kinds), cluster.inventory().clusterInfo()), errors,
        inputs, files.skipped(), files.rendered(), digests);
  }
}
