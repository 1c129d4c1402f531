package dev.kubepci.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The store's place in the layering of STYLE.md: a back end of the result model, like the reporters. It reads
 * reports and the result model, never the engine, the collectors or the rules, and knows no front end (command
 * line or server), so that both build on it.
 */
class StoreArchitectureTest {
  private static final JavaClasses STORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(java.nio.file.Path.of("target", "classes"));

  @Test
  void readsOnlyTheResultModelAndReports() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.kubepci.engine..", "dev.kubepci.collect..", "dev.kubepci.catalog..",
            "dev.kubepci.rules..", "dev.kubepci.config..")
        .check(STORE);
  }

  @Test
  void knowsNoFrontEnd() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.kubepci.cli..", "dev.kubepci.server..", "picocli..")
        .check(STORE);
  }

  @Test
  void noGenericHelperPackages() {
    noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..").check(STORE);
  }
}
