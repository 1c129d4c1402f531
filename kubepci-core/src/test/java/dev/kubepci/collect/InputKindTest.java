package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a path is, as every command tells it. */
class InputKindTest {
  @TempDir
  Path dir;

  @Test
  void tellsEveryKindOfInputApart() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("Chart.yaml"), "name: c\n");
    Files.writeString(chart.resolve("kustomization.yaml"), "resources: []\n");
    Path kustomization = Files.createDirectories(dir.resolve("overlay"));
    Files.writeString(kustomization.resolve("Kustomization"), "resources: []\n");
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Path manifest = Files.writeString(dir.resolve("dump.yaml"), "kind: List\nitems: []\n");
    Path snapshot = Files.write(dir.resolve("any-name.yaml"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
    Path empty = Files.write(dir.resolve("empty.yaml"), new byte[0]);

    assertThat(InputKind.of("-")).isEqualTo(InputKind.STDIN);
    assertThat(InputKind.of(chart)).isEqualTo(InputKind.HELM_CHART);
    assertThat(InputKind.of(kustomization.toString())).isEqualTo(InputKind.KUSTOMIZATION);
    assertThat(InputKind.of(plain)).isEqualTo(InputKind.DIRECTORY);
    assertThat(InputKind.of(manifest)).isEqualTo(InputKind.MANIFESTS);
    assertThat(InputKind.of(snapshot)).isEqualTo(InputKind.SNAPSHOT);
    assertThat(InputKind.of(empty)).isEqualTo(InputKind.MANIFESTS);
    assertThat(InputKind.of(dir.resolve("absent.yaml"))).isEqualTo(InputKind.MISSING);
  }
}
