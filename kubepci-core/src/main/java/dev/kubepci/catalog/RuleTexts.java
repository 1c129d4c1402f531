package dev.kubepci.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.rule.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The prose of the rules of one package (title, rationale, remediation, references, and what shows a control on a
 * managed cluster), read from the {@value #FILE} beside their classes and keyed by rule id; the {@link RuleInfo} on
 * each class keeps what the code needs. As PMD keeps its rule descriptions in category files: the class holds the
 * logic, the file the words. Each file is read once in a run (by its URL), strictly: an unknown or missing key, an
 * empty text or a title ending with a period is an error naming the file and line.
 */
public final class RuleTexts {
  /** The file name, in the rule class's package (so a jar of third-party rules ships its own beside its classes). */
  public static final String FILE = "rules.yaml";

  private static final List<String> REQUIRED = List.of("title", "rationale", "remediation");
  private static final List<String> KEYS =
      Stream.concat(REQUIRED.stream(), Stream.of("references", "managed")).toList();

  /** A streaming reader (not a data binder: a command that only lists rules need not start one). */
  private static final YAMLFactory YAML = new YAMLFactory();

  /** Every file read so far, by its URL: read once however many rules and catalogues use it. */
  private static final ConcurrentMap<String, RuleTexts> LOADED = new ConcurrentHashMap<>();

  /**
   * One rule's texts and the line its entry starts on.
   *
   * @param managed for a rule about a component a managed provider runs: per provider, what shows the same control
   *     there, named when the component is not visible ({@link dev.kubepci.rule.NotVisible}); empty for the others
   */
  public record Entry(String title, String rationale, String remediation, List<String> references,
      Map<ManagedProvider, String> managed, int line) {}

  private static final String PROVIDERS = Arrays.stream(ManagedProvider.values()).map(Enum::name)
      .collect(Collectors.joining(", "));

  private final String file;
  private final Map<String, Entry> entries;

  private RuleTexts(String file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** The texts file of {@code ruleClass}'s package, read on first use. */
  public static RuleTexts of(Class<?> ruleClass) {
    String file = ruleClass.getPackageName().replace('.', '/') + "/" + FILE;
    URL url = ruleClass.getResource(FILE);
    if (url == null) {
      throw new IllegalStateException(ruleClass.getName() + " has no texts: " + file + " is not on the class path");
    }
    return LOADED.computeIfAbsent(url.toString(), u -> {
      try (InputStream in = url.openStream()) {
        return parse(file, in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /** The texts of the rule {@code ruleClass}, whose id is {@code id}. */
  public Entry entry(String id, Class<?> ruleClass) {
    Entry e = entries.get(id);
    if (e == null) {
      throw new IllegalStateException(file + ": no entry for " + id + ", the id of " + ruleClass.getName());
    }
    return e;
  }

  /**
   * Each entry of the files these rules use that belongs to none of them ("file:line: KPCI-0999 is no rule's id"):
   * for a complete rule set, where an entry nobody claims is a rule deleted or renumbered without its texts.
   */
  public static List<String> unclaimed(Collection<RuleDescriptor> rules) {
    Map<RuleTexts, Set<String>> claimed = new LinkedHashMap<>();
    for (RuleDescriptor d : rules) {
      claimed.computeIfAbsent(of(d.rule().getClass()), t -> new LinkedHashSet<>()).add(d.id());
    }
    List<String> problems = new ArrayList<>();
    claimed.forEach((texts, ids) -> texts.entries.forEach((id, e) -> {
      if (!ids.contains(id)) {
        problems.add(texts.file + ":" + e.line() + ": " + id + " is the id of no rule in this package");
      }
    }));
    return problems;
  }

  /**
   * What is wrong with a rule's texts, worded without the rule: a title must be non-empty without a final period,
   * rationale and remediation full sentences.
   */
  static List<String> problems(String title, String rationale, String remediation) {
    List<String> problems = new ArrayList<>();
    if (title.isBlank() || title.endsWith(".")) {
      problems.add("title must be non-empty without a final period");
    }
    if (!isSentences(rationale)) {
      problems.add("rationale must be full sentences ending with a period");
    }
    if (!isSentences(remediation)) {
      problems.add("remediation must be full sentences ending with a period");
    }
    return problems;
  }

  private static boolean isSentences(String s) {
    String t = s.strip();
    return t.length() > 20 && Character.isUpperCase(t.charAt(0)) && (t.endsWith(".") || t.endsWith(".)"));
  }

  /**
   * Reads one texts file: a mapping from rule id to {@code title}, {@code rationale}, {@code remediation} (text),
   * optional {@code references} (a list of text) and optional {@code managed} (text per {@link ManagedProvider}). Every problem is collected, then thrown together.
   *
   * @param file the name errors give
   */
  static RuleTexts parse(String file, InputStream in) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (JsonParser p = YAML.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t != null && t != JsonToken.START_OBJECT) {
        problems.add(file + ":" + line(p) + ": expected rule ids, each mapping to its texts");
      }
      while (t == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME) {
        String id = p.currentName();
        int line = line(p);
        String at = file + ":" + line + ": " + id;
        Entry previous = entries.get(id);
        if (previous != null) {
          problems.add(at + " is given twice (first on line " + previous.line() + ")");
        }
        int before = problems.size();
        Map<String, Object> values = new LinkedHashMap<>();
        if (p.nextToken() == JsonToken.START_OBJECT) {
          readEntry(p, file, id, values, problems);
        } else {
          problems.add(at + ": expected " + String.join(", ", KEYS));
          p.skipChildren();
        }
        for (String key : REQUIRED) {
          if (!values.containsKey(key)) {
            problems.add(at + ": no " + key);
          }
        }
        String title = (String) values.getOrDefault("title", "");
        String rationale = (String) values.getOrDefault("rationale", "");
        String remediation = (String) values.getOrDefault("remediation", "");
        if (problems.size() == before) {
          problems(title, rationale, remediation).forEach(problem -> problems.add(at + ": " + problem));
        }
        @SuppressWarnings("unchecked")
        List<String> references = (List<String>) values.getOrDefault("references", List.of());
        @SuppressWarnings("unchecked")
        Map<ManagedProvider, String> managed = (Map<ManagedProvider, String>) values.getOrDefault("managed", Map.of());
        if (previous == null) {
          entries.put(id, new Entry(title, rationale, remediation, references, managed, line));
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // what was read before the syntax error is not to be trusted: the syntax error alone is the problem
      problems.clear();
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(file + ":" + line + ": not YAML: " + e.getOriginalMessage().lines()
          .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).collect(Collectors.joining(": ")));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid rule texts:\n  " + String.join("\n  ", problems));
    }
    return new RuleTexts(file, Collections.unmodifiableMap(entries));
  }

  /** The keys of one entry into {@code values}: text for the three texts, a list of text for the references. */
  private static void readEntry(JsonParser p, String file, String id, Map<String, Object> values, List<String> problems)
      throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String at = file + ":" + line(p) + ": " + id + ": ";
      JsonToken value = p.nextToken();
      if (!KEYS.contains(key)) {
        problems.add(at + "unknown key '" + key + "' (expected " + String.join(", ", KEYS) + ")");
      } else if (value == JsonToken.VALUE_NULL) {
        problems.add(at + key + " is empty");
        values.put(key, key.equals("references") ? List.of() : key.equals("managed") ? Map.of() : "");
      } else if (key.equals("managed")) {
        values.put(key, readManaged(p, value, file, id, problems));
      } else if (key.equals("references")) {
        List<String> refs = new ArrayList<>();
        boolean list = value == JsonToken.START_ARRAY;
        for (JsonToken r = list ? p.nextToken() : JsonToken.END_ARRAY; r != JsonToken.END_ARRAY; r = p.nextToken()) {
          if (r == JsonToken.VALUE_STRING) {
            refs.add(nonEmpty(p, at + "a reference", problems));
          } else {
            list = false;
            p.skipChildren();
          }
        }
        if (!list) {
          problems.add(at + "references must be a list of text");
        }
        values.put(key, List.copyOf(refs));
      } else if (value == JsonToken.VALUE_STRING) {
        values.put(key, nonEmpty(p, at + key, problems));
      } else {
        problems.add(at + key + " must be text");
        values.put(key, "");
      }
      p.skipChildren();
    }
  }

  /** The {@code managed} mapping: provider name ({@code EKS}) to text. */
  private static Map<ManagedProvider, String> readManaged(JsonParser p, JsonToken value, String file, String id,
      List<String> problems) throws IOException {
    Map<ManagedProvider, String> managed = new EnumMap<>(ManagedProvider.class);
    if (value != JsonToken.START_OBJECT) {
      problems.add(file + ":" + line(p) + ": " + id + ": managed must map providers (" + PROVIDERS + ") to text");
      return managed;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      String where = file + ":" + line(p) + ": " + id + ": ";
      ManagedProvider provider = Arrays.stream(ManagedProvider.values()).filter(m -> m.name().equals(name))
          .findFirst().orElse(null);
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        problems.add(where + "managed." + name + " must be text");
        p.skipChildren();
      } else if (provider == null) {
        problems.add(where + "unknown provider '" + name + "' (expected " + PROVIDERS + ")");
      } else {
        managed.put(provider, nonEmpty(p, where + "managed." + name, problems));
      }
    }
    return Collections.unmodifiableMap(managed);
  }

  private static String nonEmpty(JsonParser p, String what, List<String> problems) throws IOException {
    String text = p.getText();
    if (text.isBlank()) {
      problems.add(what + " is empty");
    }
    return text;
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
