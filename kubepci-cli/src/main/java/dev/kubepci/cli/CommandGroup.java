package dev.kubepci.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/**
 * A command that only groups subcommands ({@code rules}, {@code evidence}, {@code server}): run alone, it prints its
 * usage unless it says otherwise.
 */
abstract class CommandGroup implements Runnable {
  @ParentCommand
  KubepciCommand parent;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(parent.environment().out());
  }
}
