package dev.kubepci.rules.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dated table of support windows shipped in {@code releases/support-windows.yaml}: Kubernetes minor releases
 * with their upstream end of life and managed providers' support dates, container runtime and node operating
 * system end of life. Read once when the rules are built; rules receive it through their constructor.
 *
 * @param asOf the day the table was last checked against its sources
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SupportWindows(String asOf, List<String> sources, List<Release> kubernetes,
    Map<String, List<Runtime>> containerRuntimes, List<OperatingSystem> operatingSystems) {

  /** The bundled table. */
  public static final String RESOURCE = "releases/support-windows.yaml";

  /** A Kubernetes minor release. */
  public record Release(String minor, String released, String endOfLife, String knownPatch,
      Map<String, ProviderSupport> providers) {
    public Release {
      providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    public LocalDate endOfLifeDate() {
      return LocalDate.parse(endOfLife);
    }
  }

  /** A managed provider's support window for a minor release. */
  public record ProviderSupport(String standardEnd, String extendedEnd) {}

  /** A container runtime minor release. */
  public record Runtime(String minor, String endOfLife) {}

  /** A node operating system, matched by the start of the node's osImage. */
  public record OperatingSystem(String prefix, String endOfLife) {}

  public SupportWindows {
    sources = sources == null ? List.of() : List.copyOf(sources);
    kubernetes = kubernetes == null ? List.of() : List.copyOf(kubernetes);
    containerRuntimes = containerRuntimes == null ? Map.of() : Map.copyOf(containerRuntimes);
    operatingSystems = operatingSystems == null ? List.of() : List.copyOf(operatingSystems);
  }

  /** Reads the table bundled with kubepci. */
  public static SupportWindows bundled() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = SupportWindows.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      return yaml.readValue(in, SupportWindows.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  public LocalDate asOfDate() {
    return LocalDate.parse(asOf);
  }

  public Optional<Release> release(String minor) {
    return kubernetes.stream().filter(r -> r.minor().equals(minor)).findFirst();
  }

  /** The newest minor release in the table. */
  public Optional<Release> newest() {
    return kubernetes.stream().max(Comparator.comparing(r -> Version.parse(r.minor())));
  }

  public Optional<Runtime> runtime(String name, String minor) {
    return containerRuntimes.getOrDefault(name, List.of()).stream().filter(r -> r.minor().equals(minor)).findFirst();
  }

  public Optional<OperatingSystem> operatingSystem(String osImage) {
    return operatingSystems.stream().filter(o -> osImage.startsWith(o.prefix())).findFirst();
  }
}
