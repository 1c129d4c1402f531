package dev.kubepci.collect.cluster;

import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import dev.kubepci.collect.snapshot.SnapshotWriter;
import dev.kubepci.secrets.RedactionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The two things a front end does with a live cluster: assess it (optionally keeping the snapshot it assessed) or
 * write a snapshot to assess elsewhere. Both run the same collector into the same sinks as a snapshot scan.
 *
 * @param reads the kinds the enabled rules read
 * @param producer written into the snapshot header: kubepci and its version
 * @param now the collection time
 */
public record ClusterCollection(ClusterTarget target, CollectionOptions options, Collection<String> reads,
    SnapshotHeader.Producer producer, Instant now, CollectionListener listener) {

  /**
   * Collects and builds the inventory to assess.
   *
   * @param keepSnapshot also write the snapshot there, or null
   * @throws ClusterException when the cluster cannot be reached or refuses the credentials
   */
  public CollectedInput scan(Path keepSnapshot) {
    return scan(keepSnapshot, RedactionKey.random());
  }

  /**
   * Collects and builds the inventory to assess.
   *
   * @param keepSnapshot also write the snapshot there, redacted, or null
   * @param key the key of the fingerprints in the snapshot's redaction markers
   * @throws ClusterException when the cluster cannot be reached or refuses the credentials
   */
  public CollectedInput scan(Path keepSnapshot, RedactionKey key) {
    SnapshotInventory inventory = new SnapshotInventory();
    if (keepSnapshot == null) {
      run(inventory);
    } else {
      try (SnapshotWriter writer = new SnapshotWriter(keepSnapshot, key)) {
        run(SnapshotSink.both(inventory, writer));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + keepSnapshot + ": " + e.getMessage(), e);
      }
    }
    return inventory.result(List.of(target.describe()));
  }

  /** Collects into a snapshot file; returns its trailer (what was collected and what was not). */
  public SnapshotTrailer snapshot(Path output) {
    return snapshot(output, RedactionKey.random());
  }

  /**
   * Collects into a snapshot file, redacted with fingerprints under {@code key}; returns its trailer (what was
   * collected and what was not).
   */
  public SnapshotTrailer snapshot(Path output, RedactionKey key) {
    SnapshotInventory summary = new SnapshotInventory();
    try (SnapshotWriter writer = new SnapshotWriter(output, key)) {
      run(SnapshotSink.both(writer, new TrailerOnly(summary)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
    return summary.trailer();
  }

  private void run(SnapshotSink sink) {
    try (ApiServer api = Fabric8ApiServer.connect(target, options.requestTimeout())) {
      new ClusterCollector(api, options, listener)
          .collect(new ClusterCollector.Identity(target.name(), target.context()), reads, producer, now, sink);
    }
  }

  /** Keeps the header and trailer, not the objects: a snapshot being written need not be held in memory. */
  private record TrailerOnly(SnapshotInventory target) implements SnapshotSink {
    @Override
    public void header(SnapshotHeader header) {
      target.header(header);
    }

    @Override
    public void object(com.fasterxml.jackson.databind.node.ObjectNode object) {
      // counted by the trailer
    }

    @Override
    public void trailer(SnapshotTrailer trailer) {
      target.trailer(trailer);
    }
  }
}
