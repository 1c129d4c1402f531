package dev.kubepci.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API server URL as kubepci prints and stores it: without user information ({@code https://admin:PASSWORD@host}
 * becomes {@code https://host}) and with the values of secret-looking query parameters ({@code token},
 * {@code password}, {@code sig}, {@code X-Amz-Signature} ...) replaced by {@link #REDACTED}. The model applies it
 * where a cluster or server URL enters it ({@link ClusterInfo}, {@link Provenance}, snapshot headers), so that no
 * report, snapshot or message can carry a credential written into a kubeconfig's server URL.
 */
public final class ServerUrl {
  /** What stands in place of a secret query value. */
  public static final String REDACTED = "REDACTED";

  /** A URL inside free text: a scheme, {@code ://}, and everything up to white space or a quote. */
  private static final Pattern URL_IN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\\s\"'<>]+");
  private static final String[] SECRET_WORDS = {
      "token", "secret", "passw", "pwd", "key", "sig", "auth", "credential", "session", "cookie", "code", "pass"};

  private ServerUrl() {}

  /** {@code url} without user information and secret query values; null stays null, other text is kept. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    String out = url;
    if (scheme > 0) {
      int hostStart = scheme + 3;
      int hostEnd = hostStart;
      while (hostEnd < out.length() && "/?#".indexOf(out.charAt(hostEnd)) < 0) {
        hostEnd++;
      }
      int at = out.lastIndexOf('@', hostEnd - 1);
      if (at >= hostStart) {
        out = out.substring(0, hostStart) + out.substring(at + 1);
      }
    }
    int query = out.indexOf('?');
    if (query < 0) {
      return out;
    }
    int fragment = out.indexOf('#', query);
    int end = fragment < 0 ? out.length() : fragment;
    StringBuilder sb = new StringBuilder(out.length()).append(out, 0, query + 1);
    String[] params = out.substring(query + 1, end).split("&", -1);
    for (int i = 0; i < params.length; i++) {
      if (i > 0) {
        sb.append('&');
      }
      int eq = params[i].indexOf('=');
      String name = eq < 0 ? params[i] : params[i].substring(0, eq);
      sb.append(eq >= 0 && secret(name) ? name + "=" + REDACTED : params[i]);
    }
    return sb.append(out, end, out.length()).toString();
  }

  /** {@code text} with every URL in it {@linkplain #redact redacted}; for messages that may quote a server. */
  public static String redactIn(String text) {
    if (text == null || !text.contains("://")) {
      return text;
    }
    Matcher m = URL_IN_TEXT.matcher(text);
    StringBuilder sb = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(redact(m.group())));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static boolean secret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String w : SECRET_WORDS) {
      if (n.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
