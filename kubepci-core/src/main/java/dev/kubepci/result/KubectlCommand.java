package dev.kubepci.result;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ResourceRef;
import java.util.Locale;

/**
 * Writes the {@code kubectl} command that shows a finding's evidence on a live cluster, so an assessor can check
 * it at the source: {@code kubectl get deployment.apps -n shop web -o jsonpath='{.spec.replicas}'}. Every
 * argument taken from the input is quoted for POSIX shells, so that the command is safe to paste.
 */
public final class KubectlCommand {
  private KubectlCommand() {}

  /** Null when there is no object (a finding about the cluster as a whole). */
  public static String forEvidence(ResourceRef ref, FieldPath path) {
    if (ref == null || ref.kind() == null || ref.name() == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder("kubectl get ").append(shellQuote(resourceType(ref)));
    if (ref.namespace() != null) {
      // a value that starts with a dash (never valid in Kubernetes, possible in a hostile file) must stay a value
      sb.append(ref.namespace().startsWith("-") ? " --namespace=" : " -n ").append(shellQuote(ref.namespace()));
    }
    boolean dashed = ref.name().startsWith("-");
    if (!dashed) {
      sb.append(' ').append(shellQuote(ref.name()));
    }
    if (path == null || path.isRoot()) {
      sb.append(" -o yaml");
    } else {
      sb.append(" -o jsonpath=").append(shellQuote("{" + jsonPath(path) + "}"));
    }
    // after "--" a name is never read as an option such as --server or --kubeconfig
    return dashed ? sb.append(" -- ").append(shellQuote(ref.name())).toString() : sb.toString();
  }

  /**
   * {@code word} as one argument of a POSIX shell command: unchanged when it holds only characters no shell treats
   * specially (letters, digits and {@code @ % + = : , . / _ -}), else in single quotes, inside which nothing is
   * expanded; an embedded single quote becomes {@code '\''}. Object names come from the input, so a Pod named
   * {@code web$(touch pwned)} must stay a name when the command is pasted into a shell.
   */
  public static String shellQuote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(KubectlCommand::plain)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static boolean plain(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "@%+=:,./_-".indexOf(c) >= 0;
  }

  /** {@code kind.group} in lower case (the group makes it unambiguous), plain {@code kind} for the core group. */
  static String resourceType(ResourceRef ref) {
    String kind = ref.kind().toLowerCase(Locale.ROOT);
    return ref.group().isEmpty() ? kind : kind + "." + ref.group();
  }

  /** kubectl's JSONPath for a field path: dots inside keys are escaped with a backslash. */
  static String jsonPath(FieldPath path) {
    StringBuilder sb = new StringBuilder();
    for (Object segment : path.segments()) {
      if (segment instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        String key = segment.toString().replace("\\", "\\\\").replace(".", "\\.").replace("'", "");
        sb.append('.').append(key);
      }
    }
    return sb.toString();
  }
}
