package dev.kubepci.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that does work and answers with an exit code, at any depth of the tree ({@code scan},
 * {@code evidence pack}): it runs in the environment the command line was built with.
 */
abstract class KubepciSubcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The environment of the {@code kubepci} command this one runs under. */
  final Environment env() {
    return ((KubepciCommand) spec.root().userObject()).environment();
  }
}
