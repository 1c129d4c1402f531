package dev.kubepci.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * JSON reports for the server's tests: the reporters' contract report (core's golden file, which carries hostile
 * text such as {@code <all>}) at a given time, with or without some of its findings.
 */
final class TestReports {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectNode CONTRACT = load();

  private TestReports() {}

  private static ObjectNode load() {
    try (InputStream in = TestReports.class.getResourceAsStream("/golden/contract.json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract report generated at {@code at}, keeping its first {@code findings} findings. */
  static byte[] report(Instant at, int findings) {
    ObjectNode r = CONTRACT.deepCopy();
    r.put("generatedAt", at.toString());
    ArrayNode all = (ArrayNode) r.get("findings");
    while (all.size() > findings) {
      all.remove(all.size() - 1);
    }
    return bytes(r);
  }

  static int findings() {
    return CONTRACT.get("findings").size();
  }

  /** The contract report with {@code field} set to {@code value} at the top level. */
  static byte[] with(String field, JsonNode value) {
    ObjectNode r = CONTRACT.deepCopy();
    r.set(field, value);
    return bytes(r);
  }

  static JsonNode contract() {
    return CONTRACT.deepCopy();
  }

  static byte[] bytes(JsonNode n) {
    try {
      return (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
