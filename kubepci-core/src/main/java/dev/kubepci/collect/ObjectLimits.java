package dev.kubepci.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API server's own limits on an object, applied to what kubepci reads so that input the cluster would refuse is
 * an input error rather than a finding, and so that a hostile value cannot blow up memory or a report: the size of a
 * request (3 MiB, the API server's limit on a request body), {@code metadata.name} (253 characters), label keys and
 * values (a key is an optional DNS subdomain prefix of at most 253 characters and a name of at most 63; a value at most
 * 63), the annotations together (256 KiB), and text that is not Unicode (a lone UTF-16 surrogate such as
 * {@code "\ud800"}, which JSON's escapes can write but no encoding can store).
 */
final class ObjectLimits {
  /** The API server refuses request bodies over 3 MiB; no single object can be larger. */
  static final int MAX_OBJECT_CHARS = 3 * 1024 * 1024;
  static final int MAX_NAME = 253;
  static final int MAX_LABEL_VALUE = 63;
  static final int MAX_LABEL_NAME = 63;
  static final int MAX_ANNOTATIONS = 256 * 1024;
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private ObjectLimits() {}

  /** What makes {@code node} an object the API server would refuse, or null. */
  static String problem(JsonNode node) {
    String what = node.path("kind").asText() + " " + shorten(node.path("metadata").path("name").asText());
    Walk walk = new Walk();
    if (walk.visit(node)) {
      return what + ": " + walk.surrogatePath() + " holds a lone UTF-16 surrogate (an escape such as \\ud800 without its"
          + " pair), which is not text";
    }
    if (walk.chars > MAX_OBJECT_CHARS) {
      return what + ": the object holds more than " + MAX_OBJECT_CHARS + " characters of text, over the API server's"
          + " 3 MiB limit on a request";
    }
    JsonNode meta = node.path("metadata");
    String name = meta.path("name").asText("");
    if (name.length() > MAX_NAME) {
      return what + ": metadata.name is " + name.length() + " characters long; the API server allows " + MAX_NAME;
    }
    String labels = labelProblem(meta.path("labels"));
    if (labels != null) {
      return what + ": " + labels;
    }
    long annotations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("annotations").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      annotations += e.getKey().length() + e.getValue().asText("").length();
    }
    if (annotations > MAX_ANNOTATIONS) {
      return what + ": the annotations total " + annotations + " characters; the API server allows " + MAX_ANNOTATIONS
          + " (256 KiB)";
    }
    return null;
  }

  private static String labelProblem(JsonNode labels) {
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      int slash = key.indexOf('/');
      String prefix = slash < 0 ? null : key.substring(0, slash);
      String label = slash < 0 ? key : key.substring(slash + 1);
      if (label.isEmpty() || label.length() > MAX_LABEL_NAME || !LABEL_NAME.matcher(label).matches()
          || (prefix != null && (prefix.length() > MAX_NAME || !DNS_SUBDOMAIN.matcher(prefix).matches()))) {
        return "metadata.labels: \"" + shorten(key) + "\" is not a valid label key (an optional DNS subdomain"
            + " prefix and /, then 1 to 63 letters, digits, -, _ or . starting and ending with a letter or digit)";
      }
      String value = e.getValue().isNull() ? "" : e.getValue().asText("");
      if (value.length() > MAX_LABEL_VALUE) {
        return "metadata.labels." + shorten(key) + ": the value is " + value.length() + " characters long; the API"
            + " server allows " + MAX_LABEL_VALUE;
      }
    }
    return null;
  }

  /** A name shown in a message: long ones cut, with their length, so that a message stays short. */
  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 60) + "… (" + s.length() + " characters)";
  }

  /** One pass over the tree: total text, and where the first string or key that is not Unicode text is. */
  private static final class Walk {
    long chars;
    /** Keys and indexes down to the first string that is not text, filled on the way back up once found. */
    final java.util.ArrayDeque<Object> surrogate = new java.util.ArrayDeque<>();

    boolean visit(JsonNode node) {
      if (node.isTextual()) {
        chars += node.textValue().length();
        return hasLoneSurrogate(node.textValue());
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          chars += e.getKey().length();
          boolean badKey = hasLoneSurrogate(e.getKey());
          if (badKey || visit(e.getValue())) {
            surrogate.push(badKey ? "<a key>" : e.getKey());
            return true;
          }
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          if (visit(node.get(i))) {
            surrogate.push(i);
            return true;
          }
        }
      }
      return false;
    }

    String surrogatePath() {
      StringBuilder sb = new StringBuilder();
      for (Object segment : surrogate) {
        if (segment instanceof Integer i) {
          sb.append('[').append(i).append(']');
        } else {
          sb.append(sb.length() == 0 ? "" : ".").append(shorten((String) segment));
        }
      }
      return sb.toString();
    }
  }

  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
