package dev.kubepci.result;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;

/**
 * A rule that threw instead of deciding: a bug in kubepci, never a problem of the input. Kept apart from the input
 * errors so that the report says which rule is broken, on which object, and the rule's verdict is ERROR.
 *
 * @param resource the object the rule was checking, null for a rule over the whole inventory
 * @param source where that object was read, null for a rule over the whole inventory
 * @param message the exception, on one line
 * @param stackTrace the full stack trace, printed with {@code --debug} only (reports leave it out)
 */
public record RuleError(String rule, String name, ResourceRef resource, Provenance source, String message,
    String stackTrace) {

  /** {@code KPCI-0315 management-ingress-tls on Ingress/shop/web: java.lang.NullPointerException ...}. */
  public String describe() {
    return rule + " " + name + (resource == null ? "" : " on " + resource.displayName()) + ": " + message;
  }
}
