package dev.kubepci.server;

import java.util.regex.Pattern;

/** Cluster names as the server accepts them: a DNS label-like name that is safe in a URL path and a metric label. */
public final class ClusterName {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");

  /** What a cluster name may be, for messages. */
  public static final String RULE = "1 to 63 lower-case letters, digits, '-' or '.', starting and ending with a letter"
      + " or digit";

  private ClusterName() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The name, or an exception whose message says what a name may be. */
  public static String require(String name) {
    if (!valid(name)) {
      throw new IllegalArgumentException("a cluster name has " + RULE);
    }
    return name;
  }
}
