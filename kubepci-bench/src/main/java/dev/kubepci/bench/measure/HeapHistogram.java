package dev.kubepci.bench.measure;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/** The live heap by class, as {@code jmap -histo:live} prints it: what dominates memory at a point of a run. */
public final class HeapHistogram {
  private HeapHistogram() {}

  /** The first {@code lines} lines of the histogram (a full GC runs first). */
  public static String top(int lines) {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return String.join("\n", text.toString().lines().limit(lines).toList());
    } catch (javax.management.JMException e) {
      return "heap histogram unavailable: " + e;
    }
  }
}
