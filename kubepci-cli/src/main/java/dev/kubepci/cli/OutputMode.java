package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.report.OutputFile;
import dev.kubepci.report.ReportBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How kubepci writes the files it is asked for: {@code --output-mode} (the new files' permissions, owner-only by
 * default), each file complete or absent ({@link OutputFile}), and one {@code wrote FILE (SIZE)} line per file on
 * standard error, so that standard output stays clean for the report piped from it.
 */
public final class OutputMode {
  @Option(names = "--output-mode", paramLabel = "MODE", defaultValue = "600",
      description = "Permissions of the files written, in octal. Default: ${DEFAULT-VALUE} (owner only: reports "
          + "describe the cluster's weaknesses).")
  String mode = "600";

  /** The permissions {@code --output-mode} asks for. */
  Set<PosixFilePermission> permissions() {
    if (!mode.matches("0?[0-7]{3}")) {
      throw new UserException(ExitCode.USAGE, "--output-mode: '" + mode + "' is not an octal mode such as 600 or 644");
    }
    String digits = mode.substring(mode.length() - 3);
    StringBuilder rwx = new StringBuilder();
    for (char d : digits.toCharArray()) {
      int bits = d - '0';
      rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
    }
    return PosixFilePermissions.fromString(rwx.toString());
  }

  /**
   * Writes {@code content} to {@code file}, or to standard output when {@code file} is null.
   *
   * @throws UserException (usage, exit code 2) when the file cannot be written; the message says why
   */
  void write(Environment env, String file, byte[] content, boolean quiet) {
    if (file == null) {
      print(env, new String(content, java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    try {
      OutputFile.write(Path.of(file), permissions(), content);
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
    wrote(env, file, content.length, quiet);
  }

  /** {@link #write(Environment, String, byte[], boolean)} for a report held in chunks (never copied into one array). */
  void write(Environment env, String file, ReportBuffer content, boolean quiet) {
    if (file == null) {
      print(env, content.toUtf8());
      return;
    }
    try {
      OutputFile.write(Path.of(file), permissions(), content);
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
    wrote(env, file, content.size(), quiet);
  }

  /**
   * Whether a report for {@code file} may be produced straight into it: a regular file, or one still to be created,
   * is written to a temporary file that replaces it only once complete ({@link OutputFile}), so a report that fails
   * half-way leaves the target as it was. A pipe or a device is written in place, so its report is produced in
   * memory first.
   */
  static boolean streams(String file) {
    Path p = Path.of(file);
    return !Files.exists(p) || Files.isRegularFile(p);
  }

  /**
   * Opens {@code file} for a report produced into it (see {@link #streams}); nothing appears under its name until
   * {@link #commit}.
   *
   * @throws UserException (usage, exit code 2) when the file cannot be written; the message says why
   */
  OutputFile open(String file) {
    try {
      return OutputFile.open(Path.of(file), permissions());
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }

  /**
   * Gives the file opened for {@code file} its name once {@code bytes} were written into it, and says so.
   *
   * @throws UserException (usage, exit code 2) when the file cannot be written; the message says why
   */
  void commit(Environment env, OutputFile target, String file, long bytes, boolean quiet) {
    try {
      target.commit();
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
    wrote(env, file, bytes, quiet);
  }

  private static void print(Environment env, String text) {
    env.out().print(text);
    env.out().flush(); // a write error is the command's to see (Main.run, ReportRun)
  }

  private static void wrote(Environment env, String file, long bytes, boolean quiet) {
    if (!quiet) {
      env.say("wrote " + file + " (" + size(bytes) + ")");
    }
  }

  /** {@code 812 B}, {@code 12.3 kB}, {@code 1.2 MB}. */
  static String size(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    if (bytes < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  /**
   * Refuses, before any work, a file named twice (the second report would silently replace the first) and a file
   * that is a directory or sits under a file.
   */
  static void requireDistinct(List<Path> files) {
    List<Path> seen = new ArrayList<>();
    for (Path f : files) {
      Path p = f.toAbsolutePath().normalize();
      for (Path earlier : seen) {
        if (earlier.equals(p) || sameExistingFile(earlier, p)) {
          throw new UserException(ExitCode.USAGE, f + " is named as the output of two reports; give each its own file");
        }
      }
      seen.add(p);
      if (Files.isDirectory(p)) {
        throw new UserException(ExitCode.USAGE, "cannot write " + f + ": is a directory");
      }
      for (Path parent = p.getParent(); parent != null; parent = parent.getParent()) {
        if (Files.exists(parent)) {
          if (!Files.isDirectory(parent)) {
            throw new UserException(ExitCode.USAGE, "cannot write " + f + ": " + parent + " is not a folder");
          }
          break;
        }
      }
    }
  }

  /** Refuses, before any work, an output that is also one of the {@code inputs}: it would replace it. */
  static void requireNotInput(String file, List<String> inputs) {
    Path out = Path.of(file).toAbsolutePath().normalize();
    for (String input : inputs) {
      Path in = Path.of(input).toAbsolutePath().normalize();
      if (!input.equals("-") && (in.equals(out) || sameExistingFile(in, out))) {
        throw new UserException(ExitCode.USAGE, file + " is also an input; write the output elsewhere");
      }
    }
  }

  private static boolean sameExistingFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
