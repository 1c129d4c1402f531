package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.FileCollector;
import dev.kubepci.collect.cluster.ClusterCollector;
import dev.kubepci.collect.cluster.KindRequest;
import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import dev.kubepci.collect.snapshot.SnapshotWriter;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.rules.BuiltInRules;
import dev.kubepci.secrets.RedactionKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots keep no secret the reports would not show, and the rules decide the same on a snapshot as on the objects
 * it was taken from. The planted fixture holds one secret in every place a snapshot could carry one; every output of
 * kubepci (all report formats of a scan of the files and of the snapshot, the snapshot, the diff) is searched for
 * those values, their base64 forms and every 8-character piece of them.
 */
class SnapshotRedactionTest {
  private static final Path PLANTED = Path.of("src", "test", "resources", "redaction", "planted.yaml");
  /** The secrets planted in {@link #PLANTED}. */
  private static final List<String> CANARIES = List.of("Qv7Rk2Lm9Xw4Tz8Pn3Jd6Hc1",
      "c0ffee7a9d4b21e8f6a3c5b7d9e1f2a4b6c8d0e2", "Wn5Yq8Zr2Kt7Vb", "Hj3Mx9Pq4Rs8Tu2", "Ge6Fd1Sa7Lk3",
      "Zp4Xo9Ci2Vu6", "Nb8Mv3Cx7Zl1Kj", "Ty5Ur0Ie4Wo8", "Qa2Ws7Ed3Rf9Tg", "Yh6Uj1Ik5Ol0", "AKIAQX7ZR4M2KT9BNV3W",
      "Pl3Ok8Ij2Uh7");
  private static final RedactionKey KEY = RedactionKey.of(Cli.ENV.get("KUBEPCI_REDACTION_KEY"), "the tests");
  private static final String[] FORMATS = {"terminal", "json", "sarif", "html", "junit", "markdown", "csv"};

  @TempDir
  Path dir;

  @Test
  void noOutputCarriesAPlantedSecret() throws IOException {
    Path snapshot = dir.resolve("planted.kpci.jsonl.gz");
    writeSnapshot(List.of(PLANTED.toString()), snapshot, KEY);
    List<Path> outputs = new ArrayList<>(List.of(snapshot));
    List<String> printed = new ArrayList<>();
    for (String input : List.of(PLANTED.toString(), snapshot.toString())) {
      String name = input.equals(snapshot.toString()) ? "snapshot" : "files";
      List<String> args = new ArrayList<>(List.of("scan", input, "--fail-on", "none"));
      for (String f : FORMATS) {
        Path out = dir.resolve(name + "." + f);
        args.addAll(List.of("-f", f, "-o", out.toString()));
        outputs.add(out);
      }
      Cli.Run run = Cli.run(args.toArray(String[]::new));
      assertThat(run.code()).as(run.err()).isZero();
      printed.add(run.out() + run.err());
    }
    for (String f : List.of("terminal", "markdown", "json")) {
      Cli.Run diff = Cli.run("diff", dir.resolve("files.json").toString(), dir.resolve("snapshot.json").toString(),
          "-f", f);
      printed.add(diff.out() + diff.err());
    }
    Cli.Run plain = Cli.run("scan", snapshot.toString(), "--fail-on", "none");
    printed.add(plain.out() + plain.err());

    assertThat(Files.readString(dir.resolve("snapshot.json"))).contains("<redacted stripe-key hmac:",
        "<redacted bearer-token hmac:", "<redacted aws-access-key-id hmac:");
    for (Path p : outputs) {
      assertHoldsNoCanary(p.toString(), p.equals(snapshot) ? gunzip(p) : Files.readString(p));
    }
    for (String text : printed) {
      assertHoldsNoCanary("standard output", text);
    }
  }

  @Test
  void snapshotFilesAreReadableByTheirOwnerOnly() throws IOException {
    Path snapshot = dir.resolve("mode.kpci.jsonl.gz");
    Files.writeString(snapshot, "an older, world-readable file");
    Files.setPosixFilePermissions(snapshot, PosixFilePermissions.fromString("rw-r--r--"));
    writeSnapshot(List.of(PLANTED.toString()), snapshot, KEY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshot))).isEqualTo("rw-------");
  }

  @Test
  void theRulesDecideTheSameOnARedactedSnapshotOfTheExampleCluster() throws IOException {
    assertSameVerdicts(Cli.DUMP);
    assertSameVerdicts(PLANTED.toString());
  }

  @Test
  void theSecretRulesFindTheSameOnTheSnapshotAsOnTheFiles() throws IOException {
    for (String input : List.of(Cli.DUMP, PLANTED.toString())) {
      Path snapshot = dir.resolve("secrets.kpci.jsonl.gz");
      writeSnapshot(List.of(input), snapshot, KEY);
      AssessmentReport files = assess(FileCollector.collect(List.of(input), InputStream.nullInputStream(), n -> { }));
      AssessmentReport fromSnapshot = assess(SnapshotInventory.read(snapshot));
      assertThat(secretFindings(fromSnapshot)).as(input).isEqualTo(secretFindings(files));
      if (input.equals(PLANTED.toString())) {
        assertThat(secretFindings(files)).hasSizeGreaterThanOrEqualTo(9);
      }
    }
  }

  /** The rules' results and findings on the live objects and on the redacted snapshot written from them. */
  private void assertSameVerdicts(String input) throws IOException {
    List<ObjectNode> objects = objects(input);
    SnapshotInventory live = new SnapshotInventory();
    feed(objects, live);
    Path snapshot = dir.resolve("verdicts.kpci.jsonl.gz");
    try (SnapshotWriter writer = new SnapshotWriter(snapshot, KEY)) {
      feed(objects, writer);
    }
    AssessmentReport before = assess(live.result(List.of("cluster")));
    AssessmentReport after = assess(SnapshotInventory.read(snapshot));
    assertThat(after.rules()).as("rule results of %s", input).isEqualTo(before.rules());
    assertThat(after.findings()).as("findings of %s", input).containsExactlyElementsOf(before.findings());
    assertThat(after.areas()).as("practices of %s", input).isEqualTo(before.areas());
    assertThat(after.errors()).as("errors of %s", input).isEqualTo(before.errors());
    assertThat(before.findings()).isNotEmpty();
  }

  private static List<String> secretFindings(AssessmentReport report) {
    return report.findings().stream().filter(f -> f.name().startsWith("secret-") || f.name().startsWith("image-exp"))
        .map(f -> f.rule() + " " + f.resource().displayName() + " " + f.path() + " " + f.observed() + " "
            + f.message())
        .sorted().toList();
  }

  private static AssessmentReport assess(CollectedInput input) {
    RuleCatalog catalog = BuiltInRules.catalog();
    AssessmentRequest request = new AssessmentRequest(BuiltInRules.pciFramework(), catalog, catalog.rules(), null,
        Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC), "test", List.of("input"), KEY);
    return new Assessor(request).assess(input.inventory(), input.errors());
  }

  /** Writes the objects of {@code paths} as {@code kubepci collect} would have written them from a cluster. */
  static void writeSnapshot(List<String> paths, Path target, RedactionKey key) throws IOException {
    List<ObjectNode> objects = new ArrayList<>();
    for (String p : paths) {
      objects.addAll(objects(p));
    }
    try (SnapshotWriter writer = new SnapshotWriter(target, key)) {
      feed(objects, writer);
    }
  }

  /** Header, objects and trailer as a collection of every kind the built-in rules read would give them. */
  private static void feed(List<ObjectNode> objects, SnapshotSink sink) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ObjectNode o : objects) {
      counts.merge(read(o), 1, Integer::sum);
    }
    java.util.TreeSet<String> requested = new java.util.TreeSet<>(ClusterCollector.plan(
        dev.kubepci.scan.Scanner.reads(BuiltInRules.catalog().rules())));
    requested.addAll(counts.keySet());
    sink.header(SnapshotHeader.of(new SnapshotHeader.Producer("kubepci", "test"), "2026-01-01T09:00:00Z",
        new SnapshotHeader.Cluster("test", "test", "https://cluster.example:6443", Map.of("gitVersion", "v1.31.4")),
        List.copyOf(requested)));
    objects.forEach(sink::object);
    List<KindReport> kinds = new ArrayList<>();
    for (String read : requested) {
      int n = counts.getOrDefault(read, 0);
      var known = KnownResources.forRead(read);
      if (known.isPresent()) {
        kinds.add(new KindReport(read, known.get().group(), known.get().version(), known.get().resource(),
            known.get().namespaced(), KindReport.Outcome.COLLECTED, n, null, null));
      } else if (KnownResources.isConfigFile(KindRequest.parse(read))) {
        kinds.add(new KindReport(read, null, null, null, null, KindReport.Outcome.NOT_IN_API, 0, null, null));
      } else if (n > 0) {
        String group = read.contains("/") ? read.substring(0, read.indexOf('/')) : "";
        kinds.add(new KindReport(read, group, "v1", read.substring(read.indexOf('/') + 1)
            .toLowerCase(java.util.Locale.ROOT) + "s", true, KindReport.Outcome.COLLECTED, n, null, null));
      } else {
        kinds.add(new KindReport(read, null, null, null, null, KindReport.Outcome.ABSENT, 0, null, null));
      }
    }
    sink.trailer(SnapshotTrailer.of(objects.size(), kinds));
  }

  /** How rules name the kind of {@code o}: {@code Pod}, {@code aquasecurity.github.io/ExposedSecretReport}. */
  private static String read(ObjectNode o) {
    String apiVersion = o.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    return KnownResources.isBuiltInGroup(group) ? o.path("kind").asText() : group + "/" + o.path("kind").asText();
  }

  /** The objects of a manifest file or a kubectl List dump, as JSON. */
  private static List<ObjectNode> objects(String path) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<ObjectNode> out = new ArrayList<>();
    try (var parser = yaml.getFactory().createParser(Path.of(path).toFile())) {
      for (JsonNode doc : (Iterable<JsonNode>) () -> {
        try {
          return yaml.readValues(parser, JsonNode.class);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }) {
        if (doc.has("items") && doc.path("kind").asText().endsWith("List")) {
          doc.get("items").forEach(i -> out.add((ObjectNode) i));
        } else if (doc instanceof ObjectNode o) {
          out.add(o);
        }
      }
    }
    out.forEach(o -> ((ObjectNode) o.path("metadata")).remove("managedFields"));
    return out;
  }

  private static void assertHoldsNoCanary(String where, String text) {
    for (String canary : CANARIES) {
      Stream.of(canary, b64(canary), b64("x" + canary).substring(4), b64("xx" + canary).substring(4))
          .forEach(form -> assertThat(text).as("%s holds a planted secret", where).doesNotContain(form));
      for (int i = 0; i + 8 <= canary.length(); i++) {
        assertThat(text).as("%s holds a piece of a planted secret", where).doesNotContain(canary.substring(i, i + 8));
      }
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String gunzip(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SuppressWarnings("unused")
  private static InputStream empty() {
    return new ByteArrayInputStream(new byte[0]);
  }
}
