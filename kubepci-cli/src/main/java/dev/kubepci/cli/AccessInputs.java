package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.RenderOptions;
import dev.kubepci.scan.Scanner;
import dev.kubepci.result.ProcessingError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Input and output of the RBAC query commands (who-can, access): the same PATH arguments as scan, one answer in
 * the chosen format, input errors on standard error with exit code 3 while the answer is still given.
 */
final class AccessInputs {
  static final List<String> FORMATS = List.of("terminal", "json");

  private AccessInputs() {}

  /**
   * @param namespace the namespace the question is about, null for every one: objects whose file names no namespace
   *     are put there, as {@code kubectl -n} would place them, else in {@code default}
   */
  static CollectedInput read(List<String> paths, Environment env, boolean quiet, String namespace) {
    if (paths.isEmpty()) {
      throw new UserException(ExitCode.USAGE,
          "no input given: name manifest files or directories (RBAC objects), or - for standard input");
    }
    Progress progress = new Progress(env, quiet);
    CollectedInput input = Scanner.offline(paths, env.stdin(), RenderOptions.inNamespace(namespace),
        new CollectionProgress(progress));
    progress.done();
    return input;
  }

  /** The single target of --format/--output, checked before any work. */
  static OutputOptions.Target target(OutputOptions output) {
    List<OutputOptions.Target> targets = output.targets("terminal");
    for (OutputOptions.Target t : targets) {
      if (!FORMATS.contains(t.format())) {
        throw new UserException(ExitCode.USAGE, "unknown format '" + t.format() + "' (expected one of " + FORMATS + ")");
      }
    }
    if (targets.size() != 1) {
      throw new UserException(ExitCode.USAGE, "give one --format for this command");
    }
    return targets.get(0);
  }

  static void write(String text, OutputOptions.Target target, OutputMode mode, Environment env, boolean quiet) {
    mode.write(env, target.file(), text.getBytes(StandardCharsets.UTF_8), quiet);
  }

  /** Prints input errors; the exit code for them (3), or 0 when there were none. */
  static int errors(CollectedInput input, Environment env) {
    for (ProcessingError e : input.errors()) {
      env.say(e.source().describe() + ": " + e.message());
    }
    if (!input.errors().isEmpty()) {
      env.say(input.errors().size() + " input error(s); the answer covers the rest");
      return ExitCode.INPUT_ERROR.code();
    }
    return ExitCode.OK.code();
  }
}
