package dev.kubepci.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code -o FILE} and {@code --output-mode}: the one output of a command that writes one document (diff, export,
 * pss).
 */
public final class SingleOutput {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path file;

  @Mixin
  OutputMode mode;

  /** Refuses, before any work, a bad {@code --output-mode}, and a file that cannot be written or is an input. */
  void check(List<String> inputs) {
    mode.permissions();
    if (file != null) {
      OutputMode.requireDistinct(List.of(file));
      OutputMode.requireNotInput(file.toString(), inputs);
    }
  }

  /** True when the document goes to a file rather than standard output. */
  boolean toFile() {
    return file != null;
  }

  /** Writes {@code content} to the file, or to standard output. */
  void write(Environment env, byte[] content) {
    mode.write(env, file == null ? null : file.toString(), content, false);
  }
}
