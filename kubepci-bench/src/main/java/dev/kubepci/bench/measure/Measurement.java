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
 */
public record Measurement(
    String mode, String input, int objects, long millis, long cpuMillis, long peakHeapBytes, long peakLiveHeapBytes,
    long peakRssBytes, long gcCount, long gcMillis, long reportBytes, int findings, int exitCode, String maxHeap) {

  private static final ObjectMapper JSON = new ObjectMapper();

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
