package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The last line of a snapshot: how many objects it holds and how each requested kind fared. A snapshot without its
 * trailer was cut short and is refused.
 */
@JsonPropertyOrder({"apiVersion", "kind", "objects", "kinds"})
public record SnapshotTrailer(String apiVersion, String kind, int objects, List<KindReport> kinds) {
  public SnapshotTrailer {
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
  }

  public static SnapshotTrailer of(int objects, List<KindReport> kinds) {
    return new SnapshotTrailer(SnapshotFormat.API_VERSION, SnapshotFormat.TRAILER_KIND, objects, kinds);
  }
}
