package dev.kubepci.bench.generate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes a synthetic cluster as one {@code kind: List}, the way {@code kubectl get ... -o yaml} (or
 * {@code -o json}) prints it, streaming object by object.
 */
public final class DumpWriter {
  /** The dump formats kubectl prints. */
  public enum Format {
    YAML, JSON;

    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Format parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .build();

  private DumpWriter() {}

  /** Writes {@code cluster} to {@code out} in {@code format}; returns the number of objects written. */
  public static int write(SyntheticCluster cluster, Format format, OutputStream out) throws IOException {
    JsonGenerator gen = format == Format.YAML
        ? YAML.createGenerator(out, JsonEncoding.UTF8)
        : MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(kubectlJson());
    gen.setCodec(MAPPER);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    int[] count = {0};
    gen.writeStartObject();
    gen.writeStringField("apiVersion", "v1");
    gen.writeArrayFieldStart("items");
    try {
      cluster.emit(node -> {
        try {
          gen.writeTree(node);
          count[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    gen.writeEndArray();
    gen.writeStringField("kind", "List");
    gen.writeObjectFieldStart("metadata");
    gen.writeStringField("resourceVersion", "");
    gen.writeEndObject();
    gen.writeEndObject();
    gen.close();
    if (format == Format.JSON) {
      out.write('\n');
    }
    out.flush();
    return count[0];
  }

  /** kubectl indents JSON by four spaces and writes {@code "key": value}. */
  private static DefaultPrettyPrinter kubectlJson() {
    DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
