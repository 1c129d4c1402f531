package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kubepci.model.Coverage;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the collection of one requested kind went, as recorded in a snapshot's trailer. The reason a report gives
 * for a gap is derived from these facts here, so that a live scan, a snapshot written by kubepci and one written by
 * the kubectl script explain the same gap with the same words.
 *
 * @param read the kind as the rules name it: {@code Pod}, {@code kyverno.io/ClusterPolicy}, {@code group/*}
 * @param group the API group served ("" for core), null when the kind is not served
 * @param version the API version listed, null when not served
 * @param resource the resource listed ({@code pods}), null when not served
 * @param namespaced whether the resource is namespaced, null when not served
 * @param count objects collected
 * @param status the HTTP status of a failed list, null otherwise
 * @param message what the API server (or the transport) said when the list failed, one line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"read", "group", "version", "resource", "namespaced", "outcome", "count", "status", "message"})
public record KindReport(String read, String group, String version, String resource, Boolean namespaced,
    Outcome outcome, int count, Integer status, String message) {

  private static final Pattern USER = Pattern.compile("User \"([^\"]*)\"");

  /** What happened to a requested kind. */
  public enum Outcome {
    /** Every object was listed. */
    COLLECTED,
    /** The cluster does not serve the kind (an optional CRD that is not installed): there are none. */
    ABSENT,
    /** The API server answered 403: the identity may not list it. */
    FORBIDDEN,
    /** Discovery or the list failed (timeout, server error ...) even after retries. */
    FAILED,
    /** The kind is a configuration file (kubelet, audit, encryption ...), never served by the API. */
    NOT_IN_API;

    @JsonValue
    public String json() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public KindReport {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** {@code clusterrolebindings.rbac.authorization.k8s.io}, or the read name when the kind is not served. */
  public String qualifiedResource() {
    if (resource == null) {
      return read;
    }
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  /** The identity named by a 403 message ({@code User "jane" cannot list ...}), or null. */
  public String deniedIdentity() {
    if (message == null) {
      return null;
    }
    Matcher m = USER.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  /** What the coverage of this kind is, with the reason for people when objects may be missing. */
  public Coverage.KindStatus coverage() {
    return switch (outcome) {
      case COLLECTED -> Coverage.KindStatus.COLLECTED;
      case ABSENT -> new Coverage.KindStatus(true, "not served by this cluster, so there are none");
      case FORBIDDEN -> Coverage.KindStatus.missing("forbidden: "
          + (deniedIdentity() == null ? "the identity used" : "the identity " + deniedIdentity())
          + " cannot list " + qualifiedResource() + " (kubepci needs the list verb on " + resourceForRbac() + ")");
      case FAILED -> Coverage.KindStatus.missing("could not list " + qualifiedResource() + ": "
          + (message == null ? "unknown error" : message));
      case NOT_IN_API -> Coverage.KindStatus.missing(read + " is a configuration file, not an API object: give the "
          + "file as input next to the cluster (kubepci scan SNAPSHOT FILE)");
    };
  }

  private String resourceForRbac() {
    String g = group == null || group.isEmpty() ? "the core API group" : "API group " + group;
    return "resource " + (resource == null ? read : resource) + " in " + g
        + (Boolean.TRUE.equals(namespaced) ? ", in all namespaces" : "");
  }
}
