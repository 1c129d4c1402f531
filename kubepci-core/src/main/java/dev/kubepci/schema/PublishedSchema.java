package dev.kubepci.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;

/** One published JSON schema (draft 2020-12), packaged with kubepci and applied as it is, never a copy of its rules. */
public final class PublishedSchema {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonSchema schema;

  private PublishedSchema(JsonSchema schema) {
    this.schema = schema;
  }

  /** The schema at {@code resource}, resolved as {@code owner}'s resources are; a missing one is a packaging bug. */
  public static PublishedSchema load(Class<?> owner, String resource) {
    return load(owner, resource, UnaryOperator.identity());
  }

  /**
   * The schema at {@code resource} as {@code adjust} changes it, e.g. with its root narrowed to one definition so
   * that the messages speak of that one.
   */
  public static PublishedSchema load(Class<?> owner, String resource, UnaryOperator<ObjectNode> adjust) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from kubepci's classpath");
      }
      ObjectNode root = adjust.apply((ObjectNode) MAPPER.readTree(in));
      return new PublishedSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + resource, e);
    }
  }

  /** What is wrong with {@code document}, one message per violation, sorted; empty when it follows the schema. */
  public List<String> violations(JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
