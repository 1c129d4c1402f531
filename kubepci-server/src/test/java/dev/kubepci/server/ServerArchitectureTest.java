package dev.kubepci.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The server is a front end over core and the store, like the CLI, and its layers point one way. */
class ServerArchitectureTest {
  private static final JavaClasses SERVER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPath(java.nio.file.Path.of("target", "classes"));

  @Test
  void serverKnowsNoCommandLine() {
    noClasses().that().resideInAPackage("dev.kubepci.server..")
        .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.kubepci.cli..")
        .check(SERVER);
  }

  @Test
  void securityKnowsNoPagesNorIngest() {
    noClasses().that().resideInAPackage("dev.kubepci.server.security..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.kubepci.server.web..", "dev.kubepci.server.ingest..",
            "dev.kubepci.server.metrics..", "dev.kubepci.store..")
        .check(SERVER);
  }

  @Test
  void pagesReadTheDatabaseOnlyThroughTheStoreAndTheServersStores() {
    noClasses().that().resideInAnyPackage("dev.kubepci.server.web..", "dev.kubepci.server.ingest..",
        "dev.kubepci.server.metrics..")
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .check(SERVER);
  }

  @Test
  void noGenericHelperPackages() {
    noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helpers..").check(SERVER);
  }
}
