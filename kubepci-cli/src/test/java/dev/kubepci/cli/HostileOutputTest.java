package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubepci.model.Glob;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.model.ServerUrl;
import dev.kubepci.report.OutputFile;
import dev.kubepci.report.Reporter;
import dev.kubepci.report.csv.CsvReporterTest;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.KubectlCommand;
import dev.kubepci.testing.FakeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What kubepci writes and quotes, fed hostile input: credentials in a server URL, shell code in object names,
 * spreadsheet formulas and XML-forbidden characters in values, catastrophic wildcards, ambiguous governance files,
 * and outputs that cannot be written. Each case failed before it was fixed.
 */
class HostileOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Pa55-w0rd-in-url";
  private static final List<String> FORMATS = List.of("terminal", "json", "sarif", "html", "junit", "markdown", "csv");

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> args(String... args) {
    return new ArrayList<>(List.of(args));
  }

  private static Cli.Run run(List<String> args) {
    return Cli.run(args.toArray(String[]::new));
  }

  // --- credentials in the server URL ---------------------------------------------------------------------------

  @Test
  void serverUrlsLoseTheirUserInformationAndSecretQueryValues() {
    assertThat(ServerUrl.redact("https://admin:" + PASSWORD + "@api.example:6443/base"))
        .isEqualTo("https://api.example:6443/base");
    assertThat(ServerUrl.redact("https://user@host")).isEqualTo("https://host");
    assertThat(ServerUrl.redact("https://a:b@c@host:1")).isEqualTo("https://host:1");
    assertThat(ServerUrl.redact("https://host/?token=abc&region=eu&X-Amz-Signature=def#frag"))
        .isEqualTo("https://host/?token=REDACTED&region=eu&X-Amz-Signature=REDACTED#frag");
    assertThat(ServerUrl.redact("https://10.0.0.1:6443")).isEqualTo("https://10.0.0.1:6443");
    assertThat(ServerUrl.redact("prod-cluster")).isEqualTo("prod-cluster");
    assertThat(ServerUrl.redactIn("cannot reach https://admin:" + PASSWORD + "@h:1: refused; see http://u:p@x/"))
        .isEqualTo("cannot reach https://h:1: refused; see http://x/");
  }

  @Test
  void aPasswordInTheKubeconfigServerUrlReachesNoReportSnapshotDiffOrMessage() throws IOException {
    HasMetadata pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("nginx").withNewSecurityContext()
        .withPrivileged(true).endSecurityContext().endContainer().endSpec().build();
    try (FakeApiServer server = FakeApiServer.start().seed(List.of(pod))) {
      String kubeconfig = Files.readString(server.writeKubeconfig(dir))
          .replace("://", "://admin:" + PASSWORD + "@");
      Path config = write("with-password/kubeconfig", kubeconfig);
      List<String> scan = args("scan", "--kubeconfig", config.toString(), "--fail-on", "none",
          "--save-snapshot", dir.resolve("out/cluster.kpci.jsonl.gz").toString());
      for (String f : FORMATS) {
        scan.addAll(List.of("--format", f, "--output", dir.resolve("out/report." + f).toString()));
      }
      Cli.Run live = run(scan);
      assertThat(live.code()).as(live.err()).isZero();

      Cli.Run offline = run(args("scan", dir.resolve("out/cluster.kpci.jsonl.gz").toString(), "--format", "json",
          "--fail-on", "none"));
      Path json = dir.resolve("out/report.json");
      // a report of an older version that still carried the password, compared with today's
      Path old = write("old.json", Files.readString(json).replace("http://", "http://admin:" + PASSWORD + "@"));
      assertThat(old).content().contains(PASSWORD);
      Cli.Run diff = run(args("diff", old.toString(), json.toString()));
      Cli.Run md = run(args("diff", old.toString(), json.toString(), "--format", "markdown"));
      Cli.Run diffJson = run(args("diff", old.toString(), json.toString(), "--format", "json"));

      JsonNode report = JSON.readTree(json.toFile());
      assertThat(report.at("/cluster/server").asText()).startsWith("http://").doesNotContain("@");
      List<String> clusters = new ArrayList<>();
      report.get("findings").forEach(f -> clusters.add(f.at("/resource/source/cluster").asText()));
      clusters.removeIf(String::isEmpty); // findings about the cluster as a whole have no object
      assertThat(clusters).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("http://").doesNotContain("@"));
      List<String> everything = new ArrayList<>(List.of(live.out(), live.err(), offline.out(), offline.err(),
          diff.out(), md.out(), diffJson.out()));
      try (Stream<Path> files = Files.list(dir.resolve("out"))) {
        for (Path f : files.toList()) {
          byte[] bytes = Files.readAllBytes(f);
          everything.add(f.toString().endsWith(".gz")
              ? new String(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(),
                  StandardCharsets.UTF_8)
              : new String(bytes, StandardCharsets.UTF_8));
        }
      }
      assertThat(everything).hasSize(7 + FORMATS.size() + 1)
          .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD).doesNotContain("admin:"));
    }
  }

  // --- shell quoting of the kubectl evidence command -----------------------------------------------------------

  @Test
  void kubectlEvidenceCommandsRunNoShellCodeFromObjectNames() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    List<String> names = List.of("web$(touch pwned)", "web`touch pwned`", "web;touch pwned", "it's \"quoted\"",
        "two\nlines; touch pwned", "$HOME", "a'b'c", "-rf", "--server=http://evil", "*", "web>pwned");
    for (String name : names) {
      String command = KubectlCommand.forEvidence(ResourceRef.of("v1", "Pod", "ns;touch pwned", name),
          dev.kubepci.model.FieldPath.parse("spec.containers[0].image"));
      // kubectl replaced by a function that prints each argument it receives between brackets
      String script = "kubectl() { for a in \"$@\"; do printf '[%s]' \"$a\"; done; }\n" + command;
      Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true)
          .start();
      String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      List<String> expected = new ArrayList<>(List.of("get", "pod"));
      expected.addAll(List.of("-n", "ns;touch pwned"));
      if (name.startsWith("-")) {
        expected.addAll(List.of("-o", "jsonpath={.spec.containers[0].image}", "--", name));
      } else {
        expected.addAll(List.of(name, "-o", "jsonpath={.spec.containers[0].image}"));
      }
      assertThat(printed).as(command).isEqualTo("[" + String.join("][", expected) + "]");
      assertThat(dir.resolve("pwned")).as(command).doesNotExist();
    }
  }

  // --- CSV formulas --------------------------------------------------------------------------------------------

  @Test
  void noCsvCellStartsWithAFormulaCharacter() throws IOException {
    Path manifest = write("formula.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "@sum"
          namespace: shop
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: "=cmd"
                  image: "-1+1+cmd|' /C calc'!A0"
                  securityContext: {privileged: true}
                - name: tab
                  image: "\\t=1+1"
        """);
    Cli.Run run = run(args("scan", manifest.toString(), "--format", "csv", "--fail-on", "none"));
    assertThat(run.code()).as(run.err()).isZero();
    List<List<String>> rows = CsvReporterTest.parse(run.out());
    assertThat(rows.size()).isGreaterThan(1);
    assertThat(run.out()).contains("'-1+1+cmd|' /C calc'!A0");
    for (List<String> row : rows) {
      for (String cell : row) {
        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as("cell %s", cell).isTrue();
      }
    }
  }

  // --- XML-forbidden characters and one failing reporter -------------------------------------------------------

  @Test
  void controlCharactersGiveValidJUnitAndEveryOtherFormatIsStillWritten() throws Exception {
    Path manifest = write("control.json", """
        {"apiVersion": "v1", "kind": "Pod",
         "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"containers": [{"name": "app", "image": "evil\\u001b]0;title\\u0007\\u0000\\ufffe\\uffff:1",
                                  "securityContext": {"privileged": true}}]}}
        """);
    List<String> scan = args("scan", manifest.toString(), "--fail-on", "none");
    for (String f : List.of("junit", "json", "sarif", "html", "markdown", "csv")) {
      scan.addAll(List.of("--format", f, "--output", dir.resolve("out/report." + f).toString()));
    }
    Cli.Run run = run(scan);
    assertThat(run.code()).as(run.err()).isZero();
    Path junit = dir.resolve("out/report.junit");
    String xml = Files.readString(junit);
    assertThat(xml).contains("evil\\u001B]0;title\\u0007\\u0000\\uFFFE\\uFFFF:1").doesNotContain("\u001b");
    DocumentBuilderFactory strict = DocumentBuilderFactory.newInstance();
    strict.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    strict.newDocumentBuilder().parse(junit.toFile());
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/schemas/junit.xsd")).newValidator().validate(new StreamSource(junit.toFile()));
    for (String f : List.of("json", "sarif", "html", "markdown", "csv")) {
      assertThat(dir.resolve("out/report." + f)).isNotEmptyFile();
    }
  }

  @Test
  void aReporterThatFailsCostsOnlyItsOwnReport() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment env = new Environment(new PrintWriter(out, true), new PrintWriter(err, true),
        InputStream.nullInputStream(), Map.of(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
        Environment.Terminals.NONE);
    Reporter broken = new Reporter() {
      @Override
      public String format() {
        return "broken";
      }

      @Override
      public void write(AssessmentReport report, java.io.OutputStream stream) throws IOException {
        stream.write("half a rep".getBytes(StandardCharsets.UTF_8));
        throw new IllegalStateException("bug");
      }
    };
    AssessmentReport report = dev.kubepci.report.ReportFixture.sample();
    ReportRun reports = new ReportRun(env, new OutputMode(), false);
    reports.write(broken, report, dir.resolve("broken.txt").toString());
    reports.write(new dev.kubepci.report.json.JsonReporter(), report, dir.resolve("after.json").toString());

    assertThat(dir.resolve("broken.txt")).doesNotExist();
    assertThat(dir.resolve("after.json")).isNotEmptyFile();
    assertThat(reports.exit(report, null)).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString())
        .contains("kubepci: internal error: the broken report for " + dir.resolve("broken.txt")
            + " could not be produced: java.lang.IllegalStateException: bug")
        .contains("kubepci: wrote " + dir.resolve("after.json"))
        .endsWith("kubepci: exit 4: 1 report could not be produced (broken)\n")
        .doesNotContain("\tat ");
  }

  // --- wildcards -----------------------------------------------------------------------------------------------

  @Test
  void wildcardsWithManyStarsMatchWithoutBacktracking() throws IOException {
    String name = "a".repeat(60);
    // each of these took seconds to forever with a regular expression or a recursive matcher
    assertThat(Glob.matches("*a".repeat(30) + "b", name)).isFalse();
    assertThat(Glob.matches("a*".repeat(30) + "b", name)).isFalse();
    assertThat(Glob.matches("*".repeat(7) + "?".repeat(61), name)).isFalse();
    assertThat(Glob.matches("*a".repeat(30), name)).isTrue();
    assertThat(Glob.segments("*a".repeat(30) + "/b", '/').matches(name)).isFalse();

    Path manifest = write("long.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: shop}
        spec:
          containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
        """.formatted(name));
    Path waivers = write("waivers.yaml", """
        waivers:
          - rule: privileged-container
            scope: {name: "%s"}
            justification: never matches
            approver: CISO
            expires: 2099-01-01
        """.formatted("*a".repeat(30) + "b"));
    Cli.Run run = run(args("scan", manifest.toString(), "--waivers", waivers.toString(), "--format", "json",
        "--fail-on", "none"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).at("/waivers/0/matched").asInt()).isZero();
  }

  // --- governance files ----------------------------------------------------------------------------------------

  private static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop}
      spec:
        containers: [{name: app, image: nginx, securityContext: {privileged: true}}]
      """;

  @Test
  void aRepeatedKeyInAWaiverIsRejectedWithFileAndLine() throws IOException {
    Path waivers = write("waivers.yaml", """
        waivers:
          - rule: privileged-container
            scope: {namespace: shop}
            justification: short term
            approver: CISO
            expires: 2026-01-31
            expires: 2099-12-31
        """);
    Cli.Run run = run(args("scan", write("pod.yaml", POD).toString(), "--waivers", waivers.toString()));
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("kubepci: " + waivers + ":7: repeated key 'expires'").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aRepeatedWaiverIdIsAnInputErrorAndOnlyTheFirstApplies() throws IOException {
    Path waivers = write("waivers.yaml", """
        waivers:
          - id: RISK-1
            rule: privileged-container
            scope: {namespace: other}
            justification: the one that was approved
            approver: CISO
            expires: 2099-01-01
          - id: RISK-1
            rule: privileged-container
            scope: {namespace: "*"}
            justification: a broader copy under the same reference
            approver: CISO
            expires: 2099-01-01
        """);
    Cli.Run run = run(args("scan", write("pod.yaml", POD).toString(), "--waivers", waivers.toString(),
        "--format", "json"));
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/errors/0/source/line").asInt()).isEqualTo(8);
    assertThat(report.at("/errors/0/message").asText())
        .contains("RISK-1").contains("repeats the id of the waiver at " + waivers + ":2");
    assertThat(report.get("findings")).allSatisfy(f -> assertThat(f.get("status").asText()).isEqualTo("FAIL"));
    assertThat(run.err()).contains("kubepci: exit 3: 1 input error ");
  }

  @Test
  void blankEvidenceItemsDoNotTurnAManualPracticeIntoPass() throws IOException {
    Path attestations = write("attestations.yaml", """
        attestations:
          - practice: "1.6"
            verdict: PASS
            reviewer: R. Diaz (QSA)
            date: 2025-11-20
            evidence:
              - "   "
          - practice: "5.2"
            verdict: PASS
            reviewer: R. Diaz (QSA)
            date: 2025-11-20
            evidence:
              - "Trust-store review"
              -
        """);
    Cli.Run run = run(args("scan", write("pod.yaml", POD).toString(), "--attestations", attestations.toString(),
        "--format", "json", "--fail-on", "none"));
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("errors")).hasSize(2);
    assertThat(report.at("/errors/0/source/line").asInt()).isEqualTo(2);
    assertThat(report.at("/errors/0/message").asText()).contains("blank evidence item (item 1)");
    assertThat(report.at("/errors/1/source/line").asInt()).isEqualTo(8);
    assertThat(report.at("/errors/1/message").asText()).contains("blank evidence item (item 2)");
    for (JsonNode r : report.get("requirements")) {
      if (List.of("1.6", "5.2").contains(r.get("id").asText())) {
        assertThat(r.get("status").asText()).as(r.get("id").asText()).isNotEqualTo("PASS");
      }
    }
  }

  // --- writing outputs -----------------------------------------------------------------------------------------

  @Test
  void oneFileForTwoFormatsIsAUsageErrorBeforeAnyWork() throws IOException {
    Path pod = write("pod.yaml", POD);
    Path out = dir.resolve("report.out");
    Cli.Run run = run(args("scan", pod.toString(), "--format", "json", "--output", out.toString(),
        "--format", "html", "--output", dir.resolve(".").resolve("report.out").toString()));
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("is named as the output of two reports");
    assertThat(out).doesNotExist();

    Cli.Run input = run(args("scan", pod.toString(), "--format", "json", "--output", pod.toString()));
    assertThat(input.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(input.err()).contains("is also an input");
    assertThat(pod).hasContent(POD);
  }

  @Test
  void outputsThatCannotBeWrittenGiveOneLineAndExitTwo() throws IOException {
    Path pod = write("pod.yaml", POD);
    Cli.Run toDir = run(args("scan", pod.toString(), "--format", "json", "--output", dir.toString()));
    assertThat(toDir.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(toDir.err()).isEqualTo("kubepci: cannot write " + dir + ": is a directory\n");

    Cli.Run underFile = run(args("scan", pod.toString(), "--format", "json", "--output",
        pod.resolve("r.json").toString()));
    assertThat(underFile.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(underFile.err()).isEqualTo("kubepci: cannot write " + pod.resolve("r.json") + ": " + pod
        + " is not a folder\n");

    Path readOnly = Path.of("/sys/kernel/kubepci-report.json");
    Assumptions.assumeTrue(Files.isDirectory(readOnly.getParent()), "needs Linux sysfs, writable by no one");
    Cli.Run denied = run(args("scan", pod.toString(), "--format", "json", "--output", readOnly.toString(),
        "--format", "csv", "--output", dir.resolve("still.csv").toString(), "--fail-on", "none"));
    assertThat(denied.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(denied.err()).startsWith("kubepci: cannot write " + readOnly + ": permission denied\n")
        .contains("kubepci: wrote " + dir.resolve("still.csv"))
        .endsWith("kubepci: exit 2: 1 report could not be written (" + readOnly + ")\n")
        .doesNotContain("internal error").doesNotContain("\tat ");
    assertThat(dir.resolve("still.csv")).isNotEmptyFile();
  }

  @Test
  void aFullDiskLeavesNoReportThatLooksCompleteAndTheOthersAreWritten() throws IOException {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.exists(full), "needs /dev/full");
    Cli.Run run = run(args("scan", write("pod.yaml", POD).toString(), "--format", "html", "--output",
        full.toString(), "--format", "json", "--output", dir.resolve("r.json").toString()));
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("kubepci: cannot write /dev/full: No space left on device\n")
        .contains("kubepci: wrote " + dir.resolve("r.json"))
        .endsWith("kubepci: exit 2: 1 report could not be written (/dev/full)\n");
    assertThat(dir.resolve("r.json")).isNotEmptyFile();
  }

  @Test
  void aWriteThatFailsHalfwayKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
    Path report = write("report.html", "the previous, complete report");
    try (OutputFile file = OutputFile.open(report, OutputFile.PRIVATE)) {
      file.stream().write("<html>half".getBytes(StandardCharsets.UTF_8));
      file.stream().flush();
      // no commit: the write failed (a full disk, a crash of the reporter)
    }
    assertThat(report).hasContent("the previous, complete report");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
    assertThatThrownBy(() -> OutputFile.open(dir, OutputFile.PRIVATE)).hasMessage("cannot write " + dir
        + ": is a directory");
  }

  @Test
  void filesAreWrittenForTheOwnerAloneUnlessToldOtherwise() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path pod = write("pod.yaml", POD);
    Path existing = write("open.json", "{}");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw-rw-"));
    Cli.Run run = run(args("scan", pod.toString(), "--format", "json", "--output", existing.toString(),
        "--fail-on", "none"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-------");

    Cli.Run shared = run(args("scan", pod.toString(), "--format", "json", "--output",
        dir.resolve("shared.json").toString(), "--output-mode", "644", "--fail-on", "none"));
    assertThat(shared.code()).as(shared.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("shared.json"))))
        .isEqualTo("rw-r--r--");

    Cli.Run bad = run(args("scan", pod.toString(), "--output-mode", "u+rw"));
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).contains("--output-mode: 'u+rw' is not an octal mode");
  }

  // --- what happened, on standard error ------------------------------------------------------------------------

  @Test
  void standardErrorSaysWhatWasWrittenAndWhyTheExitCodeIsWhatItIs() throws IOException {
    Path pod = write("pod.yaml", POD);
    Path html = dir.resolve("r.html");
    Cli.Run fails = run(args("scan", pod.toString(), "--format", "html", "--output", html.toString()));
    assertThat(fails.code()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(fails.out()).isEmpty();
    assertThat(fails.err()).matches("kubepci: wrote " + java.util.regex.Pattern.quote(html.toString())
        + " \\(\\d+\\.\\d kB\\)\nkubepci: exit 1: \\d+ failing findings? at or above high\n");

    Path configMap = write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");
    Cli.Run clean = run(args("scan", configMap.toString(), "--fail-on", "critical"));
    assertThat(clean.code()).isZero();
    assertThat(clean.out()).contains("Summary");
    assertThat(clean.err()).isEqualTo("kubepci: exit 0: no failing finding at or above critical\n");

    Cli.Run quiet = run(args("scan", pod.toString(), "--format", "json", "--output", html.toString(), "-q",
        "--fail-on", "none"));
    assertThat(quiet.err()).isEmpty();

    assertThat(OutputMode.size(812)).isEqualTo("812 B");
    assertThat(OutputMode.size(309_800)).isEqualTo("309.8 kB");
    assertThat(OutputMode.size(1_234_567)).isEqualTo("1.2 MB");
  }

  @Test
  void theReadmeShowsTheStandardErrorOfARealRun() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String intro = "`./kubepci scan examples/payment-platform/manifests --format html --output report.html --format json\n"
        + "--output report.json` prints:\n\n```text\n";
    int start = readme.indexOf(intro);
    assertThat(start).as("README sample of the stderr lines").isPositive();
    String shown = readme.substring(start + intro.length(), readme.indexOf("```", start + intro.length()));

    Cli.Run run = run(args("scan", Cli.MANIFESTS, "--format", "html", "--output", dir.resolve("report.html").toString(),
        "--format", "json", "--output", dir.resolve("report.json").toString()));
    String actual = run.err().replace(dir + java.io.File.separator, "");
    // sizes and counts move with the example and the version; the lines, their order and their wording may not
    assertThat(shown.replaceAll("\\d+", "N")).isEqualTo(actual.replaceAll("\\d+", "N"));
  }

  /** Standard output on a full disk: write errors a PrintWriter keeps to itself until asked. */
  private static Cli.Run runWithFullStandardOutput(String... args) {
    java.io.OutputStream full = new java.io.OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(full, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Cli.ENV);
    return new Cli.Run(code, "", err.toString());
  }

  /** {@code kubepci scan -f json > report.json} on a full disk, in CI: exit 2, never 0 or 1 with half a report. */
  @Test
  void aReportForAStandardOutputThatCannotBeWrittenIsExit2NotASuccess() {
    for (String format : List.of("json", "terminal")) {
      Cli.Run run = runWithFullStandardOutput("scan", Cli.MANIFESTS, "-f", format, "--fail-on", "none");
      assertThat(run.code()).as(format).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err()).as(format).isEqualTo("kubepci: " + Main.STDOUT_FAILED + "\n"
          + "kubepci: exit 2: 1 report could not be written (standard output)\n");
    }
  }

  @Test
  void anyCommandWhoseStandardOutputCannotBeWrittenSaysSoAndExits2() {
    Cli.Run rules = runWithFullStandardOutput("rules", "list");
    assertThat(rules.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(rules.err()).isEqualTo("kubepci: " + Main.STDOUT_FAILED + "\n");
    Cli.Run pss = runWithFullStandardOutput("pss", Cli.MANIFESTS);
    assertThat(pss.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(pss.err()).endsWith("kubepci: " + Main.STDOUT_FAILED + "\n");
    assertThat(Cli.run("rules", "list").code()).isZero();
  }

  /** The answer could not be written, but what could not be read is still said. */
  @Test
  void inputErrorsAreSaidWhenStandardOutputCannotBeWritten() throws IOException {
    Path broken = write("in/broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: q\n");
    write("in/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec: {containers: [{name: c, "
        + "image: nginx}]}\n");
    String in = broken.getParent().toString();
    for (List<String> command : List.of(List.of("who-can", "get", "pods", "-n", "x", in), List.of("access",
        "sa:x:default", in), List.of("pss", in), List.of("pss", in, "--format", "json"), List.of("reach", "namespace:x",
        "namespace:x", in))) {
      Cli.Run run = runWithFullStandardOutput(command.toArray(String[]::new));
      assertThat(run.code()).as(command.get(0)).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err()).as(command.get(0)).contains(broken + ":3").contains(Main.STDOUT_FAILED);
    }
  }
}
