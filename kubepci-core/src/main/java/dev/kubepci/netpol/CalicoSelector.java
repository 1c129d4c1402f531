package dev.kubepci.netpol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Calico's label selector expressions ({@code app == 'web' && has(tier)}, {@code env in {'prod','pci'}},
 * {@code !has(x) || all()}), parsed once and evaluated against a label map. {@code global()} matches only
 * non-namespaced endpoints, so never a pod.
 */
public final class CalicoSelector {
  private final String text;
  private final Predicate<Map<String, String>> predicate;

  private CalicoSelector(String text, Predicate<Map<String, String>> predicate) {
    this.text = text;
    this.predicate = predicate;
  }

  /**
   * Parses {@code text}; blank means {@code all()}.
   *
   * @throws IllegalArgumentException naming the position of a syntax error
   */
  public static CalicoSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return new CalicoSelector("all()", labels -> true);
    }
    Parser p = new Parser(text);
    Predicate<Map<String, String>> expr = p.or();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.substring(p.pos) + "'");
    }
    return new CalicoSelector(text.trim(), expr);
  }

  public boolean matches(Map<String, String> labels) {
    return predicate.test(labels);
  }

  @Override
  public String toString() {
    return text;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("Calico selector \"" + s + "\" at position " + (pos + 1) + ": " + what);
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean take(String token) {
      skipSpace();
      if (s.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    /** A word-like keyword ({@code in}, {@code not}, {@code contains}) followed by a non-identifier character. */
    boolean takeWord(String word) {
      skipSpace();
      int end = pos + word.length();
      if (s.startsWith(word, pos) && (end >= s.length() || !isKeyChar(s.charAt(end)))) {
        pos = end;
        return true;
      }
      return false;
    }

    Predicate<Map<String, String>> or() {
      return chain("||", this::and, Predicate::or);
    }

    Predicate<Map<String, String>> and() {
      return chain("&&", this::unary, Predicate::and);
    }

    /** {@code operand (op operand)*}, joined from the left: {@code ||} binds looser than {@code &&}. */
    private Predicate<Map<String, String>> chain(String op, Supplier<Predicate<Map<String, String>>> operand,
        BinaryOperator<Predicate<Map<String, String>>> join) {
      Predicate<Map<String, String>> left = operand.get();
      while (take(op)) {
        left = join.apply(left, operand.get());
      }
      return left;
    }

    Predicate<Map<String, String>> unary() {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '!' && !s.startsWith("!=", pos)) {
        pos++;
        Predicate<Map<String, String>> inner = unary();
        return labels -> !inner.test(labels);
      }
      if (take("(")) {
        Predicate<Map<String, String>> inner = or();
        if (!take(")")) {
          throw error("missing ')'");
        }
        return inner;
      }
      return term();
    }

    Predicate<Map<String, String>> term() {
      if (takeWord("all")) {
        expectCall();
        return labels -> true;
      }
      if (takeWord("global")) {
        expectCall();
        return labels -> false;
      }
      if (takeWord("has")) {
        if (!take("(")) {
          throw error("expected '(' after has");
        }
        String key = key();
        if (!take(")")) {
          throw error("expected ')' after has(" + key);
        }
        return labels -> labels.containsKey(key);
      }
      String key = key();
      if (take("==")) {
        String v = string();
        return labels -> v.equals(labels.get(key));
      }
      if (take("!=")) {
        String v = string();
        return labels -> !v.equals(labels.get(key));
      }
      if (takeWord("not")) {
        if (!takeWord("in")) {
          throw error("expected 'in' after 'not'");
        }
        List<String> set = set();
        return labels -> !set.contains(labels.get(key));
      }
      if (takeWord("in")) {
        List<String> set = set();
        return labels -> labels.containsKey(key) && set.contains(labels.get(key));
      }
      if (takeWord("contains")) {
        String v = string();
        return labels -> labels.containsKey(key) && labels.get(key).contains(v);
      }
      if (takeWord("starts")) {
        if (!takeWord("with")) {
          throw error("expected 'with' after 'starts'");
        }
        String v = string();
        return labels -> labels.containsKey(key) && labels.get(key).startsWith(v);
      }
      if (takeWord("ends")) {
        if (!takeWord("with")) {
          throw error("expected 'with' after 'ends'");
        }
        String v = string();
        return labels -> labels.containsKey(key) && labels.get(key).endsWith(v);
      }
      throw error("expected an operator after label " + key);
    }

    void expectCall() {
      if (!take("(") || !take(")")) {
        throw error("expected '()'");
      }
    }

    String key() {
      skipSpace();
      int start = pos;
      while (pos < s.length() && isKeyChar(s.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a label name");
      }
      return s.substring(start, pos);
    }

    String string() {
      skipSpace();
      if (pos >= s.length() || (s.charAt(pos) != '"' && s.charAt(pos) != '\'')) {
        throw error("expected a quoted value");
      }
      char quote = s.charAt(pos++);
      int end = s.indexOf(quote, pos);
      if (end < 0) {
        throw error("unterminated string");
      }
      String v = s.substring(pos, end);
      pos = end + 1;
      return v;
    }

    List<String> set() {
      if (!take("{")) {
        throw error("expected '{'");
      }
      List<String> values = new ArrayList<>();
      if (take("}")) {
        return values;
      }
      do {
        values.add(string());
      } while (take(","));
      if (!take("}")) {
        throw error("expected '}'");
      }
      return values;
    }

    static boolean isKeyChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '-';
    }
  }
}
