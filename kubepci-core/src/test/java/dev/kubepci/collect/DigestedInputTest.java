package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestedInputTest {
  @TempDir
  Path dir;

  private Path file(int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(dir.resolve("f" + size), bytes);
  }

  private static String expected(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void digestsEveryByteWhateverTheReaderReadSkippedOrLeft() throws Exception {
    Path file = file(100_000);
    try (DigestedInput in = DigestedInput.open(file)) {
      assertThat(in.read()).isNotNegative();
      assertThat(in.read(new byte[500], 10, 300)).isPositive();
      assertThat(in.skip(40_000)).isEqualTo(40_000);
      assertThat(in.skip(-5)).isZero();
      // the rest is left unread: finish reads it
      assertThat(in.finish()).contains(expected(file));
      assertThat(in.finish()).as("once taken, the same").contains(expected(file));
    }
    assertThat(DigestedInput.sha256(file)).isEqualTo(expected(file));
    assertThat(DigestedInput.sha256(file(0))).isEqualTo(expected(file(0)));
  }

  /** A pipe the reader stopped reading may never end: it is not read on for a digest, and has none. */
  @Test
  @org.junit.jupiter.api.Timeout(60) // before the fix, finish() read on through the 64 GB
  void aPipeIsDigestedOnlyWhenReadToItsEnd() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/usr/bin/mkfifo")));
    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start().waitFor()).isZero();
    Thread writer = new Thread(() -> {
      try (var out = Files.newOutputStream(fifo)) {
        byte[] chunk = new byte[65_536];
        for (int i = 0; i < 1_000_000; i++) {
          out.write(chunk); // 64 GB: far more than anyone waits for; ends when the reader closes the pipe
        }
      } catch (IOException e) {
        // the reader closed the pipe
      }
    });
    writer.setDaemon(true);
    writer.start();
    try (DigestedInput in = DigestedInput.open(fifo)) {
      assertThat(in.read(new byte[1000])).isPositive();
      assertThat(in.finish()).isEmpty();
    }
    writer.join(10_000);
  }

  @Test
  void refusesMarkAndReset() throws IOException {
    try (DigestedInput in = DigestedInput.open(file(10))) {
      assertThat(in.markSupported()).isFalse();
      in.mark(5);
      assertThatThrownBy(in::reset).isInstanceOf(IOException.class);
    }
  }
}
