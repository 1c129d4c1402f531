package dev.kubepci.evidence;

/** Where things sit in an evidence bundle (a zip archive), and which entry names are acceptable. */
public final class BundleLayout {
  /** The DSSE envelope with the signed in-toto Statement; not itself in the manifest. */
  public static final String ENVELOPE = "signature/envelope.dsse.json";
  /** The signer's X.509 certificate chain, leaf first, when the bundle was signed with one. */
  public static final String CHAIN = "signature/chain.pem";
  /** The longest entry name accepted. */
  static final int MAX_NAME = 512;

  private BundleLayout() {}

  /** True for the entries that carry the signature rather than evidence. */
  public static boolean isSignature(String name) {
    return ENVELOPE.equals(name) || CHAIN.equals(name);
  }

  /** True for a directory entry (its name ends with a slash), which zip tools add and which holds no data. */
  public static boolean isDirectory(String name) {
    return name != null && name.endsWith("/");
  }

  /**
   * Why an entry name is unsafe or malformed, or null when it is a plain relative path: forward slashes, no empty,
   * {@code .} or {@code ..} segment, no leading slash, drive letter, backslash or control character. A directory
   * entry is checked without its final slash.
   */
  public static String problem(String name) {
    if (isDirectory(name) && name.length() > 1) {
      String dir = name.substring(0, name.length() - 1);
      return isDirectory(dir) ? "path traversal or empty segment" : problem(dir);
    }
    if (name == null || name.isEmpty()) {
      return "empty entry name";
    }
    if (name.length() > MAX_NAME) {
      return "entry name longer than " + MAX_NAME + " characters";
    }
    if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
      return "absolute or non-portable path";
    }
    for (char c : name.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        return "control character in the name";
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "path traversal or empty segment";
      }
    }
    return null;
  }
}
