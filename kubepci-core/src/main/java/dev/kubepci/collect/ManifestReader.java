package dev.kubepci.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.kubepci.model.EvidenceText;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads Kubernetes objects from manifest files, directories and standard input: multi-document YAML, JSON,
 * {@code kind: List} and {@code *List} dumps as {@code kubectl get -o yaml|json} prints them, rendered Helm and
 * kustomize output. Built-in kinds become typed fabric8 models, others {@code GenericKubernetesResource}.
 * A document that cannot be used becomes a {@link ProcessingError} naming file, document and line; reading goes
 * on with the next one. Objects are handed to the sink as they are read.
 */
public final class ManifestReader {
  /** What standard input is called in paths and messages. */
  public static final String STDIN = "-";

  private static final ObjectMapper TREE = new ObjectMapper();
  private static final YAMLFactory YAML = YAMLFactory.builder()
      .loaderOptions(unlimitedDocuments())
      // a key with nothing after it is null, as for the API server (an empty quoted string stays a string)
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonFactory JSON = JsonFactory.builder()
      // no string of an object the API server accepts is longer than its 3 MiB request limit
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ObjectLimits.MAX_OBJECT_CHARS).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final ResourceSink sink;
  private final CompactStore store;
  /** While rendered Helm output is read: the template of each line (see {@link Renderer#templatesByLine}). */
  private String[] templates;
  /** The decoding stage of the file being read; null between files. */
  private EmitQueue queue;
  /** Objects handed to the sink so far (written by the decoding stage; read once it has drained). */
  private int emitted;
  /** The SHA-256 of each file read, taken as it was read, by its path. */
  private final Map<String, String> digests = new TreeMap<>();

  /**
   * SnakeYAML refuses documents over 3 MB by default, and {@code kubectl get -o yaml} prints a whole cluster as one
   * List document: a few thousand objects already exceed that. Input size is the user's choice, not an attack.
   */
  static LoaderOptions unlimitedDocuments() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  public ManifestReader(ResourceSink sink) {
    this(sink, null);
  }

  /**
   * A reader that keeps objects of bulk kinds compact in {@code store} (see {@link CompactStore}); null keeps every
   * object as a model object.
   */
  public ManifestReader(ResourceSink sink, CompactStore store) {
    this.sink = sink;
    this.store = store;
  }

  /** One thing to read: a manifest file, standard input, or a folder to render first. */
  public record Source(String path, Kind kind) {
    public enum Kind { FILE, HELM_CHART, KUSTOMIZATION }
  }

  /**
   * The files to read for the paths the user gave, in a stable order: files as named, directories walked
   * recursively for {@code .yaml}, {@code .yml} and {@code .json} (hidden entries skipped). Charts and
   * kustomization folders are not listed: see {@link #sources}.
   *
   * @throws InputException when a path does not exist, cannot be read, is a device, or a directory holds no
   *     manifest, or when anything under a directory cannot be read
   */
  public static List<String> expand(List<String> paths) {
    return expand(paths, e -> {
      throw new InputException(e.describe());
    });
  }

  /**
   * As {@link #expand(List)}, but what cannot be read under a directory (a subdirectory without permission, a
   * symbolic link loop or a broken link, a FIFO or device with a manifest's name) goes to {@code errors} and the
   * walk goes on. Symbolic links to directories are followed, each real directory once.
   *
   * @throws InputException when a named path does not exist, cannot be read, is a device, or a directory holds no
   *     manifest
   */
  public static List<String> expand(List<String> paths, java.util.function.Consumer<ProcessingError> errors) {
    return sources(paths, errors).stream().filter(s -> s.kind() == Source.Kind.FILE).map(Source::path).toList();
  }

  /** {@link #sources(List, java.util.function.Consumer)}, failing on the first thing that cannot be read. */
  public static List<Source> sources(List<String> paths) {
    return sources(paths, e -> {
      throw new InputException(e.describe());
    });
  }

  /**
   * What to read for the paths the user gave, in a stable order: files as named, directories walked recursively
   * for {@code .yaml}, {@code .yml} and {@code .json} (hidden entries skipped). A folder with a {@code Chart.yaml}
   * is a Helm chart and one with a {@code kustomization.yaml} a kustomization: each is one source, rendered before
   * it is read, and the files inside it are not read one by one (templates are not manifests). What cannot be read
   * under a directory goes to {@code errors} and the walk goes on.
   *
   * @throws InputException when a named path does not exist, cannot be read, is a device, or a directory holds
   *     nothing to read
   */
  public static List<Source> sources(List<String> paths, java.util.function.Consumer<ProcessingError> errors) {
    List<Source> sources = new ArrayList<>();
    for (String p : paths) {
      if (STDIN.equals(p)) {
        sources.add(new Source(STDIN, Source.Kind.FILE));
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new InputException(Files.isSymbolicLink(path) ? p + " is a broken symbolic link (it points to "
            + linkTarget(path) + ", which does not exist)" : "no such file or directory: " + p);
      }
      if (Files.isDirectory(path)) {
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
          throw new InputException("cannot read directory " + p + ": permission denied");
        }
        int before = sources.size();
        int[] problems = {0};
        walk(path, p, sources, e -> {
          problems[0]++;
          errors.accept(e);
        });
        if (sources.size() == before && problems[0] == 0) {
          throw new InputException("no .yaml, .yml or .json files, Helm charts or kustomizations under " + p);
        }
      } else if (!Files.isRegularFile(path) && !isFifo(path)) {
        throw new InputException(p + " is " + fileType(path) + ", not a file kubepci reads; give manifests as files, "
            + "or pipe them into standard input (-)");
      } else if (!Files.isReadable(path)) {
        throw new InputException("cannot read " + p + ": permission denied");
      } else {
        sources.add(new Source(p, Source.Kind.FILE));
      }
    }
    return sources;
  }

  private static void walk(Path root, String named, List<Source> sources,
      java.util.function.Consumer<ProcessingError> errors) {
    List<Source> found = new ArrayList<>();
    try {
      Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                java.nio.file.attribute.BasicFileAttributes attrs) {
              if (!dir.equals(root) && isHidden(root, dir)) {
                return java.nio.file.FileVisitResult.SKIP_SUBTREE;
              }
              String name = dir.equals(root) ? named : dir.toString();
              return switch (InputKind.of(dir)) {
                case HELM_CHART -> {
                  found.add(new Source(name, Source.Kind.HELM_CHART));
                  yield java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                case KUSTOMIZATION -> {
                  found.add(new Source(name, Source.Kind.KUSTOMIZATION));
                  yield java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                default -> java.nio.file.FileVisitResult.CONTINUE;
              };
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file,
                java.nio.file.attribute.BasicFileAttributes attrs) {
              if (!isManifestName(file.getFileName().toString()) || isHidden(root, file)) {
                return java.nio.file.FileVisitResult.CONTINUE;
              }
              if (attrs.isRegularFile()) {
                found.add(new Source(file.toString(), Source.Kind.FILE));
              } else if (attrs.isSymbolicLink()) {
                // with links followed, a link is visited as itself only when its target cannot be reached
                errors.accept(walkError(file, "broken symbolic link (it points to " + linkTarget(file)
                    + ", which does not exist); not read"));
              } else {
                errors.accept(walkError(file, "is " + fileType(file) + ", not a regular file; not read"));
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
              if (!isHidden(root, file)) {
                errors.accept(walkError(file, walkFailure(e)));
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      errors.accept(walkError(root, walkFailure(e)));
    }
    found.sort(java.util.Comparator.comparing(Source::path));
    sources.addAll(found);
  }

  private static String walkFailure(IOException e) {
    if (e instanceof java.nio.file.FileSystemLoopException) {
      return "symbolic link loop (it leads back to a directory being read); not followed again";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "cannot read: permission denied; the files under it were not assessed";
    }
    return "cannot read: " + oneLine(e.getMessage());
  }

  private static ProcessingError walkError(Path file, String message) {
    return new ProcessingError(Provenance.ofFile(file.toString(), 0, 0), message);
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "a path that cannot be read";
    }
  }

  /** The file type as {@code stat} names it, from the Unix mode where the platform tells it. */
  private static int unixType(Path path) {
    try {
      return (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return -1;
    }
  }

  private static boolean isFifo(Path path) {
    return unixType(path) == 0010000;
  }

  private static String fileType(Path path) {
    return switch (unixType(path)) {
      case 0020000 -> "a character device";
      case 0060000 -> "a block device";
      case 0140000 -> "a socket";
      case 0010000 -> "a FIFO";
      default -> "not a regular file";
    };
  }

  private static boolean isManifestName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Reads one file ({@link #STDIN} for standard input); returns the number of objects read. */
  public int read(String file, InputStream stdin) {
    try {
      if (STDIN.equals(file)) {
        return read(file, ManifestText.open(stdin));
      }
      try (DigestedInput raw = DigestedInput.open(Path.of(file)); ManifestText text = ManifestText.open(raw)) {
        try {
          return read(file, text);
        } finally {
          digest(file, raw);
        }
      }
    } catch (BoundedLineReader.LineTooLongException e) {
      sink.error(new ProcessingError(Provenance.ofFile(file, 0, e.line()), e.getMessage()
          + "; the rest of the file was not read"));
      return 0;
    } catch (IOException e) {
      sink.error(new ProcessingError(at(file, 0, 0), "cannot read: " + oneLine(e.getMessage())));
      return 0;
    }
  }

  /** The SHA-256 of each file {@link #read(String, InputStream)} read, by its path, taken as it was read. */
  public Map<String, String> digests() {
    return Collections.unmodifiableMap(digests);
  }

  /**
   * Records the digest of the whole file; a file that fails to read has none, nor has a pipe the reader stopped
   * reading (what follows in it may never end).
   */
  private void digest(String file, DigestedInput raw) {
    String path = Path.of(file).toString();
    try {
      raw.finish().ifPresentOrElse(d -> digests.put(path, d), () -> digests.remove(path));
    } catch (IOException e) {
      digests.remove(path); // the basis reads a regular file again and says what fails
    }
  }

  /**
   * Reads the output of {@code helm template}, naming it {@code name} (the chart folder): each object's provenance
   * also names the template it came from, after Helm's {@code # Source:} lines.
   */
  public int readRendered(String name, String text, boolean helm) throws IOException {
    templates = helm ? Renderer.templatesByLine(text) : null;
    try {
      return read(name, new java.io.StringReader(text));
    } finally {
      templates = null;
    }
  }

  private Provenance at(String file, int document, int line) {
    Provenance.FileSource where = Provenance.ofFile(file, document, line);
    if (templates != null && line > 0 && line <= templates.length && templates[line - 1] != null) {
      return where.withTemplate(templates[line - 1]);
    }
    return where;
  }

  /**
   * Reads manifests from {@code reader}, naming them {@code file} in provenance and errors. The text is parsed on
   * this thread while a second one decodes the objects parsed (see {@link EmitQueue}); the sink is called from that
   * one, in the order of the input, and every call has been made when this returns.
   */
  public int read(String file, Reader reader) throws IOException {
    if (queue != null) {
      // already reading (a sink that reads again): on this thread
      return readHere(file, reader);
    }
    int before = emitted;
    queue = EmitQueue.start(file);
    EmitQueue q = queue;
    boolean done = false;
    try {
      readHere(file, reader);
      done = true;
    } finally {
      queue = null;
      if (done) {
        q.finish();
      } else {
        q.finishQuietly();
      }
    }
    return emitted - before;
  }

  private int readHere(String file, Reader reader) throws IOException {
    int before = emitted;
    readText(file, reader);
    return emitted - before;
  }

  /** Runs {@code call} after the objects parsed before it were handed on: on the decoding thread when there is one. */
  private void deliver(Runnable call) throws IOException {
    if (queue == null || queue.isWorker()) {
      call.run();
    } else {
      queue.post(call);
    }
  }

  private void readText(String file, Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(new BufferedReader(reader, 1 << 16), 1);
    int first = firstSignificant(in);
    ManifestText text = reader instanceof ManifestText t ? t : null;
    if (first == '{' || first == '[') {
      readJson(file, in);
      reportMalformed(file, 1, Integer.MAX_VALUE, text);
      return;
    }
    readYaml(file, in, text);
  }

  /**
   * Reports the invalid byte runs found in the text up to {@code lastLine} as input errors of document
   * {@code index}. The objects of that document were read with U+FFFD in their place and are still assessed; the
   * error says the file must be fixed (kubectl refuses it).
   */
  private void reportMalformed(String file, int index, int lastLine, ManifestText text) throws IOException {
    if (text == null) {
      return;
    }
    for (ManifestText.Malformed m : text.takeMalformed(lastLine)) {
      error(new ProcessingError(Provenance.ofFile(file, index, m.line()), "invalid " + text.charset().name()
          + " text at line " + m.line() + " (byte offset " + m.byteOffset() + "): the bytes there are not "
          + text.charset().name() + " and were read as U+FFFD"));
    }
  }

  private void error(ProcessingError error) throws IOException {
    deliver(() -> sink.error(error));
  }

  private void skipped(ProcessingError skipped) throws IOException {
    deliver(() -> sink.skipped(skipped));
  }

  /** Skips a byte-order mark and white space, and peeks the first significant character (-1 at the end). */
  static int firstSignificant(PushbackReader in) throws IOException {
    int c;
    do {
      c = in.read();
    } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
    if (c != -1) {
      in.unread(c);
    }
    return c;
  }

  private void readYaml(String file, Reader reader, ManifestText text) throws IOException {
    DocumentStream docs = new DocumentStream(reader);
    DocumentStream.Document doc;
    while ((doc = docs.next()) != null) {
      int offset = doc.startLine() - 1;
      // the previous document has been read to its end: the invalid bytes found so far are in it (or before it)
      reportMalformed(file, Math.max(docs.index(), 1), offset, text);
      try (JsonParser parser = YAML.createParser(doc)) {
        JsonToken first = doc.firstToken(parser);
        if (first == null) {
          continue;
        }
        readRoot(file, docs.index(), offset, parser, first, new YamlTree(true));
      } catch (JsonProcessingException e) {
        if (BoundedLineReader.LineTooLongException.in(e) != null) {
          throw BoundedLineReader.LineTooLongException.in(e); // the file cannot be read on: one error for it
        }
        int index = docs.index();
        if (doc.overlongLine() > 0) {
          error(new ProcessingError(at(file, index, doc.overlongLine()), "line "
              + doc.overlongLine() + " is longer than " + DocumentStream.MAX_LINE_CHARS + " characters (the API"
              + " server's 3 MiB limit on an object); the rest of this document was not read"));
          continue;
        }
        error(new ProcessingError(at(file, index, offset + line(e)), describe(e)));
      }
    }
    reportMalformed(file, Math.max(docs.index(), 1), Integer.MAX_VALUE, text);
  }

  private void readJson(String file, Reader reader) throws IOException {
    int index = 0;
    try (JsonParser parser = JSON.createParser(reader)) {
      JsonToken t;
      while ((t = parser.nextToken()) != null) {
        index++;
        if (t == JsonToken.START_ARRAY) {
          // a bare JSON array of objects: each element is a document of its own
          while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
            readRoot(file, index, 0, parser, t, new YamlTree(false));
          }
        } else {
          readRoot(file, index, 0, parser, t, new YamlTree(false));
        }
      }
    } catch (JsonProcessingException e) {
      error(new ProcessingError(at(file, Math.max(index, 1), line(e)),
          describe(e) + " (the rest of the file was not read)"));
    }
  }

  /**
   * Reads one root value whose first token is {@code first}. Fields are read one by one so that the items of a
   * List are handed on as they are parsed, with their own line.
   */
  private void readRoot(String file, int index, int offset, JsonParser parser, JsonToken first, YamlTree tree)
      throws IOException {
    int docLine = offset + parser.currentTokenLocation().getLineNr();
    if (first != JsonToken.START_OBJECT) {
      parser.skipChildren();
      skipped(new ProcessingError(at(file, index, docLine), NOT_AN_OBJECT + " (a "
          + (first == JsonToken.START_ARRAY ? "sequence" : "scalar") + ", not a mapping)"));
      return;
    }
    ObjectNode root = TREE.createObjectNode();
    List<Pending> untyped = new ArrayList<>();
    boolean hasItems = false;
    // objects of this root handed on, counted where they are decoded
    int[] count = {0};
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("items".equals(field) && value == JsonToken.START_ARRAY) {
        hasItems = true;
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          int itemLine = offset + parser.currentTokenLocation().getLineNr();
          JsonNode item = tree.read(parser);
          if (t == JsonToken.START_OBJECT && item.hasNonNull("kind") && item.hasNonNull("apiVersion")) {
            submit(file, index, itemLine, item, count);
          } else {
            untyped.add(new Pending(item, itemLine));
          }
        }
      } else {
        tree.put(parser, root, field, tree.read(parser));
      }
    }
    if (!root.has("apiVersion") && !root.has("kind") && hasNoObject(count)) {
      // Helm values, a compose file, kubepci's own configuration: YAML that lives next to manifests
      skipped(new ProcessingError(at(file, index, docLine), NOT_AN_OBJECT
          + " (no apiVersion and no kind)"));
      return;
    }
    if (!hasItems) {
      submit(file, index, docLine, root, count);
      return;
    }
    String listKind = root.path("kind").asText("");
    if (!listKind.isEmpty() && !listKind.endsWith("List")) {
      error(new ProcessingError(at(file, index, docLine),
          "kind " + listKind + " has a top-level items list; only List kinds may"));
      return;
    }
    for (Pending p : untyped) {
      if (!(p.node instanceof ObjectNode item)) {
        error(new ProcessingError(at(file, index, p.line), "list item is not an object"));
        continue;
      }
      // API list responses (PodList ...) leave kind and apiVersion off their items
      if (!item.hasNonNull("kind") && listKind.endsWith("List") && !"List".equals(listKind)) {
        item.put("kind", listKind.substring(0, listKind.length() - 4));
      }
      if (!item.hasNonNull("apiVersion") && root.hasNonNull("apiVersion") && !"List".equals(listKind)) {
        item.put("apiVersion", root.get("apiVersion").asText());
      }
      submit(file, index, p.line, item, count);
    }
  }

  /** True when no object of a root was handed on: known once the objects submitted before have been decoded. */
  private boolean hasNoObject(int[] count) throws IOException {
    if (queue != null) {
      queue.drain();
    }
    return count[0] == 0;
  }

  /** Decodes {@code node} and hands it to the sink, after everything submitted before it; counts it in {@code count}. */
  private void submit(String file, int index, int line, JsonNode node, int[] count) throws IOException {
    if (queue != null) {
      ObjectDecoder.prepare(node);
    }
    deliver(() -> count[0] += emit(file, index, line, node));
  }

  private record Pending(JsonNode node, int line) {}

  /** The start of the reason a document is skipped. */
  public static final String NOT_AN_OBJECT = "not a Kubernetes object";

  private int emit(String file, int index, int line, JsonNode node) {
    Provenance where = at(file, index, line);
    nameConfigurationFile(file, index, node);
    if (KubeconfigReader.isKubeconfig(node)) {
      return emitKubeconfig(where, node);
    }
    HasMetadata object;
    try {
      object = ObjectDecoder.decode(node);
    } catch (ObjectDecoder.InvalidObjectException e) {
      sink.error(new ProcessingError(where, e.getMessage()));
      return 0;
    }
    sink.accept(store == null ? new Resource(object, where) : store.resource(object, node, where));
    emitted++;
    return 1;
  }

  /**
   * Component configuration files (an audit Policy, a KubeletConfiguration, an EncryptionConfiguration ...) are
   * Kubernetes-shaped but usually carry no metadata.name. They get one from their file name, so that they can be
   * assessed and named in findings like any other object.
   */
  private static void nameConfigurationFile(String file, int index, JsonNode node) {
    if (!(node instanceof ObjectNode object) || !CONFIGURATION_KINDS.contains(
        node.path("apiVersion").asText("").replaceFirst("/[^/]*$", "") + "/" + node.path("kind").asText(""))) {
      return;
    }
    JsonNode meta = object.get("metadata");
    if (meta != null && !meta.isObject()) {
      return;
    }
    ObjectNode metadata = meta == null ? object.putObject("metadata") : (ObjectNode) meta;
    JsonNode name = metadata.get("name");
    if (name != null && name.isTextual() && !name.asText().isBlank()) {
      return;
    }
    String base = STDIN.equals(file) ? "stdin" : Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", "");
    metadata.put("name", index > 1 ? base + "-" + index : base);
  }

  /** {@code group/kind} of the component configuration files read without a metadata.name. */
  static final java.util.Set<String> CONFIGURATION_KINDS = java.util.Set.of(
      "audit.k8s.io/Policy",
      "kubelet.config.k8s.io/KubeletConfiguration",
      "kubeproxy.config.k8s.io/KubeProxyConfiguration",
      "kubescheduler.config.k8s.io/KubeSchedulerConfiguration",
      "apiserver.config.k8s.io/EncryptionConfiguration",
      "apiserver.config.k8s.io/AdmissionConfiguration",
      "apiserver.config.k8s.io/AuthenticationConfiguration",
      "apiserver.config.k8s.io/AuthorizationConfiguration",
      "apiserver.k8s.io/AdmissionConfiguration");

  /** A kubeconfig has no metadata: it becomes one evidence object per user and cluster. */
  private int emitKubeconfig(Provenance where, JsonNode node) {
    List<Resource> evidence;
    try {
      evidence = KubeconfigReader.read(node, where);
    } catch (IllegalArgumentException e) {
      sink.error(new ProcessingError(where, e.getMessage()));
      return 0;
    }
    evidence.forEach(sink::accept);
    emitted += evidence.size();
    return evidence.size();
  }

  private static String describe(JsonProcessingException e) {
    String kind = e instanceof JsonMappingException ? "invalid document" : "syntax error";
    return kind + ": " + oneLine(e.getOriginalMessage());
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
  }

  static String oneLine(String s) {
    String first = EvidenceText.firstLine(s);
    return first.length() > 300 ? first.substring(0, 297) + "..." : first;
  }
}
