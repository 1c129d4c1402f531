package dev.kubepci.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
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
 * keys, tokens, bearer credentials, passwords in URLs), values stored under keys named like a password or token, and,
 * for single values, long random-looking strings. References (environment expansions, templates, file paths,
 * secret-store URIs) and obvious non-secrets are not reported. The value itself never leaves this class: a detection
 * carries the detector's name and a keyed fingerprint of the value ({@link RedactionKey}), so that repeated values
 * can be matched without being shown.
 *
 * <p>The same scanner redacts snapshots ({@link #redactValue}, {@link #redactText}): what a report would show as
 * {@code <redacted DETECTOR hmac:FINGERPRINT>} is written in the snapshot in place of the value, and a value or line
 * that holds such a marker is read back as the detection it records. The rules therefore decide the same on a
 * snapshot as on the objects it was taken from.
 */
public final class SecretScanner {
  /** One detected secret: which detector fired and a keyed fingerprint of the value. */
  public record Detection(String detector, String fingerprint) {
    /** What reports and snapshots show instead of the value. */
    public String redacted() {
      return "<redacted " + detector + " hmac:" + fingerprint + ">";
    }

    /** e.g. {@code detector aws-access-key-id, hmac:1a2b3c4d}. */
    public String describe() {
      return "detector " + detector + ", hmac:" + fingerprint;
    }

    /** The detection a redaction marker records, when {@code text} holds one. */
    public static Optional<Detection> inMarker(String text) {
      if (text == null || !text.contains("<redacted ")) {
        return Optional.empty();
      }
      Matcher m = MARKER.matcher(text);
      return m.find() ? Optional.of(new Detection(m.group(1), m.group(2))) : Optional.empty();
    }

    /** A detector name made safe for a marker: letters, digits, {@code _ . -}. */
    public static String detectorName(String name) {
      String clean = name == null ? "" : name.replaceAll("[^A-Za-z0-9_.-]", "-");
      return clean.isEmpty() ? "secret" : clean.substring(0, Math.min(64, clean.length()));
    }
  }

  /** A detection inside multi-line text, with the 1-based line and the key that holds it (when it has one). */
  public record TextDetection(int line, String key, Detection detection) {}

  private static final Pattern MARKER = Pattern.compile("<redacted ([A-Za-z0-9_.-]{1,64}) hmac:([0-9a-f]{8})>");

  private record Format(String name, Pattern pattern, int group) {}

  private static final String PRIVATE_KEY_BEGIN =
      "-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----";
  private static final Pattern PRIVATE_KEY_END = Pattern.compile("-----END [A-Z ]*PRIVATE KEY( BLOCK)?-----");

  private static final List<Format> FORMATS = List.of(
      format("private-key", PRIVATE_KEY_BEGIN, 0),
      format("aws-access-key-id", "\\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\\b", 1),
      format("github-token", "\\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b", 1),
      format("gitlab-token", "\\b((?:glpat|gldt|glptt|glrt|glcbt|glsoat|glft|glimt|gloas)-[A-Za-z0-9_-]{20,}"
          + "|GR1348941[A-Za-z0-9_-]{20,})", 1),
      format("slack-token", "\\b(xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\\d-[A-Za-z0-9-]{10,})", 1),
      format("slack-webhook", "(https://hooks\\.slack\\.com/(?:services|workflows)/T[A-Za-z0-9_]+/[A-Za-z0-9_/]+)", 1),
      format("stripe-key", "\\b((?:sk|rk)_(?:live|test)_[0-9a-zA-Z]{16,}|whsec_[A-Za-z0-9]{24,})\\b", 1),
      format("digitalocean-token", "\\b(do[opr]_v1_[a-f0-9]{64})\\b", 1),
      format("google-api-key", "\\b(AIza[0-9A-Za-z_-]{35})", 1),
      format("sendgrid-key", "\\b(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})", 1),
      format("npm-token", "\\b(npm_[A-Za-z0-9]{36})\\b", 1),
      format("azure-storage-key", "(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/=]{40,})", 1),
      format("azure-sas-signature", "[?&;]sig=([A-Za-z0-9%+/=]{40,})", 1),
      format("azure-client-secret", "(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})"
          + "(?![A-Za-z0-9_~.-])", 1),
      format("jwt", "\\b(eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,})", 1),
      format("bearer-token", "(?i:\\bbearer)\\s+([A-Za-z0-9._~+/-]{20,}=*)(?![A-Za-z0-9._~+/=$-])", 1),
      format("password-in-url", "\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^/\\s:@\"']{1,128}:([^/\\s@\"']{1,256})@", 1));

  /** Last words of a key that mark its value as a credential. */
  private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "pwd", "secret", "token",
      "credentials", "credential", "pin", "apikey", "passcode");
  /** Endings of a key, its words joined, that mark its value as a credential. */
  private static final List<String> SECRET_COMPOUNDS = List.of("apikey", "accesskey", "secretkey", "privatekey",
      "clientsecret", "connectionstring", "authkey", "signingkey", "encryptionkey", "masterkey", "accesstoken",
      "accountkey", "sharedaccesskey", "storagekey", "passphrase", "keycontent");
  /** Providers whose {@code ..._KEY} or {@code ..._PAT} settings hold the provider's credential. */
  private static final Set<String> PROVIDER_WORDS = Set.of("azure", "oci", "oracle", "digitalocean", "slack",
      "stripe", "github", "gh", "gitlab", "gl");
  /** Last words that, after a provider's name, mark a credential: {@code STRIPE_KEY}, {@code GITLAB_PAT}. */
  private static final Set<String> PROVIDER_SECRET_WORDS = Set.of("key", "pat");
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
  /** An OCI API signing key's fingerprint: the MD5 of its public key, as {@code ~/.oci/config} writes it. */
  private static final Pattern MD5_FINGERPRINT = Pattern.compile("[0-9a-f]{2}(?::[0-9a-f]{2}){15}");
  /** A digest that names its algorithm: {@code sha256:...}, subresource integrity {@code sha512-...}. */
  private static final Pattern DIGEST_PREFIX = Pattern.compile("(?i)(sha(1|224|256|384|512)|md5|blake2b?)[-:]");
  private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern HUMPS = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final double ENTROPY_THRESHOLD = 4.3;

  private final RedactionKey key;

  public SecretScanner(RedactionKey key) {
    this.key = java.util.Objects.requireNonNull(key, "key");
  }

  private static Format format(String name, String regex, int group) {
    return new Format(name, Pattern.compile(regex), group);
  }

  /** The fingerprint of {@code value} under this scanner's key. */
  public String fingerprint(String value) {
    return key.fingerprint(value);
  }

  /** The first secret found in {@code value} stored under {@code key}, judged as one value. */
  public Optional<Detection> scanValue(String key, String value) {
    if (value == null) {
      return Optional.empty();
    }
    Matcher marker = MARKER.matcher(value.strip());
    if (marker.matches()) {
      return Optional.of(new Detection(marker.group(1), marker.group(2))); // redacted by a snapshot
    }
    Optional<Detection> byFormat = byFormat(value);
    if (byFormat.isPresent()) {
      return byFormat;
    }
    String v = unquote(value.strip());
    if (isSecretKey(key) && looksLikeValue(v)) {
      return Optional.of(detection("secret-named-key", v));
    }
    if (isOciFingerprint(key, v)) {
      return Optional.of(detection("oci-key-fingerprint", v));
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
  public List<TextDetection> scanText(String text) {
    return new ArrayList<>(textDetections(text).values().stream().map(Found::detection).toList());
  }

  /** A detection in a text, with what redacting it replaces: from {@code from} on the line, and the lines after. */
  private record Found(TextDetection detection, int from, int lastLine) {}

  private Map<Integer, Found> textDetections(String text) {
    Map<Integer, Found> byLine = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    boolean oci = text.contains("tenancy=ocid1.") || text.contains("tenancy = ocid1.");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher kv = KEY_VALUE_LINE.matcher(line);
      boolean isKv = kv.matches();
      String key = isKv ? kv.group(1) : null;
      int valueStart = isKv ? kv.start(2) : indentation(line);
      Optional<Detection> marker = Detection.inMarker(line);
      if (marker.isPresent()) {
        byLine.put(i + 1, new Found(new TextDetection(i + 1, key, marker.get()), valueStart, i));
        continue;
      }
      Optional<Detection> f = byFormat(line);
      if (f.isPresent()) {
        int last = i;
        if (f.get().detector().equals("private-key")) {
          last = blockEnd(lines, i);
          f = Optional.of(detection("private-key", String.join("\n", List.of(lines).subList(i, last + 1))));
        }
        byLine.put(i + 1, new Found(new TextDetection(i + 1, key, f.get()), valueStart, last));
        i = last;
        continue;
      }
      if (key != null && !line.strip().startsWith("#")) {
        String value = stripComment(unquote(kv.group(2)));
        if (isSecretKey(key) && looksLikeValue(value)) {
          byLine.put(i + 1, new Found(new TextDetection(i + 1, key, detection("secret-named-key", value)),
              valueStart, i));
        } else if ((oci || isOciKey(key)) && isOciFingerprint("oci_" + key, value)) {
          byLine.put(i + 1, new Found(new TextDetection(i + 1, key, detection("oci-key-fingerprint", value)),
              valueStart, i));
        }
      }
    }
    return byLine;
  }

  /** The index of the line that ends the private key block starting at {@code begin}, or {@code begin}. */
  private static int blockEnd(String[] lines, int begin) {
    for (int j = begin + 1; j < lines.length && j < begin + 200; j++) {
      if (PRIVATE_KEY_END.matcher(lines[j]).find()) {
        return j;
      }
    }
    return begin;
  }

  private static int indentation(String line) {
    int n = 0;
    while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
      n++;
    }
    return n;
  }

  /**
   * The detections of one stored value (a ConfigMap entry, an annotation): judged as a whole when it is one line, line
   * by line when it is an embedded file. A single value's detection has line 0.
   */
  public List<TextDetection> scanEntry(String key, String value) {
    if (value == null) {
      return List.of();
    }
    if (!value.strip().contains("\n")) {
      return scanValue(key, value).map(d -> List.of(new TextDetection(0, key, d))).orElse(List.of());
    }
    return scanText(value);
  }

  /** {@code value} as a snapshot keeps it: the redaction marker of its detection in place of a secret. */
  public String redactValue(String key, String value) {
    return scanValue(key, value).map(Detection::redacted).orElse(value);
  }

  /**
   * {@code text} as a snapshot keeps it: on every line that holds a secret, what follows the key (or the indentation)
   * becomes the detection's marker, and the lines of a private key block after its first are emptied. The line count
   * stays, so findings name the same lines.
   */
  public String redactText(String text) {
    Map<Integer, Found> found = textDetections(text);
    if (found.isEmpty()) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    for (Found f : found.values()) {
      int i = f.detection().line() - 1;
      if (Detection.inMarker(lines[i]).isPresent()) {
        continue;
      }
      lines[i] = lines[i].substring(0, f.from()) + f.detection().detection().redacted();
      for (int j = i + 1; j <= f.lastLine(); j++) {
        lines[j] = "";
      }
    }
    return String.join("\n", lines);
  }

  /** {@link #redactValue} for a one-line entry, {@link #redactText} for an embedded file, as {@link #scanEntry}. */
  public String redactEntry(String key, String value) {
    if (value == null) {
      return null;
    }
    return value.strip().contains("\n") ? redactText(value) : redactValue(key, value);
  }

  /**
   * True when {@code key} names a credential: its last word is password, secret, token, pin ... or it ends with a
   * compound such as apiKey, accessKey, clientSecret ({@code DB_PASSWORD}, {@code auth.token}, {@code apiKey}), or it
   * is a provider's key ({@code STRIPE_KEY}, {@code GITLAB_PAT}); and it does not start with a word that makes it a
   * switch or a reference ({@code existingSecret}, {@code enablePassword}).
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
    String last = words.get(words.size() - 1);
    if (SECRET_WORDS.contains(last)) {
      return true;
    }
    if (words.size() > 1 && PROVIDER_SECRET_WORDS.contains(last)
        && words.subList(0, words.size() - 1).stream().anyMatch(PROVIDER_WORDS::contains)) {
      return true;
    }
    String compact = String.join("", words);
    return SECRET_COMPOUNDS.stream().anyMatch(compact::endsWith);
  }

  /** True when {@code key} names Oracle Cloud settings ({@code OCI_CLI_FINGERPRINT}, {@code oci.fingerprint}). */
  private static boolean isOciKey(String key) {
    List<String> words = words(key);
    return words.contains("oci") || words.contains("oracle");
  }

  private static boolean isOciFingerprint(String key, String v) {
    return key != null && isOciKey(key) && words(key).contains("fingerprint") && MD5_FINGERPRINT.matcher(v).matches();
  }

  /** The lower-case words of a key split at separators and camelCase humps. */
  static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    for (String part : SEPARATORS.split(key)) {
      for (String w : HUMPS.split(part)) {
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
    if (!TOKEN_CHARS.matcher(v).matches() || HEX.matcher(v).matches() || UUID.matcher(v).find()
        || DIGEST_PREFIX.matcher(v).lookingAt()) {
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
    Map<Integer, Integer> counts = new HashMap<>();
    s.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double h = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  private Optional<Detection> byFormat(String text) {
    for (Format f : FORMATS) {
      Matcher m = f.pattern().matcher(text);
      while (m.find()) {
        String secret = m.group(f.group());
        if (f.name().equals("password-in-url") && !looksLikeValue(secret)) {
          continue;
        }
        if (f.name().equals("bearer-token") && !looksLikeToken(secret)) {
          continue;
        }
        if (f.name().equals("private-key")) {
          // the whole block, so that two keys have two fingerprints
          Matcher end = PRIVATE_KEY_END.matcher(text);
          secret = end.find(m.end()) ? text.substring(m.start(), end.end()) : secret;
        }
        return Optional.of(detection(f.name(), secret));
      }
    }
    return Optional.empty();
  }

  /** A bearer credential is random: letters and digits mixed, not a word or a placeholder such as {@code token}. */
  private static boolean looksLikeToken(String s) {
    long letters = s.chars().filter(Character::isLetter).count();
    long digits = s.chars().filter(Character::isDigit).count();
    return letters > 0 && digits > 0 && s.chars().distinct().count() >= 8;
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

  /** The text a base64 value (a ConfigMap's {@code binaryData}) encodes, or null when it is not text. */
  public static String decodedText(String base64) {
    try {
      String text = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
      return text.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || c >= 0x20 && c != 0xFFFD) ? text : null;
    } catch (IllegalArgumentException e) {
      return null;
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

  private Detection detection(String detector, String value) {
    return new Detection(detector, fingerprint(value));
  }
}
