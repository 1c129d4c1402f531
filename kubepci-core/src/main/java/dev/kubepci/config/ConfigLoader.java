package dev.kubepci.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@link KubepciConfig} from YAML, rejecting unknown keys so that a typo never disables a check. */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ConfigLoader() {}

  /** @throws ConfigException naming the file, line and problem */
  public static KubepciConfig load(Path file) {
    try {
      String text = Files.readString(file);
      if (text.isBlank()) {
        return KubepciConfig.EMPTY;
      }
      KubepciConfig config = YAML.readValue(text, KubepciConfig.class);
      return config == null ? KubepciConfig.EMPTY : config;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file + ":" + line(e) + ": unknown key '" + e.getPropertyName() + "'"
          + " (known here: " + e.getKnownPropertyIds() + ")");
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ":" + line(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    }
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** A configuration file that cannot be used; the message is meant for the user. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
      super(message);
    }
  }
}
