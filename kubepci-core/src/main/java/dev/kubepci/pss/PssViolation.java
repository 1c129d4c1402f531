package dev.kubepci.pss;

import java.util.Objects;

/**
 * One offending field.
 *
 * @param check the upstream check id, e.g. {@code privileged}
 * @param message upstream-style reason with detail, e.g.
 *     {@code privileged (container "app" must not set securityContext.privileged=true)}
 * @param path dotted field path from the object root, e.g.
 *     {@code spec.template.spec.containers[0].securityContext.privileged}
 */
public record PssViolation(String check, String message, String path) {
  public PssViolation {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
  }
}
