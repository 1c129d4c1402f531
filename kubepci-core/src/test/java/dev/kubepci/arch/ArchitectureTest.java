package dev.kubepci.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of STYLE.md: the rule API and the model know nothing of engine, input or output, and no
 * two packages depend on each other.
 */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(java.nio.file.Path.of("target", "classes"));

  @Test
  void ruleApiAndModelDoNotDependOnEngineCollectOrReport() {
    noClasses().that().resideInAnyPackage("dev.kubepci.rule..", "dev.kubepci.model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.kubepci.engine..", "dev.kubepci.collect..", "dev.kubepci.report..")
        .check(CORE);
  }

  @Test
  void reportsReadOnlyTheResultModel() {
    noClasses().that().resideInAPackage("dev.kubepci.report..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.kubepci.engine..", "dev.kubepci.collect..", "dev.kubepci.catalog..",
            "dev.kubepci.scan..")
        .check(CORE);
  }

  @Test
  void theScanApiIsCalledByFrontEndsOnly() {
    noClasses().that().resideOutsideOfPackage("dev.kubepci.scan..")
        .should().dependOnClassesThat().resideInAPackage("dev.kubepci.scan..")
        .check(CORE);
  }

  @Test
  void governanceRecordsAreDeclarationsThatKnowNeitherResultsNorTheEngine() {
    noClasses().that().resideInAPackage("dev.kubepci.waiver..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("dev.kubepci.engine..", "dev.kubepci.collect..", "dev.kubepci.report..",
            "dev.kubepci.result..", "dev.kubepci.config..")
        .check(CORE);
  }

  @Test
  void coreKnowsNeitherTheStoreNorAFrontEnd() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("dev.kubepci.store..", "dev.kubepci.cli..", "dev.kubepci.server..")
        .check(CORE);
  }

  @Test
  void coreKnowsNoCommandLine() {
    noClasses().should().dependOnClassesThat().resideInAPackage("picocli..").check(CORE);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.kubepci.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void coreKnowsNoHttpServerNorStore() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "gg.jte..", "jakarta.servlet..", "dev.kubepci.server..",
            "dev.kubepci.store..")
        .check(CORE);
  }

  @Test
  void noGenericHelperPackages() {
    noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..").check(CORE);
  }
}
