package dev.kubepci.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the assessment history lives: the embedded H2 database in the user's data directory (the default), another
 * H2 database, or PostgreSQL.
 *
 * @param jdbcUrl the JDBC URL, credentials included as the driver reads them
 * @param kind which database
 * @param password the password to log in with when the URL names none ({@code KUBEPCI_STORE_PASSWORD}, so that it
 *     need not be on a command line), else null
 */
public record StoreLocation(String jdbcUrl, Kind kind, String password) {
  /** A location whose URL carries whatever credentials it needs. */
  public StoreLocation(String jdbcUrl, Kind kind) {
    this(jdbcUrl, kind, null);
  }

  @Override
  public String toString() {
    return "StoreLocation[" + display() + ", " + kind + "]";
  }

  /** The databases the store runs on; both get the same schema from the same migrations. */
  public enum Kind { H2, POSTGRESQL }

  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//)[^/@]*@");

  /**
   * The store named by {@code url}; null or blank for the embedded one in {@link #defaultDirectory}. For
   * PostgreSQL, {@code KUBEPCI_STORE_PASSWORD} in {@code env} is the password when the URL has none.
   *
   * @throws StoreException when the URL is neither {@code jdbc:postgresql:} nor {@code jdbc:h2:}
   */
  public static StoreLocation parse(String url, Map<String, String> env) {
    if (url == null || url.isBlank()) {
      return embedded(defaultDirectory(env));
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql://")) {
      String password = env.get("KUBEPCI_STORE_PASSWORD");
      boolean inUrl = PASSWORD.matcher(url).find();
      return new StoreLocation(url, Kind.POSTGRESQL, inUrl || password == null || password.isEmpty() ? null : password);
    }
    if (lower.startsWith("jdbc:h2:")) {
      return new StoreLocation(url, Kind.H2);
    }
    throw new StoreException("unsupported store URL '" + redact(url) + "': expected jdbc:postgresql://HOST[:PORT]/DATABASE"
        + " (with ?user=NAME&password=SECRET as needed), a jdbc:h2: URL, or no URL for the embedded store");
  }

  /** The embedded H2 database {@code history} in {@code directory}. */
  public static StoreLocation embedded(Path directory) {
    return new StoreLocation("jdbc:h2:file:" + directory.toAbsolutePath().resolve("history"), Kind.H2);
  }

  /** {@code $XDG_DATA_HOME/kubepci}, else {@code ~/.local/share/kubepci}. */
  public static Path defaultDirectory(Map<String, String> env) {
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "kubepci");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "share", "kubepci");
  }

  /** The URL without its password or user information, for messages. */
  public String display() {
    return redact(jdbcUrl);
  }

  static String redact(String url) {
    return USER_INFO.matcher(PASSWORD.matcher(url).replaceAll("$1***")).replaceAll("$1***@");
  }
}
