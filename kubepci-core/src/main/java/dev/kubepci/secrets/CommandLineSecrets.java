package dev.kubepci.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal secrets on a container's command line (command, then args, as the runtime joins them):
 * {@code --db-password=VALUE}, {@code --token VALUE}, and credential formats in bare words. The entropy heuristic is
 * left out: arguments are too varied for it. Used by the rule that reports them and by the snapshot writer that
 * redacts them, so that both see the same secrets.
 */
public final class CommandLineSecrets {
  private static final Pattern FLAG = Pattern.compile("^--?([A-Za-z0-9][A-Za-z0-9_.-]*)(?:=(.*))?$", Pattern.DOTALL);

  /**
   * One secret on the command line.
   *
   * @param word the index of the word that holds it
   * @param what how to name it: {@code --name}, {@code the argument after --name}, or null for a bare word
   * @param prefix what of the word is not the secret ({@code --name=}), kept when the word is redacted
   */
  public record Hit(int word, String what, String prefix, SecretScanner.Detection detection) {
    /** The word as a snapshot keeps it. */
    public String redacted() {
      return prefix + detection.redacted();
    }
  }

  private CommandLineSecrets() {}

  /** Every secret in {@code words}, in order. */
  public static List<Hit> scan(SecretScanner scanner, List<String> words) {
    List<Hit> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word == null) {
        continue;
      }
      Matcher flag = FLAG.matcher(word.strip());
      if (!flag.matches()) {
        int at = i;
        entropyFree(scanner.scanValue(null, word)).ifPresent(d -> out.add(new Hit(at, null, "", d)));
        continue;
      }
      String name = flag.group(1);
      String value = flag.group(2);
      if (value == null && SecretScanner.isSecretKey(name) && i + 1 < words.size() && words.get(i + 1) != null
          && !words.get(i + 1).startsWith("-")) {
        Optional<SecretScanner.Detection> d = entropyFree(scanner.scanValue(name, words.get(i + 1)));
        if (d.isPresent()) {
          out.add(new Hit(i + 1, "the argument after --" + name, "", d.get()));
          i++;
        }
      } else if (value != null) {
        String prefix = word.strip().substring(0, flag.start(2));
        int at = i;
        entropyFree(scanner.scanValue(name, value)).ifPresent(d -> out.add(new Hit(at, "--" + name, prefix, d)));
      }
    }
    return out;
  }

  /** {@code words} as a snapshot keeps them: every secret replaced by its redaction marker. */
  public static List<String> redact(SecretScanner scanner, List<String> words) {
    List<String> out = new ArrayList<>(words);
    for (Hit h : scan(scanner, words)) {
      out.set(h.word(), h.redacted());
    }
    return out;
  }

  private static Optional<SecretScanner.Detection> entropyFree(Optional<SecretScanner.Detection> d) {
    return d.filter(x -> !x.detector().equals("high-entropy-string"));
  }
}
