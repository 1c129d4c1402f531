package dev.kubepci.pss;

import java.util.Collection;
import java.util.stream.Collectors;

/** Message formatting shared by the checks, kept to upstream's wording conventions. */
final class Text {
  private Text() {}

  /** Double-quotes a value the way Go's {@code %q} does for ordinary strings. */
  static String quote(String value) {
    String v = value == null ? "" : value;
    StringBuilder out = new StringBuilder(v.length() + 2).append('"');
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  static String joinQuoted(Collection<String> values) {
    return values.stream().map(Text::quote).collect(Collectors.joining(", "));
  }
}
