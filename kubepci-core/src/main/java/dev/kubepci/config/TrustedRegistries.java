package dev.kubepci.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.kubepci.model.Glob;
import dev.kubepci.model.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The organisation's trusted image sources from the configuration ({@code trustedRegistries}): a registry host
 * ({@code registry.k8s.io}, with {@code *} wildcards such as {@code *.dkr.ecr.eu-west-1.amazonaws.com}) or a
 * registry and path prefix ({@code quay.io/calico}). Docker Hub is {@code docker.io} whatever alias an image uses.
 * Each entry is read once, when the configuration is loaded; an entry that names no registry is refused then.
 */
public final class TrustedRegistries {
  /** One entry: as normalised, its host pattern, and its path prefix ({@code /calico}, or empty for a host). */
  private record Entry(String text, Glob host, String path) {}

  private final List<Entry> entries;

  private TrustedRegistries(List<Entry> entries) {
    this.entries = entries;
  }

  /** An entry that names no registry; {@link #index()} is its place in the list, from 0. */
  public static final class InvalidEntry extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int index;

    InvalidEntry(int index, String given) {
      super("trustedRegistries: entry " + (index + 1) + " (" + (given == null ? "empty" : "'" + given + "'")
          + ") names no registry; give a host such as registry.example.com, *.azurecr.io or quay.io/calico, "
          + "with a path if you like (an empty list trusts none)");
      this.index = index;
    }

    public int index() {
      return index;
    }
  }

  /**
   * The entries of the configuration, in order.
   *
   * @throws InvalidEntry naming the entry that is missing or names no registry host ({@code ""}, {@code *},
   *     {@code *.*}, {@code * /library})
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TrustedRegistries of(List<String> configured) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      String given = configured.get(i);
      String text = given == null ? "" : normalise(given);
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      if (!isHost(host) || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new InvalidEntry(i, given);
      }
      entries.add(new Entry(text, Glob.segments(host, '/'), slash < 0 ? "" : text.substring(slash)));
    }
    return new TrustedRegistries(List.copyOf(entries));
  }

  /** The entry that trusts {@code image}, or empty when none does. */
  public Optional<String> trusting(ImageReference image) {
    String registry = canonicalRegistry(image.registry());
    String name = registry + "/" + image.repository();
    for (Entry entry : entries) {
      if (!entry.host().matches(registry)) {
        continue;
      }
      String prefix = registry + entry.path();
      if (entry.path().isEmpty() || name.equals(prefix) || name.startsWith(prefix + "/")) {
        return Optional.of(entry.text());
      }
    }
    return Optional.empty();
  }

  /** The entries, normalised: no scheme, no trailing {@code /} or {@code *}, Docker Hub's aliases as docker.io. */
  public List<String> entries() {
    return entries.stream().map(Entry::text).toList();
  }

  /** Docker Hub's aliases as one name. */
  public static String canonicalRegistry(String registry) {
    String r = registry.toLowerCase(Locale.ROOT);
    return switch (r) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> ImageReference.DOCKER_HUB;
      default -> r;
    };
  }

  /**
   * A registry host: labels of letters, digits, {@code -} and {@code *}, at least one label not only wildcards, and an
   * optional port ({@code localhost:5000}). Before this check, {@code *.*} trusted nothing and {@code * /library}
   * trusted that path on every registry.
   */
  static boolean isHost(String host) {
    if (host.matches("\\[[0-9a-f:.]+\\](:[0-9]{1,5})?")) {
      return true; // an IPv6 address
    }
    int colon = host.indexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    if (colon >= 0 && !host.substring(colon + 1).matches("[0-9]{1,5}")) {
      return false;
    }
    boolean named = false;
    for (String label : name.split("\\.", -1)) {
      if (!label.matches("[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?")) {
        return false;
      }
      named |= !label.matches("\\*+");
    }
    return named;
  }

  private static String normalise(String entry) {
    String e = entry.trim();
    if (e.startsWith("https://") || e.startsWith("http://")) {
      e = e.substring(e.indexOf("://") + 3);
    }
    while (e.endsWith("/") || e.endsWith("*")) {
      e = e.substring(0, e.length() - 1);
    }
    int slash = e.indexOf('/');
    String host = canonicalRegistry(slash < 0 ? e : e.substring(0, slash));
    return slash < 0 ? host : host + e.substring(slash);
  }

  @Override
  public String toString() {
    return String.join(", ", entries());
  }
}
