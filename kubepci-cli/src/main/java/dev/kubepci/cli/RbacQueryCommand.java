package dev.kubepci.cli;

import dev.kubepci.collect.CollectedInput;
import dev.kubepci.model.Inventory;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The RBAC query commands (who-can, access): check the one output target, read the RBAC objects of the PATH
 * arguments, answer in the chosen format and report input errors (exit code 3) while still answering.
 */
abstract class RbacQueryCommand extends KubepciSubcommand {
  static final String PATHS = "Manifest files or directories holding the RBAC objects, or - for standard input.";
  /** The end of each command's {@code -n} description. */
  static final String PLACED_IN_NAMESPACE = "Objects whose file names no namespace are placed in it, as kubectl -n "
      + "would (default: default).";

  @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
  boolean quiet;

  @Mixin
  OutputOptions output;

  /** Checks the arguments before any input is read; throws a usage error. */
  void checkArguments() {}

  /** The answer over the objects read, as JSON or as text. */
  abstract String render(Inventory inventory, boolean json);

  /**
   * Answers over the objects of {@code paths}; the exit code.
   *
   * @param namespace the namespace the question is about (objects without one are placed there), null for every one
   */
  final int answer(List<String> paths, String namespace) {
    Environment env = env();
    OutputOptions.Target target = AccessInputs.target(output);
    output.mode.permissions();
    if (target.file() != null) {
      OutputMode.requireNotInput(target.file(), paths);
    }
    checkArguments();
    CollectedInput input = AccessInputs.read(paths, env, quiet, namespace);
    AccessInputs.write(render(input.inventory(), "json".equals(target.format())), target, output.mode, env, quiet);
    return AccessInputs.errors(input, env);
  }
}
