package dev.kubepci.cli;

import dev.kubepci.testing.FakeApiServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class DemoServerTest {
  @Test
  @EnabledIfSystemProperty(named = "demo", matches = "true")
  void serve() throws Exception {
    try (FakeApiServer s = LiveClusterTest.exampleCluster()) {
      if (System.getProperty("forbid") != null) {
        s.forbid(System.getProperty("forbid"));
      }
      s.writeKubeconfig(Path.of("/tmp/demo"));
      System.out.println("READY " + s.url());
      Thread.sleep(Long.getLong("seconds", 300) * 1000);
    }
  }
}
