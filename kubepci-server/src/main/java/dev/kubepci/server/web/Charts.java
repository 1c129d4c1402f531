package dev.kubepci.server.web;

import java.util.List;
import java.util.Map;

/**
 * Stacked bar charts as inline SVG, drawn on the server (the Content-Security-Policy runs no script). Every text
 * drawn is a number, a date or a fixed label, so the SVG carries nothing from a report.
 */
public final class Charts {
  static final Map<String, String> COLOURS = Map.ofEntries(
      Map.entry("CRITICAL", "#7a271a"), Map.entry("HIGH", "#d92d20"), Map.entry("MEDIUM", "#f79009"),
      Map.entry("LOW", "#98a2b3"), Map.entry("INFO", "#d0d5dd"), Map.entry("PASS", "#067647"),
      Map.entry("FAIL", "#b42318"), Map.entry("MANUAL", "#6941c6"), Map.entry("NOT_APPLICABLE", "#667085"),
      Map.entry("NOT_ASSESSED", "#b54708"));
  private static final int WIDTH = 900;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int BOTTOM = 22;

  private Charts() {}

  /**
   * One bar per point, its segments stacked in the order of {@code series}.
   *
   * @param labels the x label of each point (a date), shown for the first and last
   * @param values per point, the value of each series
   */
  public static String stackedBars(String title, List<String> series, List<String> labels,
      List<Map<String, Integer>> values) {
    int max = 1;
    for (Map<String, Integer> v : values) {
      max = Math.max(max, series.stream().mapToInt(s -> v.getOrDefault(s, 0)).sum());
    }
    int plotW = WIDTH - LEFT - 8;
    int plotH = HEIGHT - BOTTOM - 8;
    double step = values.isEmpty() ? plotW : (double) plotW / values.size();
    double barW = Math.max(1, step * 0.8);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\"><title>").append(title).append("</title>");
    sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(8 + plotH).append("\" x2=\"").append(WIDTH - 8)
        .append("\" y2=\"").append(8 + plotH).append("\" stroke=\"#98a2b3\"/>");
    for (int tick : new int[] {0, max / 2, max}) {
      double y = 8 + plotH - (double) tick / max * plotH;
      sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(tick).append("</text>");
    }
    for (int i = 0; i < values.size(); i++) {
      double x = LEFT + i * step + (step - barW) / 2;
      double y = 8 + plotH;
      for (String s : series) {
        int v = values.get(i).getOrDefault(s, 0);
        if (v == 0) {
          continue;
        }
        double h = (double) v / max * plotH;
        y -= h;
        sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
            .append(fmt(barW)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(COLOURS.get(s))
            .append("\"><title>").append(labels.get(i)).append(' ').append(s).append(": ").append(v)
            .append("</title></rect>");
      }
    }
    if (!labels.isEmpty()) {
      sb.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 6).append("\">").append(labels.get(0))
          .append("</text>");
      sb.append("<text x=\"").append(WIDTH - 8).append("\" y=\"").append(HEIGHT - 6)
          .append("\" text-anchor=\"end\">").append(labels.get(labels.size() - 1)).append("</text>");
    }
    return sb.append("</svg>").toString();
  }

  private static String fmt(double d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d);
  }
}
