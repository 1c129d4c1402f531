package dev.kubepci.waiver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kubepci.model.Provenance;
import java.time.LocalDate;

/**
 * An accepted risk: the findings of one rule (or of every rule of one best practice) on the objects its scope
 * selects are shown as WAIVED instead of FAIL, until the waiver expires. Every waiver names who approved it,
 * why, and when it ends; one that does not, or that has expired, covers nothing and is reported as an error.
 *
 * @param id optional reference shown in reports (a ticket, a change number)
 * @param rule the rule it covers, by id ({@code KPCI-0001}) or name; exactly one of rule and practice
 * @param practice the best practice it covers ({@code 3.1}): every finding counted towards it
 * @param scope which objects: namespace, kind and name patterns ({@code *} and {@code ?} wildcards)
 * @param riskAnalysis optional reference to the targeted risk analysis behind it
 * @param source where the waiver was declared, set by the loader
 */
public record Waiver(
    @JsonProperty("id") String id,
    @JsonProperty("rule") String rule,
    @JsonProperty("practice") String practice,
    @JsonProperty("scope") Scope scope,
    @JsonProperty("justification") String justification,
    @JsonProperty("approver") String approver,
    @JsonProperty("expires") LocalDate expires,
    @JsonProperty("riskAnalysis") String riskAnalysis,
    @JsonIgnore Provenance source) {

  /** The objects a waiver covers; an absent pattern matches every value. */
  public record Scope(
      @JsonProperty("namespace") String namespace,
      @JsonProperty("kind") String kind,
      @JsonProperty("name") String name) {

    public boolean isEmpty() {
      return namespace == null && kind == null && name == null;
    }

    /** {@code namespace=payments kind=Deployment name=api-*}, the parts that are set. */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      if (namespace != null) {
        sb.append("namespace=").append(namespace);
      }
      if (kind != null) {
        sb.append(sb.length() > 0 ? " " : "").append("kind=").append(kind);
      }
      if (name != null) {
        sb.append(sb.length() > 0 ? " " : "").append("name=").append(name);
      }
      return sb.toString();
    }
  }

  public Waiver withSource(Provenance where) {
    return new Waiver(id, rule, practice, scope, justification, approver, expires, riskAnalysis, where);
  }

  /** How reports name it: its id, else the rule or practice with the scope. */
  public String label() {
    if (id != null && !id.isBlank()) {
      return id;
    }
    String target = rule != null ? rule : "practice " + practice;
    return scope == null || scope.isEmpty() ? target : target + " (" + scope.describe() + ")";
  }
}
