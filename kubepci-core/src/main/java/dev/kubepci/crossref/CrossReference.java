package dev.kubepci.crossref;

import dev.kubepci.catalog.ResourceYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An informative cross-reference from the practices of a framework to the requirements of another standard (the
 * PCI DSS v4.0.1 requirements each container-guidance practice supports), each mapping with a one-line rationale.
 * It is kubepci's interpretation, never a statement by the standard's publisher; {@link #statement()} says so and
 * every report that shows it repeats it.
 *
 * @param id the standard's id ({@code pci-dss})
 * @param framework the framework whose practices are mapped
 * @param requirements the requirements referenced, in the standard's order
 * @param practices every practice of the framework with the requirements it supports
 */
public record CrossReference(String id, String version, String title, String framework, String frameworkVersion,
    String statement, List<Requirement> requirements, List<PracticeMapping> practices) {

  public CrossReference {
    requirements = requirements == null ? List.of() : List.copyOf(requirements);
    practices = practices == null ? List.of() : List.copyOf(practices);
  }

  /** A requirement of the standard. */
  public record Requirement(String id, String title) {}

  /** A practice and the requirements it supports. */
  public record PracticeMapping(String practice, List<Support> supports) {
    public PracticeMapping {
      supports = supports == null ? List.of() : List.copyOf(supports);
    }
  }

  /** One mapping: the requirement a practice supports and why, in one line. */
  public record Support(String requirement, String rationale) {}

  /** Reads a cross-reference from a class-path resource. */
  public static CrossReference fromResource(ClassLoader loader, String resource) {
    return ResourceYaml.read(loader, resource, CrossReference.class, "cross-reference");
  }

  /** What a practice supports, in file order; empty when the practice is not mapped. */
  public List<Support> supportsOf(String practice) {
    return practices.stream().filter(p -> p.practice().equals(practice)).findFirst()
        .map(PracticeMapping::supports).orElse(List.of());
  }

  /** The requirement ids a practice supports, in file order. */
  public List<String> requirementIdsOf(String practice) {
    return supportsOf(practice).stream().map(Support::requirement).toList();
  }

  /** The requirement ids the given practices support together, in the standard's order, without repeats. */
  public List<String> requirementIdsOf(List<String> practiceIds) {
    Set<String> wanted = new HashSet<>();
    practiceIds.forEach(p -> wanted.addAll(requirementIdsOf(p)));
    return requirements.stream().map(Requirement::id).filter(wanted::contains).toList();
  }

  public Optional<Requirement> requirement(String requirementId) {
    return requirements.stream().filter(r -> r.id().equals(requirementId)).findFirst();
  }

  /** For each requirement in the standard's order, the practices that support it with the rationale. */
  public Map<Requirement, Map<String, String>> byRequirement() {
    Map<Requirement, Map<String, String>> out = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      Map<String, String> practicesOf = new LinkedHashMap<>();
      for (PracticeMapping p : practices) {
        p.supports().stream().filter(s -> s.requirement().equals(r.id())).findFirst()
            .ifPresent(s -> practicesOf.put(p.practice(), s.rationale()));
      }
      out.put(r, practicesOf);
    }
    return out;
  }

  /**
   * Every problem of the file against the practice ids of its framework (in document order): practices missing,
   * unknown or repeated, mappings to undeclared requirements, requirements declared twice or never used, rationales
   * that are blank or longer than one line, and a missing statement of whose interpretation it is.
   */
  public List<String> validate(List<String> practiceIds) {
    List<String> problems = new ArrayList<>();
    if (statement == null || !statement.contains("not a statement by")) {
      problems.add("the statement must say the mapping is not a statement by the standard's publisher");
    }
    Set<String> declared = new HashSet<>();
    for (Requirement r : requirements) {
      if (!declared.add(r.id())) {
        problems.add("requirement " + r.id() + " is declared twice");
      }
      if (r.title() == null || r.title().isBlank()) {
        problems.add("requirement " + r.id() + " has no title");
      }
    }
    Set<String> used = new HashSet<>();
    List<String> mapped = new ArrayList<>();
    for (PracticeMapping p : practices) {
      if (mapped.contains(p.practice())) {
        problems.add("practice " + p.practice() + " is mapped twice");
      }
      mapped.add(p.practice());
      if (!practiceIds.contains(p.practice())) {
        problems.add("practice " + p.practice() + " is not a practice of " + framework);
      }
      if (p.supports().isEmpty()) {
        problems.add("practice " + p.practice() + " supports no requirement");
      }
      Set<String> seen = new HashSet<>();
      for (Support s : p.supports()) {
        if (!declared.contains(s.requirement())) {
          problems.add("practice " + p.practice() + " maps undeclared requirement " + s.requirement());
        }
        if (!seen.add(s.requirement())) {
          problems.add("practice " + p.practice() + " maps requirement " + s.requirement() + " twice");
        }
        used.add(s.requirement());
        if (s.rationale() == null || s.rationale().isBlank() || s.rationale().contains("\n")) {
          problems.add("practice " + p.practice() + " -> " + s.requirement() + " needs a one-line rationale");
        }
      }
    }
    practiceIds.stream().filter(id -> !mapped.contains(id))
        .forEach(id -> problems.add("practice " + id + " is not mapped"));
    if (!mapped.stream().filter(practiceIds::contains).toList()
        .equals(practiceIds.stream().filter(mapped::contains).toList())) {
      problems.add("practices are not in the framework's order");
    }
    requirements.stream().filter(r -> !used.contains(r.id()))
        .forEach(r -> problems.add("requirement " + r.id() + " is declared but no practice maps to it"));
    return problems;
  }
}
