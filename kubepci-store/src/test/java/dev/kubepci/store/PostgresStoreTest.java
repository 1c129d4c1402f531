package dev.kubepci.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.store.testing.PostgresExtension;
import dev.kubepci.store.testing.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on PostgreSQL, a real server started by the tests. */
@ExtendWith(PostgresExtension.class)
class PostgresStoreTest extends AssessmentStoreContract {
  private static PostgresServer server;

  @BeforeAll
  static void server(PostgresServer s) {
    server = s;
  }

  @Override
  StoreLocation newLocation() {
    return StoreLocation.parse(server.newDatabase(), Map.of());
  }

  @Test
  void namesADatabaseItCannotReachWithoutItsPassword() {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/kubepci?user=u&password=s3cret";
    assertThatThrownBy(() -> AssessmentStore.open(StoreLocation.parse(url, Map.of())))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to the store jdbc:postgresql://127.0.0.1:")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret");
  }

  private static int closedPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
