package dev.kubepci.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * How the JSON documents (the JSON, SARIF and OSCAL reports, access and Pod Security answers) are written: Jackson
 * over their typed records, indented, with one newline at the end; the stream is flushed, not closed.
 */
public final class JsonDocuments {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonDocuments() {}

  public static void write(Object document, OutputStream out) throws IOException {
    MAPPER.writeValue(out, document);
    out.write('\n');
    out.flush();
  }

  /** The bytes {@link #write} writes. */
  public static byte[] bytes(Object document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(document, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The text {@link #write} writes. */
  public static String text(Object document) {
    try {
      return MAPPER.writeValueAsString(document) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
