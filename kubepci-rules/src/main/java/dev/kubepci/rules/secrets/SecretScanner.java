package dev.kubepci.rules.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal secrets in configuration values: well-known credential formats (private keys, cloud and SaaS access
 * keys, tokens, passwords in URLs), values stored under keys named like a password or token, and, for single values,
 * long random-looking strings. References (environment expansions, templates, file paths, secret-store URIs) and
 * obvious non-secrets are not reported. The value itself never leaves this class: a detection carries the detector's
 * name and the first 8 hex digits of the value's SHA-256, so that repeated values can be matched without being shown.
 */
public final class SecretScanner {
  /** One detected secret: which detector fired and a fingerprint of the value. */
  public record Detection(String detector, String fingerprint) {
    /** What reports show instead of the value. */
    public String redacted() {
      return "<redacted " + detector + " sha256:" + fingerprint + ">";
    }

    /** e.g. {@code detector aws-access-key-id, sha256:1a2b3c4d}. */
    public String describe() {
      return "detector " + detector + ", sha256:" + fingerprint;
    }
  }

  /** A detection inside multi-line text, with the 1-based line and the key that holds it (when it has one). */
  public record TextDetection(int line, String key, Detection detection) {}

  private record Format(String name, Pattern pattern, int group) {}

  private static final List<Format> FORMATS = List.of(
      format("private-key", "-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----", 0),
      format("aws-access-key-id", "\\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\\b", 1),
      format("github-token", "\\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b", 1),
      format("gitlab-token", "\\b(glpat-[A-Za-z0-9_-]{20,})", 1),
      format("slack-token", "\\b(xox[abposr]-[A-Za-z0-9-]{10,})", 1),
      format("slack-webhook", "(https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+)", 1),
      format("stripe-key", "\\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,})\\b", 1),
      format("google-api-key", "\\b(AIza[0-9A-Za-z_-]{35})", 1),
      format("sendgrid-key", "\\b(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})", 1),
      format("npm-token", "\\b(npm_[A-Za-z0-9]{36})\\b", 1),
      format("azure-storage-key", "AccountKey=([A-Za-z0-9+/=]{40,})", 1),
      format("jwt", "\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})", 1),
      format("password-in-url", "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^/\\s:@\"']{1,128}:([^/\\s@\"']{1,256})@", 1));

  /** Last words of a key that mark its value as a credential. */
  private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "pwd", "secret", "token",
      "credentials", "credential", "pin", "apikey", "passcode");
  /** Endings of a key, its words joined, that mark its value as a credential. */
  private static final List<String> SECRET_COMPOUNDS = List.of("apikey", "accesskey", "secretkey", "privatekey",
      "clientsecret", "connectionstring", "authkey", "signingkey", "encryptionkey", "masterkey", "accesstoken");
  /** Key prefixes that make a secret-sounding key a name, a reference or a switch instead of a value. */
  private static final Set<String> NOT_A_VALUE_PREFIXES = Set.of("existing", "use", "enable", "disable", "require",
      "allow", "show", "rotate", "min", "max", "mask", "hide", "skip", "no", "is", "has", "create", "auto", "generate");
  private static final Set<String> NOT_SECRETS = Set.of("", "true", "false", "yes", "no", "on", "off", "null", "nil",
      "none", "~", "-", "redacted", "<redacted>", "optional", "required", "disabled", "enabled", "empty");
  private static final Pattern REFERENCE = Pattern.compile(
      "^(\\$\\(|\\$\\{|\\$[A-Za-z_]|\\{\\{|<[^>]*>$|%\\(|/|\\./|~/|file:|vault:|ref\\+|arn:aws:(secretsmanager|ssm)|"
          + "projects/[^/]+/secrets/|https?://[^@]*$|k8s://|secretref:|akv://|awssm://|gcpsm://)");
  private static final Pattern KEY_VALUE_LINE = Pattern.compile(
      "^\\s*(?:export\\s+)?[\"']?([A-Za-z0-9_.\\-\\[\\]]{1,128})[\"']?\\s*[:=]\\s*(.*?)\\s*$");
  private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9+/=_\\-.]{20,1024}");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final double ENTROPY_THRESHOLD = 4.3;

  private SecretScanner() {}

  private static Format format(String name, String regex, int group) {
    return new Format(name, Pattern.compile(regex), group);
  }

  /** The first secret found in {@code value} stored under {@code key}, judged as one value. */
  public static Optional<Detection> scanValue(String key, String value) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Detection> byFormat = byFormat(value);
    if (byFormat.isPresent()) {
      return byFormat;
    }
    String v = unquote(value.strip());
    if (isSecretKey(key) && looksLikeValue(v)) {
      return Optional.of(detection("secret-named-key", v));
    }
    Optional<String> decoded = decodedBase64(v);
    if (decoded.isPresent()) {
      // base64 of readable text: a key format inside counts, the encoding's randomness does not (certificates)
      return byFormat(decoded.get()).map(d -> new Detection("base64-" + d.detector(), fingerprint(v)));
    }
    if (!v.contains("\n") && isHighEntropy(key, v)) {
      return Optional.of(detection("high-entropy-string", v));
    }
    return Optional.empty();
  }

  /**
   * Every secret in a multi-line text such as a configuration file: credential formats anywhere, and
   * {@code key = value} or {@code key: value} lines whose key is named like a secret. One detection per line.
   */
  public static List<TextDetection> scanText(String text) {
    Map<Integer, TextDetection> byLine = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Optional<Detection> f = byFormat(line);
      Matcher kv = KEY_VALUE_LINE.matcher(line);
      String key = kv.matches() ? kv.group(1) : null;
      if (f.isPresent()) {
        byLine.put(i + 1, new TextDetection(i + 1, key, f.get()));
        continue;
      }
      if (key != null && !line.strip().startsWith("#")) {
        String value = stripComment(unquote(kv.group(2)));
        if (isSecretKey(key) && looksLikeValue(value)) {
          byLine.put(i + 1, new TextDetection(i + 1, key, detection("secret-named-key", value)));
        }
      }
    }
    if (text.contains("-----BEGIN") && byLine.values().stream().noneMatch(d -> d.detection().detector()
        .equals("private-key"))) {
      byFormat(text).ifPresent(d -> byLine.putIfAbsent(1, new TextDetection(1, null, d)));
    }
    return List.copyOf(byLine.values());
  }

  /**
   * True when {@code key} names a credential: its last word is password, secret, token, pin ... or it ends with a
   * compound such as apiKey, accessKey, clientSecret ({@code DB_PASSWORD}, {@code auth.token}, {@code apiKey}), and
   * it does not start with a word that makes it a switch or a reference ({@code existingSecret},
   * {@code enablePassword}).
   */
  public static boolean isSecretKey(String key) {
    if (key == null) {
      return false;
    }
    int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('/'));
    List<String> words = words(cut >= 0 ? key.substring(cut + 1) : key);
    if (words.isEmpty()) {
      return false;
    }
    if (words.size() > 1 && NOT_A_VALUE_PREFIXES.contains(words.get(0))) {
      return false;
    }
    if (SECRET_WORDS.contains(words.get(words.size() - 1))) {
      return true;
    }
    String compact = String.join("", words);
    return SECRET_COMPOUNDS.stream().anyMatch(compact::endsWith);
  }

  /** The lower-case words of a key split at separators and camelCase humps. */
  static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    for (String part : key.split("[^A-Za-z0-9]+")) {
      for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")) {
        if (!w.isEmpty()) {
          out.add(w.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** True when {@code v} is a literal value rather than a reference, a switch, a path or a placeholder. */
  static boolean looksLikeValue(String v) {
    if (v == null) {
      return false;
    }
    String t = v.strip();
    if (t.length() < 4 || NOT_SECRETS.contains(t.toLowerCase(Locale.ROOT)) || REFERENCE.matcher(t).find()) {
      return false;
    }
    if (t.chars().distinct().count() == 1) {
      return false; // "****", "xxxx": a mask
    }
    return !t.contains("\n");
  }

  private static boolean isHighEntropy(String key, String v) {
    if (!TOKEN_CHARS.matcher(v).matches() || HEX.matcher(v).matches() || UUID.matcher(v).find()) {
      return false;
    }
    String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
    if (k.contains("checksum") || k.contains("hash") || k.contains("digest") || k.contains("fingerprint")
        || k.contains("image") || k.contains("version") || k.contains("revision") || k.contains("uid")
        || k.endsWith("id") || k.contains("name")) {
      return false;
    }
    if (v.contains("..") || v.startsWith(".") || v.endsWith(".") || v.chars().filter(c -> c == '.').count() > 1
        || v.chars().filter(c -> c == '-').count() > 3) {
      return false; // host names, versions and hyphenated identifiers, not key material
    }
    long upper = v.chars().filter(Character::isUpperCase).count();
    long lower = v.chars().filter(Character::isLowerCase).count();
    long digits = v.chars().filter(Character::isDigit).count();
    if (upper < 2 || lower < 2 || digits < 2) {
      return false;
    }
    return entropy(v) >= ENTROPY_THRESHOLD;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    Map<Integer, Integer> counts = new java.util.HashMap<>();
    s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double h = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  private static Optional<Detection> byFormat(String text) {
    for (Format f : FORMATS) {
      Matcher m = f.pattern().matcher(text);
      while (m.find()) {
        String secret = m.group(f.group());
        if (f.name().equals("password-in-url") && !looksLikeValue(secret)) {
          continue;
        }
        return Optional.of(detection(f.name(), secret));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> decodedBase64(String v) {
    if (v.length() < 24 || v.length() % 4 != 0 || !v.matches("[A-Za-z0-9+/]+={0,2}")) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
      return decoded.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || c >= 0x20 && c != 0xFFFD)
          ? Optional.of(decoded) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String unquote(String v) {
    String t = v.strip();
    if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }

  private static String stripComment(String v) {
    int hash = v.indexOf(" #");
    return hash >= 0 ? v.substring(0, hash).strip() : v;
  }

  private static Detection detection(String detector, String value) {
    return new Detection(detector, fingerprint(value));
  }

  /** The first 8 hex digits of the SHA-256 of {@code value}. */
  public static String fingerprint(String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
