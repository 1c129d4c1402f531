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
      // the rest is left unread: finish reads it
      assertThat(in.finish()).isEqualTo(expected(file));
    }
    assertThat(DigestedInput.sha256(file)).isEqualTo(expected(file));
    assertThat(DigestedInput.sha256(file(0))).isEqualTo(expected(file(0)));
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
