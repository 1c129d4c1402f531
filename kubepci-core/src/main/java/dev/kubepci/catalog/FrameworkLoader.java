package dev.kubepci.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads framework files and checks them against the rule catalogue. */
public final class FrameworkLoader {
  private FrameworkLoader() {}

  /** Reads a framework from a class-path resource such as {@code frameworks/pci-container-guidance-1.0.yaml}. */
  public static Framework fromResource(ClassLoader loader, String resource) {
    return ResourceYaml.read(loader, resource, Framework.class, "framework");
  }

  /**
   * Every problem of the framework: duplicate or malformed ids, practices outside their area, rule ids that the
   * catalogue does not have, non-manual practices without rules, and practices that need evidence but list none.
   */
  public static List<String> validate(Framework framework, RuleCatalog catalog) {
    List<String> problems = new ArrayList<>();
    Set<String> areaIds = new HashSet<>();
    Set<String> practiceIds = new HashSet<>();
    for (Framework.Area area : framework.areas()) {
      if (!areaIds.add(area.id())) {
        problems.add("duplicate area " + area.id());
      }
      if (area.title() == null || area.title().isBlank()) {
        problems.add("area " + area.id() + " has no title");
      }
      for (Framework.Practice p : area.practices()) {
        if (p.id() == null || !p.id().matches("\\d+\\.\\d+")) {
          problems.add("practice id '" + p.id() + "' is not N.N");
          continue;
        }
        if (!practiceIds.add(p.id())) {
          problems.add("duplicate practice " + p.id());
        }
        if (!p.areaId().equals(area.id())) {
          problems.add("practice " + p.id() + " sits in area " + area.id());
        }
        if (p.title() == null || p.title().isBlank() || p.title().endsWith(".")) {
          problems.add("practice " + p.id() + " needs a title without a final period");
        }
        if (p.assessment() == null) {
          problems.add("practice " + p.id() + " has no assessment");
        } else if (p.assessment() != Framework.Assessment.manual && p.rules().isEmpty()) {
          problems.add("practice " + p.id() + " is " + p.assessment() + " but maps no rule");
        } else if (p.assessment() == Framework.Assessment.manual && !p.rules().isEmpty()) {
          problems.add("practice " + p.id() + " is manual but maps rules " + p.rules());
        }
        if (p.assessment() != Framework.Assessment.automated && p.evidence().isEmpty()) {
          problems.add("practice " + p.id() + " is not fully automated but lists no evidence to collect");
        }
        for (String rule : p.rules()) {
          if (catalog.byId(rule).isEmpty()) {
            problems.add("practice " + p.id() + " maps unknown rule " + rule);
          }
        }
      }
    }
    return problems;
  }
}
