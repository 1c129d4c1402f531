package dev.kubepci.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this process's ended children, as the kernel adds it up ({@code cutime + cstime} of
 * {@code /proc/self/stat}): the difference around one child's run is that child's CPU time, all its threads
 * included. 0 where there is no {@code /proc}.
 */
final class ChildTimes {
  /** Clock ticks per second of {@code /proc} times ({@code USER_HZ}), 100 on every Linux architecture in use. */
  private static final long TICKS = 100;

  private ChildTimes() {}

  static long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      // fields after the command name, which is in parentheses and may hold spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): cutime and cstime are fields 16 and 17
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 1000 / TICKS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
