package dev.kubepci.rules.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rule domains (admission, image, workload ...) depend on each other one way, and none depends on the catalogue
 * package above them: what several domains share lives in core (admission readers, image references, table rows).
 */
class RulesArchitectureTest {
  private static final JavaClasses RULES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(java.nio.file.Path.of("target", "classes"));

  @Test
  void ruleDomainsAreFreeOfCycles() {
    slices().matching("dev.kubepci.rules.(*)..").should().beFreeOfCycles().check(RULES);
  }

  @Test
  void ruleDomainsDoNotDependOnTheCataloguePackage() {
    // BuiltInRules in dev.kubepci.rules lists every domain's rules, so a domain using that package closes a cycle.
    noClasses().that().resideInAPackage("dev.kubepci.rules.*..")
        .should().dependOnClassesThat().resideInAPackage("dev.kubepci.rules")
        .check(RULES);
  }
}
