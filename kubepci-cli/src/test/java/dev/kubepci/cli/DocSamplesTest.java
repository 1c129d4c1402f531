package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command output shown in the README, in docs/ and in the examples' READMEs comes from a real run, and this
 * test keeps it true. A sample is an HTML comment naming the command, right before a fenced block:
 *
 * <pre>
 * &lt;!-- output: scan examples/payment-platform/manifests | head 20 --&gt;
 * ```text
 * $ ./kubepci scan examples/payment-platform/manifests
 * ...what the command printed...
 * ```
 * </pre>
 *
 * The command runs in memory from the repository root, at the fixed time SOURCE_DATE_EPOCH=1767261600, piped
 * (no terminal), with COLUMNS=100 and a fixed redaction key. Filters after {@code |}: {@code head N}, {@code tail N} (with a {@code ...} line
 * where lines were cut), {@code stderr} (standard error after standard output), {@code exit N} (the expected exit
 * code). Excerpts ({@code <!-- excerpt of: ARGS -->}) keep chosen lines only, each checked to be printed. Run with
 * {@code -Dkubepci.updateSamples=true} (or UPDATE_SAMPLES=1) to rewrite the samples from fresh runs.
 */
class DocSamplesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!-- output: (.+?) -->\\s*$");
  /**
   * An excerpt: {@code <!-- excerpt of: ARGS -->} before a fenced block whose first line is the command; every other
   * line of the block, but {@code ...}, must be a line of what the command printed (spaces at the ends aside).
   */
  private static final Pattern EXCERPT = Pattern.compile("^\\s*<!-- excerpt of: (.+?) -->\\s*$");
  /** The data directory of the samples' runs: the embedded store of the history samples starts empty. */
  private static final Path DATA_HOME = emptyDataHome();
  private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1767261600", "COLUMNS", "100",
      "KUBEPCI_REDACTION_KEY", "kubepci-readme-samples-redaction-key", "HOME", "/nonexistent",
      "XDG_DATA_HOME", DATA_HOME.toAbsolutePath().toString());

  private static Path emptyDataHome() {
    try {
      Path dir = Path.of("target", "doc-samples-data");
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One sample: where it is, what it runs, and the block that shows it. */
  record Sample(Path file, int markerLine, String spec, int blockStart, int blockEnd, String shown) {}

  @TestFactory
  Stream<DynamicTest> everyExcerptIsPartOfWhatTheCommandPrints() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = EXCERPT.matcher(lines.get(i));
        if (!m.matches()) {
          continue;
        }
        int start = i + 1;
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).trim().equals("```")) {
          end++;
        }
        String spec = m.group(1).trim();
        List<String> shown = lines.subList(Math.min(start + 2, end), end);
        int at = i + 1;
        tests.add(DynamicTest.dynamicTest(ROOT.relativize(doc) + ":" + at + " " + spec, () -> {
          List<String> printed = List.of(render(spec).split("\n")).stream().map(String::strip).toList();
          for (String line : shown) {
            if (!line.strip().equals("...")) {
              assertThat(printed).as("%s line %d: a line of the excerpt is not in what %s prints", doc, at, spec)
                  .contains(line.strip());
            }
          }
        }));
        i = end;
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everySampleIsWhatTheCommandPrints() throws IOException {
    boolean update = Boolean.getBoolean("kubepci.updateSamples") || "1".equals(System.getenv("UPDATE_SAMPLES"));
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      List<Sample> samples = samples(doc, lines);
      if (update && !samples.isEmpty()) {
        // rendered in document order (the history samples build on the ones before), replaced from the end
        List<List<String>> rendered = samples.stream().map(s -> List.of(render(s.spec()).split("\n", -1))).toList();
        for (int i = samples.size() - 1; i >= 0; i--) {
          Sample s = samples.get(i);
          List<String> fresh = rendered.get(i);
          lines.subList(s.blockStart() + 1, s.blockEnd()).clear();
          lines.addAll(s.blockStart() + 1, fresh);
        }
        Files.writeString(doc, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        continue;
      }
      for (Sample s : samples) {
        tests.add(DynamicTest.dynamicTest(ROOT.relativize(doc) + ":" + (s.markerLine() + 1) + " " + s.spec(),
            () -> assertThat(s.shown())
                .as("%s line %d is stale: run the DocSamplesTest with -Dkubepci.updateSamples=true to rewrite it",
                    ROOT.relativize(s.file()), s.markerLine() + 1)
                .isEqualTo(render(s.spec()))));
      }
    }
    assertThat(update || !tests.isEmpty()).as("the README has samples").isTrue();
    return tests.stream();
  }

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @org.junit.jupiter.api.Test
  void everyLinkOfTheDocumentsPointsAtAFileAndHeadingThatExist() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      boolean fence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.trim().startsWith("```")) {
          fence = !fence;
        }
        Matcher m = LINK.matcher(line);
        while (!fence && m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*")) {
            continue;
          }
          String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
          String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
          Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
          if (!Files.exists(resolved)) {
            broken.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + target + " (no such file)");
          } else if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
            broken.add(ROOT.relativize(doc) + ":" + (i + 1) + ": " + target + " (no such heading)");
          }
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  /** The anchors a Markdown viewer gives the headings of a document. */
  static List<String> anchors(Path doc) throws IOException {
    List<String> out = new ArrayList<>();
    boolean fence = false;
    for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
      if (line.trim().startsWith("```")) {
        fence = !fence;
      }
      if (!fence && line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT);
        out.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return out;
  }

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    for (String dir : List.of("docs", "examples")) {
      Path d = ROOT.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> walk = Files.walk(d)) {
          walk.filter(p -> p.toString().endsWith(".md")).sorted(Comparator.naturalOrder()).forEach(docs::add);
        }
      }
    }
    return docs;
  }

  static List<Sample> samples(Path doc, List<String> lines) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int start = i + 1;
      if (start >= lines.size() || !lines.get(start).trim().startsWith("```")) {
        throw new AssertionError(doc + ":" + (i + 1) + ": a sample marker must be followed by a fenced block");
      }
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).trim().equals("```")) {
        end++;
      }
      if (end >= lines.size()) {
        throw new AssertionError(doc + ":" + (start + 1) + ": the fenced block of a sample is not closed");
      }
      out.add(new Sample(doc, i, m.group(1).trim(), start, end, String.join("\n", lines.subList(start + 1, end))));
      i = end;
    }
    return out;
  }

  /** What the block of this sample must show: the command line, then what it printed. */
  static String render(String spec) {
    String[] parts = spec.split("\\|");
    List<String> args = words(parts[0].trim());
    List<String> shownArgs = new ArrayList<>(args);
    List<String> run = new ArrayList<>();
    for (String a : args) {
      run.add(!a.startsWith("-") && !a.isEmpty() && Files.exists(ROOT.resolve(a)) ? ROOT.resolve(a).toString() : a);
    }
    Cli.Run result = Cli.runIn(ENV, Environment.Terminals.NONE, run.toArray(String[]::new));
    String text = result.out();
    Integer head = null;
    Integer tail = null;
    for (int i = 1; i < parts.length; i++) {
      List<String> filter = words(parts[i].trim());
      switch (filter.get(0)) {
        case "head" -> head = Integer.parseInt(filter.get(1));
        case "tail" -> tail = Integer.parseInt(filter.get(1));
        case "stderr" -> text = text + result.err();
        case "exit" -> assertThat(result.code()).as("exit code of %s%n%s", spec, result.err())
            .isEqualTo(Integer.parseInt(filter.get(1)));
        default -> throw new AssertionError("unknown sample filter: " + parts[i]);
      }
    }
    for (String a : args) {
      if (!a.startsWith("-") && !a.isEmpty() && Files.exists(ROOT.resolve(a))) {
        text = text.replace(ROOT.resolve(a).toString(), a);
      }
    }
    // a stored assessment names its inputs as an earlier sample gave them
    text = text.replace(ROOT.resolve("examples") + "/", "examples/");
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (head != null && lines.size() > head) {
      lines = new ArrayList<>(lines.subList(0, head));
      lines.add("...");
    }
    if (tail != null && lines.size() > tail) {
      List<String> last = new ArrayList<>(List.of("..."));
      last.addAll(lines.subList(lines.size() - tail, lines.size()));
      lines = last;
    }
    StringBuilder out = new StringBuilder("$ ./kubepci ").append(String.join(" ", shownArgs));
    for (String line : lines) {
      out.append('\n').append(stripTrailing(line));
    }
    return out.toString();
  }

  private static String stripTrailing(String line) {
    return line.stripTrailing();
  }

  /** Splits on spaces, keeping 'single-quoted' words whole. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(s);
    while (m.find()) {
      out.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return out;
  }

}
