package dev.kubepci.report.terminal;

import java.util.ArrayList;
import java.util.List;

/**
 * Fitting text into a terminal of a given width: word wrapping with a hanging indent, truncation with an ellipsis,
 * and tables whose columns shrink (widest first) until the table fits, their cells wrapped onto a few lines.
 * Widths count characters; input text is expected to be escaped already (no control characters).
 */
final class TextLayout {
  /** Three dots rather than U+2026: the same width in every terminal encoding, and what {@code wc}/{@code awk} count. */
  static final String ELLIPSIS = "...";
  /** A column is never made narrower than this, so that a table stays readable in a narrow terminal. */
  private static final int MIN_COLUMN = 6;
  /** A column narrower than this is left alone while wider ones can give way. */
  private static final int SHORT_COLUMN = 20;
  private static final String GAP = "  ";
  /** Characters after which a word without spaces (a path, a list) may be broken. */
  private static final String SEPARATORS = "/,;-=@:.";

  private TextLayout() {}

  /** {@code s} cut to {@code width} characters, its end replaced by an ellipsis when cut. */
  static String truncate(String s, int width) {
    if (s.length() <= width) {
      return s;
    }
    return width <= ELLIPSIS.length() ? s.substring(0, width)
        : s.substring(0, width - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /**
   * {@code text} broken at spaces into lines of at most {@code width} characters (a word longer than a line is cut
   * where the line ends); at most {@code maxLines} lines, the last one ending in an ellipsis when text was left out.
   */
  static List<String> wrap(String text, int width, int maxLines) {
    int w = Math.max(1, width);
    List<String> lines = new ArrayList<>();
    String rest = text.strip();
    while (!rest.isEmpty()) {
      if (lines.size() == maxLines - 1 || rest.length() <= w) {
        lines.add(truncate(rest, w));
        break;
      }
      int cut = breakAt(rest, w);
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    if (lines.isEmpty()) {
      lines.add("");
    }
    return lines;
  }

  /** Where to break {@code s} to keep at most {@code w} characters: a space, else after a separator, else at w. */
  private static int breakAt(String s, int w) {
    int space = s.lastIndexOf(' ', w);
    if (space > 0) {
      return space;
    }
    for (int i = w - 1; i > 0; i--) {
      if (SEPARATORS.indexOf(s.charAt(i)) >= 0) {
        return i + 1;
      }
    }
    return w;
  }

  /**
   * {@code text} wrapped to {@code width}: the first line starts with {@code first}, the others with as many spaces
   * as {@code indent}; every line ends with a newline.
   */
  static String hanging(String first, int indent, String text, int width) {
    StringBuilder sb = new StringBuilder();
    List<String> lines = wrap(text, width - Math.max(first.length(), indent), Integer.MAX_VALUE);
    for (int i = 0; i < lines.size(); i++) {
      sb.append(i == 0 ? first : " ".repeat(indent)).append(lines.get(i)).append('\n');
    }
    return sb.toString();
  }

  /** Column widths for {@code rows} under {@code header} that fit {@code width} (with the indent and gaps). */
  static int[] columnWidths(List<String> header, List<List<String>> rows, int width, int indent) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    int available = width - indent - GAP.length() * (widths.length - 1);
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    // first the long columns give way down to SHORT_COLUMN, so that short cells stay whole; then any column
    for (int floor : new int[] {SHORT_COLUMN, MIN_COLUMN}) {
      while (total > available) {
        int widest = 0;
        for (int i = 1; i < widths.length; i++) {
          if (widths[i] > widths[widest]) {
            widest = i;
          }
        }
        if (widths[widest] <= floor) {
          break;
        }
        widths[widest]--;
        total--;
      }
    }
    return widths;
  }

  /**
   * The lines of one table row: each cell wrapped to its column onto at most {@code maxLines} lines, padded so
   * that the columns line up; trailing spaces removed.
   */
  static List<String> row(List<String> cells, int[] widths, int indent, int maxLines) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<String> lines = wrap(cells.get(i), widths[i], maxLines);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    List<String> out = new ArrayList<>();
    for (int line = 0; line < height; line++) {
      StringBuilder sb = new StringBuilder(" ".repeat(indent));
      for (int i = 0; i < cells.size(); i++) {
        String part = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
        sb.append(i + 1 < cells.size() ? pad(part, widths[i]) + GAP : part);
      }
      out.add(sb.toString().stripTrailing());
    }
    return out;
  }
}
