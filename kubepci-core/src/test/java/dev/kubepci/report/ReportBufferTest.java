package dev.kubepci.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBufferTest {
  @TempDir
  Path dir;

  @Test
  void holdsWhatWasWrittenInOrderAcrossChunks() throws IOException {
    byte[] expected = new byte[ReportBuffer.CHUNK * 3 + 12_345];
    new Random(7).nextBytes(expected);
    ReportBuffer buffer = new ReportBuffer();
    ByteArrayOutputStream same = new ByteArrayOutputStream();
    int at = 0;
    Random sizes = new Random(11);
    while (at < expected.length) {
      // single bytes, small writes and writes larger than a chunk, as a JSON generator's flushes come
      int n = Math.min(expected.length - at, sizes.nextInt(4) == 0 ? 1 : sizes.nextInt(ReportBuffer.CHUNK + 5_000));
      if (n == 1) {
        buffer.write(expected[at]);
      } else {
        buffer.write(expected, at, n);
      }
      at += n;
    }
    buffer.writeTo(same);

    assertThat(buffer.size()).isEqualTo(expected.length);
    assertThat(buffer.toByteArray()).isEqualTo(expected);
    assertThat(same.toByteArray()).isEqualTo(expected);
  }

  @Test
  void anEmptyOrSmallReport() {
    assertThat(new ReportBuffer().toByteArray()).isEmpty();
    ReportBuffer small = new ReportBuffer();
    byte[] json = "{\"ok\": true}\n".getBytes(StandardCharsets.UTF_8);
    small.write(json, 0, json.length);
    assertThat(small.toUtf8()).isEqualTo("{\"ok\": true}\n");
    assertThat(small.size()).isEqualTo(13);
  }

  @Test
  void writtenToAFileWhole() throws IOException {
    byte[] content = new byte[ReportBuffer.CHUNK + 1];
    new Random(3).nextBytes(content);
    ReportBuffer buffer = new ReportBuffer();
    buffer.write(content, 0, content.length);
    Path target = dir.resolve("report.json");

    OutputFile.write(target, OutputFile.PRIVATE, buffer);

    assertThat(Files.readAllBytes(target)).isEqualTo(content);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
