package dev.kubepci.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kubepci.model.EvidenceText;
import dev.kubepci.model.Provenance;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.Waiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@link KubepciConfig} from YAML, rejecting unknown and repeated keys so that neither a typo nor a second
 * value of the same key silently changes what a check or a waiver does.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // a repeated key (a second "expires:") would otherwise silently replace the first
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ConfigLoader() {}

  /** @throws ConfigException naming the file, line and problem */
  public static KubepciConfig load(Path file) {
    String text = read(file);
    if (text.isBlank()) {
      return KubepciConfig.EMPTY;
    }
    KubepciConfig config = parse(file, text, KubepciConfig.class);
    if (config == null) {
      return KubepciConfig.EMPTY;
    }
    return new KubepciConfig(config.scope(), config.trustedRegistries(), config.highRisk(),
        located(config.waivers(), file, text, "waivers", Waiver::withSource),
        located(config.attestations(), file, text, "attestations", Attestation::withSource));
  }

  /**
   * Reads a governance file ({@code --waivers FILE}, {@code --attestations FILE}): top-level {@code waivers:}
   * and {@code attestations:} lists, nothing else. Each entry keeps the file and line it was declared on.
   *
   * @throws ConfigException naming the file, line and problem
   */
  public static GovernanceFile loadGovernance(Path file) {
    String text = read(file);
    GovernanceFile parsed = text.isBlank() ? null : parse(file, text, GovernanceFile.class);
    if (parsed == null) {
      throw new ConfigException(file + ": the file declares no waivers or attestations");
    }
    return new GovernanceFile(
        located(parsed.waivers(), file, text, "waivers", Waiver::withSource),
        located(parsed.attestations(), file, text, "attestations", Attestation::withSource));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static <T> T parse(Path file, String text, Class<T> type) {
    try {
      return YAML.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file + ":" + line(e) + ": unknown key '" + e.getPropertyName() + "'"
          + " (known here: " + e.getKnownPropertyIds() + ")");
    } catch (ValueInstantiationException e) {
      // a value the configuration's own types refuse, in their words (not Jackson's, which name Java classes)
      Throwable cause = e.getCause();
      int line = line(e);
      if (cause instanceof TrustedRegistries.InvalidEntry entry) {
        List<Integer> lines = itemLines(text, "trustedRegistries"); // Jackson points at the list's end
        line = entry.index() < lines.size() ? lines.get(entry.index()) : line;
      }
      throw new ConfigException(file + ":" + line + ": " + (cause instanceof IllegalArgumentException
          ? cause.getMessage() : e.getOriginalMessage()));
    } catch (MismatchedInputException e) {
      throw new ConfigException(file + ":" + line(e) + ": " + mismatch(e));
    } catch (JsonProcessingException e) {
      MarkedYAMLException yaml = null;
      for (Throwable t = e; t != null && yaml == null; t = t.getCause()) {
        yaml = t instanceof MarkedYAMLException m ? m : null;
      }
      if (yaml != null && yaml.getProblemMark() != null) {
        // SnakeYAML's message spans lines (a caret under the excerpt): its context and problem on one line
        throw new ConfigException(file + ":" + (yaml.getProblemMark().getLine() + 1) + ": "
            + (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem());
      }
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate field '")) {
        message = "repeated key " + message.substring("Duplicate field ".length())
            + " (a key may appear once in each mapping)";
      }
      throw new ConfigException(file + ":" + line(e) + ": " + EvidenceText.firstLine(message));
    }
  }

  /** The entries of a top-level list, each given the line it starts on. */
  private static <T> List<T> located(List<T> items, Path file, String text, String key,
      BiFunction<T, Provenance, T> withSource) {
    if (items.isEmpty()) {
      return items;
    }
    List<Integer> lines = itemLines(text, key);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int line = i < lines.size() ? lines.get(i) : 0;
      out.add(withSource.apply(items.get(i), Provenance.ofFile(file.toString(), 1, line)));
    }
    return out;
  }

  /** The start line of each item of the top-level list {@code key}, in order. */
  static List<Integer> itemLines(String text, String key) {
    List<Integer> lines = new ArrayList<>();
    try (JsonParser p = YAML.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return lines;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals(key) && value == JsonToken.START_ARRAY) {
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            lines.add(p.currentTokenLocation().getLineNr());
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      // the document already parsed once; lines are a convenience
    }
    return lines;
  }

  /** {@code trustedRegistries: expected a list, not a text}: where the value is and what belongs there. */
  private static String mismatch(MismatchedInputException e) {
    StringBuilder where = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        where.append(where.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        where.append('[').append(r.getIndex()).append(']');
      }
    }
    Class<?> type = e.getTargetType();
    String expected;
    if (type == null) {
      return e.getOriginalMessage();
    } else if (java.util.Collection.class.isAssignableFrom(type) || type == TrustedRegistries.class) {
      expected = "a list";
    } else if (type == String.class) {
      expected = "a text";
    } else if (type == boolean.class || type == Boolean.class) {
      expected = "true or false";
    } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      expected = "a number";
    } else if (type == java.time.LocalDate.class) {
      expected = "a date (YYYY-MM-DD)";
    } else if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
      expected = "a mapping (key: value lines)";
    } else if (type.isEnum()) {
      expected = "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(", "));
    } else {
      return e.getOriginalMessage();
    }
    JsonToken found = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
    String seen = e instanceof InvalidFormatException f && f.getValue() != null ? ", not '" + EvidenceText.cut(String.valueOf(f.getValue()), 80)
        + "'" : found == null ? "" : switch (found) {
      case START_ARRAY -> ", not a list";
      case START_OBJECT, FIELD_NAME -> ", not a mapping";
      case VALUE_STRING -> ", not a text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", not a number";
      case VALUE_TRUE, VALUE_FALSE -> ", not true or false";
      default -> "";
    };
    return (where.length() == 0 ? "" : where + ": ") + "expected " + expected + seen;
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
