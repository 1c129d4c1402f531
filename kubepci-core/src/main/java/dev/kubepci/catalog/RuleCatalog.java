package dev.kubepci.catalog;

import dev.kubepci.model.Resource;
import dev.kubepci.rule.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules kubepci knows, sorted by id, with their metadata validated on construction. */
public final class RuleCatalog {
  private static final Pattern ID = Pattern.compile("KPCI-\\d{4}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final List<RuleDescriptor> rules;
  private final Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
  private final Map<String, RuleDescriptor> byName = new LinkedHashMap<>();

  public RuleCatalog(Collection<? extends Rule> rules) {
    List<RuleDescriptor> list = new ArrayList<>();
    for (Rule r : rules) {
      list.add(RuleDescriptor.of(r));
    }
    list.sort(Comparator.comparing(RuleDescriptor::id));
    List<String> problems = validate(list);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid rule metadata:\n  " + String.join("\n  ", problems));
    }
    this.rules = List.copyOf(list);
    for (RuleDescriptor d : this.rules) {
      byId.put(d.id(), d);
      byName.put(d.name(), d);
    }
  }

  /**
   * The catalogue of a whole rule set, such as the built-in rules: besides what the constructor checks, every entry
   * of the texts files these rules read belongs to one of them (an entry left behind by a rule deleted or renumbered
   * is an error naming its file and line).
   */
  public static RuleCatalog complete(Collection<? extends Rule> rules) {
    RuleCatalog catalog = new RuleCatalog(rules);
    List<String> unclaimed = RuleTexts.unclaimed(catalog.rules());
    if (!unclaimed.isEmpty()) {
      throw new IllegalStateException("invalid rule texts:\n  " + String.join("\n  ", unclaimed));
    }
    return catalog;
  }

  /** Every problem with the rules' metadata; empty when all are well formed. */
  public static List<String> validate(List<RuleDescriptor> rules) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (RuleDescriptor d : rules) {
      String who = d.rule().getClass().getSimpleName();
      if (!ID.matcher(d.id()).matches()) {
        problems.add(who + ": id '" + d.id() + "' is not KPCI-NNNN");
      }
      if (!ids.add(d.id())) {
        problems.add(who + ": duplicate id " + d.id());
      }
      if (!NAME.matcher(d.name()).matches()) {
        problems.add(who + ": name '" + d.name() + "' is not lower-case-hyphenated");
      }
      if (!names.add(d.name())) {
        problems.add(who + ": duplicate name " + d.name());
      }
      RuleTexts.problems(d.title(), d.rationale(), d.remediation()).forEach(p -> problems.add(who + ": " + p));
      if (d.reads().isEmpty()) {
        problems.add(who + ": reads() must name the kinds the rule reads");
      }
      dev.kubepci.rule.RuleInfo info = d.rule().getClass().getAnnotation(dev.kubepci.rule.RuleInfo.class);
      if (d.rule() instanceof dev.kubepci.rule.WorkloadRule || info.readsWorkloads()) {
        for (String kind : info.reads()) {
          if (dev.kubepci.rule.WorkloadRule.KINDS.contains(kind)) {
            problems.add(who + ": " + kind + " is one of the workload kinds the rule reads without naming them");
          }
        }
      }
      if (info.readsNetworkPolicies()) {
        for (String kind : info.reads()) {
          if (dev.kubepci.netpol.NetworkPolicies.KINDS.contains(kind)) {
            problems.add(who + ": " + kind + " is one of the network policy kinds the rule reads without naming them");
          }
        }
      }
      try {
        if (d.rule() instanceof dev.kubepci.rule.ComponentRule<?> component) {
          if (component.components().notVisible() == null) {
            problems.add(who + ": its components() do not say what to answer when none is visible (a part of "
                + "anyOf?)");
          }
        } else if (d.rule() instanceof dev.kubepci.rule.NamespaceRule namespaces) {
          dev.kubepci.rule.NamespaceRule.table(namespaces);
        } else if (d.rule() instanceof dev.kubepci.rule.ResourceRule
            && !d.rule().getClass().isAnnotationPresent(dev.kubepci.rule.EachObject.class)
            && d.rule().getClass().getMethod("appliesTo", Resource.class).getDeclaringClass()
                == dev.kubepci.rule.ResourceRule.class) {
          problems.add(who + ": declares no @EachObject and does not say what it appliesTo()");
        }
      } catch (IllegalStateException e) {
        problems.add(who + ": what the shape needs is not declared: " + e.getMessage());
      } catch (NoSuchMethodException e) {
        throw new AssertionError("every resource rule has appliesTo", e);
      }
    }
    return problems;
  }

  public List<RuleDescriptor> rules() {
    return rules;
  }

  public Optional<RuleDescriptor> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** By id ({@code KPCI-0001}, case-insensitive) or by name ({@code privileged-container}). */
  public Optional<RuleDescriptor> find(String idOrName) {
    String key = idOrName.trim();
    RuleDescriptor d = byId.get(key.toUpperCase(java.util.Locale.ROOT));
    return d != null ? Optional.of(d) : Optional.ofNullable(byName.get(key));
  }
}
