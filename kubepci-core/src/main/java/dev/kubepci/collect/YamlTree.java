package dev.kubepci.collect;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds the JSON trees of one YAML document from its parser, resolving anchors ({@code &a}), aliases ({@code *a})
 * and merge keys ({@code <<: *a}, {@code <<: [*a, *b]}) the way kubectl and the API server read them
 * ({@code sigs.k8s.io/yaml}, which decodes with go-yaml v2): a merge key copies the keys of the mapping (or of each
 * mapping of the sequence, the first one winning) into the mapping at the place where it stands, so keys written
 * after it override merged ones. A key written before the merge key is overridden by a merged one; YAML 1.1 would
 * keep the explicit key, but what the cluster runs is what kubectl sends.
 *
 * <p>Alias expansion is bounded as go-yaml bounds it, so that an alias bomb (a billion laughs) is an input error and
 * not an exhausted heap: when more than 100 values of a document came from aliases and they make up more than the
 * allowed share of all its values (99% up to 400,000 values, falling to 10% at 4,000,000), the document is refused.
 *
 * <p>Jackson's YAML parser reports an alias as a string holding the anchor name; this class is what turns it into
 * the anchored value. Anchors are scoped to one document; one instance serves one document.
 */
final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String MERGE = "<<";
  private static final long RATIO_LOW = 400_000;
  private static final long RATIO_HIGH = 4_000_000;

  private final boolean yaml;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private long values;
  private long aliased;

  /** @param yaml true for a YAML document; JSON has no merge keys ({@code "<<"} is an ordinary key there) */
  YamlTree(boolean yaml) {
    this.yaml = yaml;
  }

  /** Reads the value the parser is on (its first token already read), anchors and aliases resolved. */
  JsonNode read(JsonParser parser) throws IOException {
    String anchor = anchorOf(parser);
    JsonNode node;
    JsonToken t = parser.currentToken();
    if (t == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      count(parser, 1);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        JsonNode value = read(parser);
        put(parser, object, field, value);
      }
      node = object;
    } else if (t == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      count(parser, 1);
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(parser));
      }
      node = array;
    } else if (isAlias(parser)) {
      return alias(parser, parser.getText());
    } else {
      count(parser, 1);
      node = scalar(parser, t);
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /**
   * Sets {@code field} of {@code object} to {@code value} as a mapping key of the document: a merge key copies the
   * merged mapping(s) in instead.
   */
  void put(JsonParser parser, ObjectNode object, String field, JsonNode value) throws IOException {
    if (!yaml || !MERGE.equals(field)) {
      object.set(field, value);
      return;
    }
    if (value instanceof ObjectNode merged) {
      merged.properties().forEach(e -> object.set(e.getKey(), e.getValue()));
      return;
    }
    if (value instanceof ArrayNode list && allObjects(list)) {
      // go-yaml steps backwards: the earlier mappings of the list take precedence
      for (int i = list.size() - 1; i >= 0; i--) {
        list.get(i).properties().forEach(e -> object.set(e.getKey(), e.getValue()));
      }
      return;
    }
    throw new JsonParseException(parser, "the merge key << needs a mapping or a list of mappings as its value");
  }

  private static boolean allObjects(ArrayNode list) {
    for (JsonNode n : list) {
      if (!n.isObject()) {
        return false;
      }
    }
    return true;
  }

  private JsonNode alias(JsonParser parser, String name) throws IOException {
    JsonNode target = anchors.get(name);
    if (target == null) {
      throw new JsonParseException(parser, "unknown anchor '" + name + "' referenced by the alias *" + name
          + " (an anchor must be defined earlier in the same document, and a value cannot contain itself)");
    }
    return copy(parser, target);
  }

  /** A copy of an anchored value, counted as values that came from an alias. */
  private JsonNode copy(JsonParser parser, JsonNode node) throws IOException {
    count(parser, 1);
    aliased++;
    checkAliasing(parser);
    if (node instanceof ObjectNode object) {
      ObjectNode copy = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        copy.set(e.getKey(), copy(parser, e.getValue()));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = NODES.arrayNode(array.size());
      for (JsonNode n : array) {
        copy.add(copy(parser, n));
      }
      return copy;
    }
    return node; // scalars are immutable
  }

  private void count(JsonParser parser, int n) throws JsonParseException {
    values += n;
    checkAliasing(parser);
  }

  private void checkAliasing(JsonParser parser) throws JsonParseException {
    if (aliased > 100 && values > 1000 && (double) aliased / values > allowedAliasRatio(values)) {
      throw new JsonParseException(parser, "the document expands aliases excessively (" + aliased
          + " of its " + values + " values come from aliases); refused as an alias bomb");
    }
  }

  /** go-yaml's bound: 99% of the values may come from aliases up to 400,000 values, 10% from 4,000,000. */
  private static double allowedAliasRatio(long decoded) {
    if (decoded <= RATIO_LOW) {
      return 0.99;
    }
    if (decoded >= RATIO_HIGH) {
      return 0.10;
    }
    return 0.99 - 0.89 * ((double) (decoded - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
  }

  private static String anchorOf(JsonParser parser) throws IOException {
    if (parser instanceof YAMLParser yaml && !yaml.isCurrentAlias()) {
      return yaml.getObjectId();
    }
    return null;
  }

  private static boolean isAlias(JsonParser parser) {
    return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
  }

  private static JsonNode scalar(JsonParser parser, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_EMBEDDED_OBJECT -> embedded(parser);
      default -> throw new JsonParseException(parser, "unexpected " + t);
    };
  }

  private static JsonNode embedded(JsonParser parser) throws IOException {
    Object o = parser.getEmbeddedObject();
    if (o instanceof byte[] bytes) {
      return NODES.binaryNode(bytes);
    }
    return o == null ? NODES.nullNode() : NODES.pojoNode(o);
  }
}
