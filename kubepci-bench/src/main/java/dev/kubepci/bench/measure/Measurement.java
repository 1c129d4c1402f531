package dev.kubepci.bench.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One measured run in a fresh JVM.
 *
 * @param mode what was measured: {@code read} (reading and deserialising only) or {@code assess} (the full scan with
 *     every rule and the JSON report)
 * @param objects objects read
 * @param millis wall time of the work, from the JVM's first call to the end of the last write (JVM start excluded)
 * @param cpuMillis CPU time of the whole process during the work (all threads, JIT and GC included): less sensitive
 *     than wall time to other processes competing for the cores
 * @param peakHeapBytes most heap in use at once (occupancy before a collection)
 * @param peakLiveHeapBytes largest heap still in use after a collection: an upper bound of the live set (G1 leaves
 *     dead old objects until a mixed collection)
 * @param peakRssBytes the process's peak resident set size
 * @param reportBytes size of the JSON report, 0 when none was written
 * @param findings findings in the report, 0 when none was written
 * @param exitCode the scan's exit code, 0 for a read
 * @param processMillis wall time of the whole process as its parent saw it, JVM start included (0 when measured
 *     in-process): what the targets compare with the floor
 * @param processCpuMillis CPU time of the whole process (user and system, all threads) as the kernel accounted it
 *     to the parent once the process ended
 */
public record Measurement(
    String mode, String input, int objects, long millis, long cpuMillis, long peakHeapBytes, long peakLiveHeapBytes,
    long peakRssBytes, long gcCount, long gcMillis, long reportBytes, int findings, int exitCode, String maxHeap,
    long processMillis, long processCpuMillis) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** This measurement with the whole process's wall and CPU time, as the parent measured them. */
  public Measurement withProcess(long wall, long cpu) {
    return new Measurement(mode, input, objects, millis, cpuMillis, peakHeapBytes, peakLiveHeapBytes, peakRssBytes,
        gcCount, gcMillis, reportBytes, findings, exitCode, maxHeap, wall, cpu);
  }

  /** The form of a snapshot that {@code kubepci collect} wrote from the benchmark's API server. */
  public static final String LIVE_SNAPSHOT = "live snapshot";

  /**
   * The input's form, from its file name: yaml, json, snapshot (generated), live snapshot (collected from the
   * benchmark's API server), or live (a kubeconfig).
   */
  public String format() {
    if (input.startsWith("collected-") && input.endsWith(dev.kubepci.collect.snapshot.SnapshotFormat.EXTENSION)) {
      return LIVE_SNAPSHOT;
    }
    if (input.endsWith(".yaml")) {
      return "yaml";
    }
    if (input.endsWith(".json")) {
      return "json";
    }
    return input.endsWith(dev.kubepci.collect.snapshot.SnapshotFormat.EXTENSION) ? "snapshot" : "live";
  }

  public double objectsPerSecond() {
    return millis == 0 ? 0 : objects * 1000.0 / millis;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Measurement fromJson(String line) {
    try {
      return JSON.readValue(line, Measurement.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
