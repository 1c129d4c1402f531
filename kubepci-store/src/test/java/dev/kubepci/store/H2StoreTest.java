package dev.kubepci.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 database, and where the embedded store lives. */
class H2StoreTest extends AssessmentStoreContract {
  @TempDir
  Path dir;

  @Override
  StoreLocation newLocation() {
    return StoreLocation.embedded(dir.resolve("data"));
  }

  @Test
  void keepsTheEmbeddedStoreInTheUsersDataDirectory() {
    assertThat(StoreLocation.defaultDirectory(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/home/u")))
        .isEqualTo(Path.of("/x/data/kubepci"));
    assertThat(StoreLocation.defaultDirectory(Map.of("HOME", "/home/u")))
        .isEqualTo(Path.of("/home/u/.local/share/kubepci"));
    assertThat(StoreLocation.parse(null, Map.of("HOME", "/home/u")).jdbcUrl())
        .isEqualTo("jdbc:h2:file:/home/u/.local/share/kubepci/history");
    assertThat(Files.exists(dir.resolve("data/history.mv.db"))).isTrue();
  }

  @Test
  void takesThePostgresqlPasswordFromTheEnvironmentWhenTheUrlHasNone() {
    Map<String, String> env = Map.of("KUBEPCI_STORE_PASSWORD", "s3cret");
    StoreLocation plain = StoreLocation.parse("jdbc:postgresql://db/kubepci?user=k", env);
    assertThat(plain.password()).isEqualTo("s3cret");
    assertThat(plain.toString()).doesNotContain("s3cret");
    assertThat(StoreLocation.parse("jdbc:postgresql://db/kubepci?user=k&password=other", env).password()).isNull();
    assertThat(StoreLocation.parse("jdbc:postgresql://db/kubepci", Map.of()).password()).isNull();
  }

  @Test
  void refusesAnUrlOfAnotherDatabaseNamingItWithoutItsPassword() {
    assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://db/x?password=s3cret", Map.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("unsupported store URL 'jdbc:mysql://db/x?password=***'")
        .hasMessageNotContaining("s3cret");
  }
}
