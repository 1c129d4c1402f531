package dev.kubepci.collect.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.InputException;
import dev.kubepci.model.Provenance;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots built to hurt: gzip bombs, endless lines, headers and trailers that break the published schema, and
 * trailers that claim objects the file no longer holds. Each is refused with file and line, or (a kind whose count
 * does not add up) reported as an input error with that kind not assessed, never silently complete.
 */
class HostileSnapshotTest {
  private static final String HEADER = "{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":\"SnapshotHeader\","
      + "\"formatVersion\":1,\"producer\":{\"name\":\"test\",\"version\":\"1\"},\"collectedAt\":\"2026-03-01T12:00:00Z\","
      + "\"cluster\":{\"name\":\"c\",\"server\":\"https://10.0.0.1:6443\",\"version\":{}},"
      + "\"requested\":[\"Namespace\",\"RoleBinding\"]}";
  private static final String NAMESPACE = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}";
  private static final String BINDING = "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"RoleBinding\","
      + "\"metadata\":{\"name\":\"admins\",\"namespace\":\"shop\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
      + "\"kind\":\"ClusterRole\",\"name\":\"cluster-admin\"},\"subjects\":[{\"kind\":\"Group\",\"name\":\"devs\","
      + "\"apiGroup\":\"rbac.authorization.k8s.io\"}]}";

  @TempDir
  Path dir;

  private static String trailer(int objects, int namespaces, int bindings) {
    return "{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":\"SnapshotTrailer\",\"objects\":" + objects + ",\"kinds\":["
        + "{\"read\":\"Namespace\",\"group\":\"\",\"version\":\"v1\",\"resource\":\"namespaces\",\"namespaced\":false,"
        + "\"outcome\":\"collected\",\"count\":" + namespaces + "},"
        + "{\"read\":\"RoleBinding\",\"group\":\"rbac.authorization.k8s.io\",\"version\":\"v1\",\"resource\":"
        + "\"rolebindings\",\"namespaced\":true,\"outcome\":\"collected\",\"count\":" + bindings + "}]}";
  }

  private Path gzip(String content) throws IOException {
    Path file = Files.createTempFile(dir, "snap", ".kpci.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void anHonestSnapshotReadsWithoutErrors() throws IOException {
    CollectedInput input = SnapshotInventory.read(gzip(String.join("\n", HEADER, NAMESPACE, BINDING,
        trailer(2, 1, 1)) + "\n"));
    assertThat(input.errors()).isEmpty();
    assertThat(input.inventory().coverage().gap("RoleBinding")).isEmpty();
  }

  @Test
  void refusesAGzipBombBeforeItFillsTheHeap() throws IOException {
    // 80 MiB of blank-looking lines in well under 1 MiB: one compressed 4 MiB block repeated as gzip members
    byte[] block = new byte[4 << 20];
    Arrays.fill(block, (byte) ' ');
    for (int i = 4095; i < block.length; i += 4096) {
      block[i] = '\n';
    }
    java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(member)) {
      out.write(block);
    }
    Path bomb = gzip(HEADER + "\n");
    try (OutputStream out = Files.newOutputStream(bomb, java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 20; i++) {
        member.writeTo(out);
      }
    }
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    assertThatThrownBy(() -> SnapshotInventory.read(bomb)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(bomb + ": decompresses to more than 67,108,864 bytes")
        .hasMessageContaining("gzip bomb");
  }

  @Test
  void theDecompressedLimitGrowsWithTheFileUpToFourGibibytes() {
    assertThat(SnapshotReader.decompressedLimit(1_000)).isEqualTo(64L << 20);
    assertThat(SnapshotReader.decompressedLimit(15L << 20)).isEqualTo(200 * (15L << 20));
    assertThat(SnapshotReader.decompressedLimit(1L << 40)).isEqualTo(4L << 30);
  }

  @Test
  void refusesAnEndlessLineWithItsNumber() throws IOException {
    Path file = Files.createTempFile(dir, "line", ".kpci.jsonl.gz");
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((HEADER + "\n" + NAMESPACE + "\n").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 9; i++) {
        out.write(chunk);
      }
    }
    assertThatThrownBy(() -> SnapshotInventory.read(file)).isInstanceOf(InputException.class)
        .hasMessage(file + ": line 3 is longer than 8,388,608 characters (kubepci's limit; no Kubernetes object needs "
            + "more); the snapshot was not read");
  }

  @Test
  void refusesATrailerWhoseKindsAreNull() throws IOException {
    Path file = gzip(String.join("\n", HEADER, NAMESPACE,
        "{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":\"SnapshotTrailer\",\"objects\":1,\"kinds\":null}") + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": line 3: the SnapshotTrailer does not follow the snapshot schema")
        .hasMessageContaining("kinds");
  }

  @Test
  void refusesATrailerWithAnUnknownOutcomeOrNegativeCount() throws IOException {
    Path outcome = gzip(String.join("\n", HEADER, trailer(0, 0, 0).replace("\"collected\",\"count\":0}]",
        "\"fine\",\"count\":0}]")) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(outcome))
        .hasMessageStartingWith(outcome + ": line 2: the SnapshotTrailer does not follow").hasMessageContaining("outcome");
    Path negative = gzip(String.join("\n", HEADER, trailer(0, 0, -1)) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(negative))
        .hasMessageStartingWith(negative + ": line 2: the SnapshotTrailer does not follow").hasMessageContaining("count");
  }

  @Test
  void refusesAHeaderThatBreaksTheSchema() throws IOException {
    Path noServer = gzip(HEADER.replace("\"server\":\"https://10.0.0.1:6443\",", "") + "\n" + trailer(0, 0, 0) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(noServer))
        .hasMessageStartingWith(noServer + ": line 1: the SnapshotHeader does not follow the snapshot schema")
        .hasMessageContaining("server");
    Path extra = gzip(HEADER.replace("\"formatVersion\":1,", "\"formatVersion\":1,\"trusted\":true,") + "\n"
        + trailer(0, 0, 0) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(extra))
        .hasMessageStartingWith(extra + ": line 1: the SnapshotHeader does not follow").hasMessageContaining("trusted");
    Path badTime = gzip(HEADER.replace("2026-03-01T12:00:00Z", "yesterday") + "\n" + trailer(0, 0, 0) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(badTime))
        .hasMessageStartingWith(badTime + ": line 1: the SnapshotHeader does not follow").hasMessageContaining("collectedAt");
  }

  @Test
  void refusesASecondHeaderInTheMiddle() throws IOException {
    Path file = gzip(String.join("\n", HEADER, NAMESPACE, HEADER, trailer(2, 1, 0)) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file)).hasMessage(file + ": line 3 is a second SnapshotHeader "
        + "(two snapshots joined into one file?)");
  }

  @Test
  void deletedRoleBindingsLeaveTheKindNotAssessedWithAnErrorAtTheTrailer() throws IOException {
    // the RoleBinding line is gone and the total adjusted, but the trailer still claims one RoleBinding
    Path file = gzip(String.join("\n", HEADER, NAMESPACE, trailer(1, 1, 1)) + "\n");
    CollectedInput input = SnapshotInventory.read(file);
    assertThat(input.errors()).hasSize(1);
    assertThat(input.errors().get(0).source()).isEqualTo(Provenance.ofFile(file.toString(), 0, 3));
    assertThat(input.errors().get(0).message()).isEqualTo("the trailer counts 1 RoleBinding objects but the snapshot "
        + "holds 0: the file was altered or damaged, so RoleBinding is not assessed");
    assertThat(input.inventory().coverage().gap("RoleBinding")).contains(input.errors().get(0).message());
    assertThat(input.inventory().coverage().gap("Namespace")).isEmpty();
    assertThat(input.inventory().all()).hasSize(1);
  }

  @Test
  void objectsSwappedForAnotherKindStillMiscount() throws IOException {
    // the total still adds up: a second Namespace took the RoleBinding's place
    Path file = gzip(String.join("\n", HEADER, NAMESPACE, NAMESPACE.replace("shop", "other"), trailer(2, 1, 1))
        + "\n");
    CollectedInput input = SnapshotInventory.read(file);
    assertThat(input.errors()).extracting(e -> e.message()).containsExactly(
        "the trailer counts 1 Namespace objects but the snapshot holds 2: the file was altered or damaged, so "
            + "Namespace is not assessed",
        "the trailer counts 1 RoleBinding objects but the snapshot holds 0: the file was altered or damaged, so "
            + "RoleBinding is not assessed");
    assertThat(input.inventory().coverage().gap("Namespace")).isPresent();
    assertThat(input.inventory().coverage().gap("RoleBinding")).isPresent();
  }

  @Test
  void aRequestedKindMissingFromTheTrailerIsAnError() throws IOException {
    Path file = gzip(String.join("\n", HEADER, NAMESPACE, "{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":"
        + "\"SnapshotTrailer\",\"objects\":1,\"kinds\":[]}") + "\n");
    CollectedInput input = SnapshotInventory.read(file);
    assertThat(input.errors()).extracting(e -> e.describe()).containsExactly(
        file + ":3: the header (line 1) asks for Namespace but the trailer does not say how its collection went: the "
            + "file was altered or damaged, so Namespace is not assessed",
        file + ":3: the header (line 1) asks for RoleBinding but the trailer does not say how its collection went: "
            + "the file was altered or damaged, so RoleBinding is not assessed");
    assertThat(input.inventory().coverage().gap("RoleBinding")).get().asString().contains("altered or damaged");
  }

  @Test
  void theSchemaKubepciEnforcesIsThePublishedOne() throws IOException {
    try (var packaged = SnapshotSchema.class.getResourceAsStream("kubepci-snapshot.schema.json")) {
      assertThat(packaged).isNotNull();
      assertThat(new String(packaged.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(Path.of("..", "schemas", "kubepci-snapshot.schema.json")));
    }
  }
}
