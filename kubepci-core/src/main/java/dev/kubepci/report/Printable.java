package dev.kubepci.report;

/**
 * Text from the input (object names, labels, values, file names, messages quoting them) made safe to print in a
 * text report: every control character is shown as a visible escape instead of reaching the terminal or document.
 * An ESC sequence could otherwise set the terminal title, clear the screen or recolour the report, a newline in a
 * name could forge report lines (a fake summary), and a bidirectional override could make text read differently
 * from what it is. Escaped: C0 controls (U+0000-U+001F, newline and tab included), DEL, C1 controls
 * (U+0080-U+009F), the bidirectional embeddings and overrides U+202A-U+202E and the isolates U+2066-U+2069.
 * Every text report (terminal, Markdown, diff, reach, who-can, access, pss) passes input text through here.
 */
public final class Printable {
  private Printable() {}

  /** {@code s} with control characters escaped ({@code \n}, {@code \t}, {@code \r}, else {@code \x1B} or {@code \u202E}); null stays null. */
  public static String text(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c <= 0xFF) {
        out.append(String.format("\\x%02X", (int) c));
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  /** True for a character {@link #text} escapes. */
  public static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
