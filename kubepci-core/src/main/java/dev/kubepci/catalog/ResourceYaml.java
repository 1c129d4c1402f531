package dev.kubepci.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The catalogue's data files on the class path (frameworks, cross-references), read strictly. */
public final class ResourceYaml {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResourceYaml() {}

  /** @param what the file's kind in error messages ("framework") */
  public static <T> T read(ClassLoader loader, String resource, Class<T> type, String what) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(what + " resource not found: " + resource);
      }
      return YAML.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " " + resource + ": " + e.getMessage(), e);
    }
  }
}
