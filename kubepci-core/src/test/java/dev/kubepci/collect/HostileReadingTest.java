package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest input built to hurt: endless lines, devices, directories that cannot be read, symbolic link loops and
 * broken links. Each ends in an error naming the file (and line) while everything else is still read; none ends in
 * an out-of-memory error or a file dropped without a word.
 */
class HostileReadingTest {
  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        namespace: shop
      spec:
        containers:
        - name: web
          image: nginx:1.27
      """;

  @TempDir
  Path dir;

  private static CollectedInput collect(String... paths) {
    return FileCollector.collect(List.of(paths), new ByteArrayInputStream(new byte[0]), n -> {});
  }

  private static List<String> names(CollectedInput input) {
    return input.inventory().all().stream().map(Resource::name).toList();
  }

  @Test
  void aLineReaderRefusesALineOverItsLimitAndStaysRefused() throws IOException {
    BoundedLineReader in = new BoundedLineReader(new StringReader("a\r\nbb\rccc\n" + "x".repeat(11) + "\nz\n"), 10);
    assertThat(in.readLine()).isEqualTo("a");
    assertThat(in.readLine()).isEqualTo("bb");
    assertThat(in.readLine()).isEqualTo("ccc");
    assertThatThrownBy(in::readLine).isInstanceOf(BoundedLineReader.LineTooLongException.class)
        .hasMessage("line 4 is longer than 10 characters (kubepci's limit; no Kubernetes object needs more)");
    assertThatThrownBy(in::readLine).isInstanceOf(BoundedLineReader.LineTooLongException.class);
  }

  @Test
  void aLineReaderReadsALineOfExactlyTheLimitAndALastLineWithoutBreak() throws IOException {
    BoundedLineReader in = new BoundedLineReader(new StringReader("x".repeat(10) + "\nlast"), 10);
    assertThat(in.readLine()).hasSize(10);
    assertThat(in.readLine()).isEqualTo("last");
    assertThat(in.readLine()).isNull();
    assertThat(in.lineCount()).isEqualTo(2);
  }

  @Test
  void anEndlessLineIsAnErrorAtItsLineAndTheOtherFilesAreStillRead() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    try (Writer w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      w.write(POD.replace("web", "before"));
      w.write("---\nkind: ConfigMap\ndata:\n  blob: ");
      char[] chunk = new char[1 << 20];
      java.util.Arrays.fill(chunk, 'a');
      for (int i = 0; i < 9; i++) {
        w.write(chunk);
      }
      w.write("\n");
    }
    Path fine = dir.resolve("fine.yaml");
    Files.writeString(fine, POD);

    CollectedInput input = collect(huge.toString(), fine.toString());

    assertThat(names(input)).containsExactly("before", "web");
    assertThat(input.errors()).containsExactly(new ProcessingError(Provenance.ofFile(huge.toString(), 0, 13),
        "line 13 is longer than 8,388,608 characters (kubepci's limit; no Kubernetes object needs more); the rest of "
            + "the file was not read"));
  }

  @Test
  void aCharacterDeviceIsRefusedByName() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
    assertThatThrownBy(() -> collect("/dev/zero")).isInstanceOf(InputException.class)
        .hasMessage("/dev/zero is a character device, not a file kubepci reads; give manifests as files, or pipe "
            + "them into standard input (-)");
  }

  @Test
  void aPathThatDoesNotExistOrABrokenLinkIsNamed() throws IOException {
    assertThatThrownBy(() -> collect(dir.resolve("nope.yaml").toString())).isInstanceOf(InputException.class)
        .hasMessage("no such file or directory: " + dir.resolve("nope.yaml"));
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("gone.yaml"));
    assertThatThrownBy(() -> collect(link.toString())).isInstanceOf(InputException.class)
        .hasMessage(link + " is a broken symbolic link (it points to " + dir.resolve("gone.yaml")
            + ", which does not exist)");
  }

  @Test
  void aSymlinkedDirectoryIsFollowedAndALoopIsReportedOnce() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.writeString(shared.resolve("pod.yaml"), POD.replace("web", "shared-pod"));
    Path root = Files.createDirectories(dir.resolve("manifests"));
    Files.writeString(root.resolve("own.yaml"), POD);
    Files.createSymbolicLink(root.resolve("linked"), shared);
    Files.createSymbolicLink(shared.resolve("back"), root); // manifests/linked/back -> manifests: a loop

    CollectedInput input = collect(root.toString());

    assertThat(names(input)).containsExactly("shared-pod", "web");
    assertThat(input.errors()).containsExactly(new ProcessingError(
        Provenance.ofFile(root.resolve("linked").resolve("back").toString(), 0, 0),
        "symbolic link loop (it leads back to a directory being read); not followed again"));
  }

  @Test
  void aBrokenLinkOrAFifoWithAManifestNameInADirectoryIsReported() throws Exception {
    Path root = Files.createDirectories(dir.resolve("m"));
    Files.writeString(root.resolve("ok.yaml"), POD);
    Files.createSymbolicLink(root.resolve("broken.yaml"), root.resolve("missing.yaml"));
    boolean fifo = new ProcessBuilder("mkfifo", root.resolve("pipe.yaml").toString()).start().waitFor() == 0;

    CollectedInput input = collect(root.toString());

    assertThat(names(input)).containsExactly("web");
    List<String> errors = new ArrayList<>(input.errors().stream().map(ProcessingError::describe).toList());
    assertThat(errors).contains(root.resolve("broken.yaml") + ": broken symbolic link (it points to "
        + root.resolve("missing.yaml") + ", which does not exist); not read");
    if (fifo) {
      assertThat(errors).contains(root.resolve("pipe.yaml") + ": is a FIFO, not a regular file; not read");
    }
  }

  /**
   * Permission denied cannot be staged for root, who reads mode-000 directories (CI runs as root); the test then
   * stops at the assumption instead of asserting something untrue.
   */
  @Test
  void anUnreadableSubdirectoryIsAnErrorAndTheRestIsRead() throws IOException {
    Path root = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(root.resolve("a.yaml"), POD);
    Path secret = Files.createDirectories(root.resolve("locked"));
    Files.writeString(secret.resolve("b.yaml"), POD.replace("web", "locked-pod"));
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(!Files.isReadable(secret), "running as root: a mode-000 directory stays readable");
      CollectedInput input = collect(root.toString());
      assertThat(names(input)).containsExactly("web");
      assertThat(input.errors()).containsExactly(new ProcessingError(Provenance.ofFile(secret.toString(), 0, 0),
          "cannot read: permission denied; the files under it were not assessed"));
    } finally {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void aDirectoryOfOnlyProblemsIsNotCalledEmpty() throws IOException {
    Path root = Files.createDirectories(dir.resolve("only-broken"));
    Files.createSymbolicLink(root.resolve("x.yaml"), root.resolve("nowhere.yaml"));
    CollectedInput input = collect(root.toString(), Files.writeString(dir.resolve("p.yaml"), POD).toString());
    assertThat(input.errors()).hasSize(1);
    assertThat(input.errors().get(0).message()).startsWith("broken symbolic link");
  }
}
