package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandsTest {
  @Test
  void helpAndVersionEverywhere() {
    for (String[] args : new String[][] {{"--help"}, {"scan", "--help"}, {"rules", "list", "--help"},
        {"rules", "explain", "--help"}, {"framework", "--help"}}) {
      Cli.Run run = Cli.run(args);
      assertThat(run.code()).isZero();
      assertThat(run.out()).startsWith("Usage: kubepci");
    }
    assertThat(Cli.run("--version").out()).startsWith("kubepci ");
    assertThat(Cli.run("scan", "--version").out()).startsWith("kubepci ");
    assertThat(Cli.run("--help").out()).contains("Exit codes: 0 clean");
  }

  @Test
  void theQuickVersionPrintsWhatPicocliPrints() {
    java.io.StringWriter out = new java.io.StringWriter();
    Environment env = new Environment(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.ByteArrayInputStream(new byte[0]), java.util.Map.of(), java.time.Clock.systemUTC());
    assertThat(Main.commandLine(env).execute("--version")).isZero();
    assertThat(Cli.run("--version").out()).isEqualTo(out.toString());
    assertThat(Cli.run("-V").out()).isEqualTo(out.toString());
  }

  @Test
  void aRunOfOneCommandBuildsOnlyThatCommand() {
    Environment env = new Environment(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), new java.io.ByteArrayInputStream(new byte[0]),
        java.util.Map.of(), java.time.Clock.systemUTC());
    assertThat(Main.commandLine(env, new String[] {"--debug", "scan", "rules"}).getSubcommands())
        .containsOnlyKeys("scan");
    assertThat(Main.commandLine(env, new String[] {"who-can", "get", "secrets"}).getSubcommands())
        .containsOnlyKeys("who-can");
    for (String[] whole : new String[][] {{}, {"--help"}, {"help", "scan"}, {"scna"}, {"-h", "scan"}, {"--", "scan"}}) {
      assertThat(Main.commandLine(env, whole).getSubcommands().keySet()).as(String.join(" ", whole))
          .containsExactlyElementsOf(KubepciCommand.SUBCOMMANDS.keySet());
    }
    assertThat(Main.commandLine(env).getSubcommands().keySet())
        .containsExactlyElementsOf(KubepciCommand.SUBCOMMANDS.keySet());
    // the names the tree is built by are the commands' own
    KubepciCommand.SUBCOMMANDS.forEach((name, type) ->
        assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));
    // the inherited --debug reaches a command added alone
    assertThat(Main.commandLine(env, new String[] {"scan"}).getSubcommands().get("scan").getCommandSpec()
        .findOption("--debug")).isNotNull();
  }

  @Test
  void debugBeforeOrAfterTheCommandGivesTheRunStackTraces() {
    Environment env = new Environment(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), new java.io.ByteArrayInputStream(new byte[0]),
        java.util.Map.of(), java.time.Clock.systemUTC());
    for (String[] args : new String[][] {{"--debug", "scan", "x"}, {"scan", "x", "--debug"},
        {"evidence", "verify", "--debug", "x.zip", "--ca", "ca.pem"}}) {
      picocli.CommandLine cli = Main.commandLine(env, args);
      cli.parseArgs(args);
      assertThat(((KubepciCommand) cli.getCommand()).environment().debug()).as(String.join(" ", args)).isTrue();
    }
    picocli.CommandLine plain = Main.commandLine(env, new String[] {"scan", "x"});
    plain.parseArgs("scan", "x");
    assertThat(((KubepciCommand) plain.getCommand()).environment().debug()).isFalse();
  }

  @Test
  void helpNamesEveryCommand() {
    Cli.Run run = Cli.run("help");
    assertThat(run.code()).isZero();
    KubepciCommand.SUBCOMMANDS.keySet().forEach(name -> assertThat(run.out()).contains("  " + name + " "));
    assertThat(Cli.run("help", "scan").out()).isEqualTo(Cli.run("scan", "--help").out());
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Run run = Cli.run();
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("a command is required");
  }

  @Test
  void unknownCommandSuggestsAlternatives() {
    Cli.Run run = Cli.run("scna");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("scan");
  }

  @Test
  void rulesListShowsEveryRuleWithItsPractices() {
    Cli.Run run = Cli.run("rules", "list");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("KPCI-0001  privileged-container").contains("3.1");
  }

  @Test
  void rulesExplainByIdOrName() {
    Cli.Run byName = Cli.run("rules", "explain", "privileged-container");
    Cli.Run byId = Cli.run("rules", "explain", "kpci-0001");
    assertThat(byName.out()).isEqualTo(byId.out()).contains("Why it matters:").contains("How to fix:")
        .contains("3.1 ");
    Cli.Run unknown = Cli.run("rules", "explain", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("kubepci: unknown rule 'nope' (see 'kubepci rules list')\n");
  }

  /** What the engine iterates for the rule, one of each shape. */
  @Test
  void rulesExplainNamesTheRulesShape() {
    java.util.Map<String, String> shapes = new java.util.LinkedHashMap<>();
    shapes.put("privileged-container", "workload");
    shapes.put("namespace-resource-quota", "namespace");
    shapes.put("apiserver-anonymous-auth", "component");
    for (var e : shapes.entrySet()) {
      assertThat(Cli.run("rules", "explain", e.getKey()).out()).as(e.getKey())
          .contains("Checks:      " + e.getValue() + " (reads ");
    }
  }

  @Test
  void frameworkListsAll42Practices() {
    Cli.Run run = Cli.run("framework", "--verbose");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("1.1").contains("16.4").contains("42 practices:");
  }

  @Test
  void helpExamplesNeverWrapMidLine() {
    for (String command : java.util.List.of("scan", "pss", "collect", "reach", "rules", "framework", "diff", "who-can",
        "access")) {
      String help = Cli.run(command, "--help").out();
      int examples = help.indexOf("Examples:\n");
      if (examples < 0) {
        continue;
      }
      String block = help.substring(examples + "Examples:\n".length()).split("\n\n", 2)[0];
      assertThat(block.lines()).as("examples of %s", command).allSatisfy(l -> assertThat(l).startsWith("  "));
    }
  }

  @Test
  void topLevelHelpNamesEveryVerdict() {
    assertThat(Cli.run("--help").out().replaceAll("\\s+", " ")).contains("PASS, FAIL, MANUAL, NOT_APPLICABLE, NOT_ASSESSED or WAIVED");
  }

  @Test
  void rulesListKeepsTitlesAlignedWhateverThePracticeList() {
    java.util.List<String> lines = Cli.run("rules", "list").out().lines().takeWhile(l -> !l.isBlank()).toList();
    int title = lines.get(0).indexOf("TITLE");
    assertThat(lines).allSatisfy(l -> assertThat(l.charAt(title - 1)).as(l).isEqualTo(' '));
    assertThat(lines).allSatisfy(l -> assertThat(l.charAt(title)).as(l).isNotEqualTo(' '));
  }
}
