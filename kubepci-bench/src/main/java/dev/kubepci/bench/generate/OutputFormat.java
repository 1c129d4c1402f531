package dev.kubepci.bench.generate;

import dev.kubepci.collect.snapshot.SnapshotFormat;
import dev.kubepci.rules.BuiltInRules;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;

/** The forms a synthetic cluster is written in: a kubectl dump (YAML or JSON) or a kubepci snapshot bundle. */
public enum OutputFormat {
  YAML(".yaml"), JSON(".json"), SNAPSHOT(SnapshotFormat.EXTENSION);

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  /** The file name ending, with its dot. */
  public String extension() {
    return extension;
  }

  public static OutputFormat parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** Writes {@code cluster} to {@code file}; returns the number of objects written. */
  public int write(SyntheticCluster cluster, Path file) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    if (this == SNAPSHOT) {
      TreeSet<String> reads = new TreeSet<>();
      BuiltInRules.catalog().rules().forEach(d -> reads.addAll(d.reads()));
      return SnapshotBundle.write(cluster, reads, file);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      return DumpWriter.write(cluster, this == YAML ? DumpWriter.Format.YAML : DumpWriter.Format.JSON, out);
    }
  }
}
