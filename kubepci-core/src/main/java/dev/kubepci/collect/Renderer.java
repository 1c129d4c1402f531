package dev.kubepci.collect;

import com.marcnuri.helm.Helm;
import dev.kubepci.result.KubectlCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Helm chart folder or a kustomization folder into the manifests it stands for: a chart is rendered
 * in-process by Helm's own library, a kustomization is built by {@code kubectl kustomize}.
 */
final class Renderer {
  /** Helm's render errors start {@code template: chart/templates/x.yaml:12:20: ...}. */
  private static final Pattern HELM_TEMPLATE_ERROR = Pattern.compile("template: ([^:\\s]+):\\d+");

  /** Why a folder could not be rendered: the message, and the template Helm named, when it did. */
  static final class RenderException extends Exception {
    private final String template;

    RenderException(String message, String template) {
      super(message);
      this.template = template;
    }

    String template() {
      return template;
    }
  }

  private Renderer() {}

  /** {@code helm template} of the chart in {@code dir}, offline (dependencies must be in its charts/ folder). */
  static String helmTemplate(Path dir, RenderOptions options) throws RenderException {
    try {
      var command = new Helm(dir).template().withName(options.releaseName()).withNamespace(options.namespace());
      for (Path values : options.valuesFiles()) {
        command = command.withValuesFile(values);
      }
      for (String kv : options.set()) {
        int eq = kv.indexOf('=');
        command = command.set(kv.substring(0, eq), kv.substring(eq + 1));
      }
      return command.call();
    } catch (RuntimeException e) {
      throw helmError(e.getMessage());
    } catch (LinkageError e) {
      throw new RenderException("Helm's native library cannot be loaded on this platform ("
          + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e.getMessage()
          + "); render the chart with helm template and scan the output: helm template NAME " + pasteable(dir)
          + " | kubepci scan -", null);
    }
  }

  static RenderException helmError(String message) {
    String text = message == null ? "unknown error" : message.strip();
    String first = ManifestReader.oneLine(text.replaceFirst("^Error: ", ""));
    Matcher m = HELM_TEMPLATE_ERROR.matcher(first);
    if (m.lookingAt()) {
      return new RenderException("chart does not render: " + first, m.group(1));
    }
    return new RenderException("chart does not render: " + first, null);
  }

  /** {@code kubectl kustomize} of the folder, or an error that says how to render it when kubectl is missing. */
  static String kustomize(Path dir) throws RenderException {
    return kustomize(dir, System.getenv("PATH"), KUSTOMIZE_TIMEOUT);
  }

  /**
   * How long {@code kubectl kustomize} may take: a local build takes seconds, a remote base that does not answer would
   * otherwise hold the scan for as long as git waits.
   */
  static final Duration KUSTOMIZE_TIMEOUT = Duration.ofMinutes(5);

  /** As {@link #kustomize(Path)}, looking for kubectl on {@code searchPath} and giving up after {@code timeout}. */
  static String kustomize(Path dir, String searchPath, Duration timeout) throws RenderException {
    String kubectl = onPath("kubectl", searchPath);
    if (kubectl == null) {
      throw new RenderException("kustomization not built: kubectl is not on the PATH. Build it and scan the "
          + "output: kubectl kustomize " + pasteable(dir) + " | kubepci scan - (or kustomize build " + pasteable(dir)
          + ")", null);
    }
    Process process;
    try {
      process = new ProcessBuilder(kubectl, "kustomize", operand(dir)).redirectInput(ProcessBuilder.Redirect.PIPE)
          .start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new RenderException("kustomization not built: cannot run " + kubectl + ": " + e.getMessage(), null);
    }
    // a thread of its own for each stream: blocking reads have no place in the common pool
    Executor reader = task -> {
      Thread t = new Thread(task, "kubepci-kustomize");
      t.setDaemon(true);
      t.start();
    };
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), reader);
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), reader);
    int code;
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly); // git fetching a remote base, say
        process.destroyForcibly();
        String limit = timeout.toMillis() >= 1000 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        throw new RenderException("kustomization not built: kubectl kustomize " + pasteable(dir) + " did not finish in "
            + limit + " (a remote base that does not answer?); build it yourself and scan the output", null);
      }
      code = process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new RenderException("kustomization not built: interrupted", null);
    }
    String out = output.join();
    if (code != 0) {
      throw new RenderException("kubectl kustomize failed: "
          + ManifestReader.oneLine(err.join().replaceFirst("^error: ", "")), null);
    }
    return out;
  }

  /**
   * The folder as kubectl's operand: a name starting with {@code -} (a folder called {@code --enable-alpha-plugins},
   * say) would otherwise be read as a flag, so it is given as {@code ./-name}.
   */
  static String operand(Path dir) {
    String d = dir.toString();
    return d.startsWith("-") ? "." + java.io.File.separator + d : d;
  }

  /**
   * The folder as it appears in a command the message suggests: as kubectl's {@link #operand}, quoted for a POSIX
   * shell, so that a folder named {@code $(touch pwned)} stays a folder name when the command is pasted.
   */
  static String pasteable(Path dir) {
    return KubectlCommand.shellQuote(operand(dir));
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The executable {@code name} on the PATH, or null. */
  static String onPath(String name, String path) {
    if (path == null) {
      return null;
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    List<String> names = new ArrayList<>(List.of(name));
    if (windows) {
      names.add(name + ".exe");
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String n : names) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, n);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }

  /**
   * The template each line of Helm's output came from: Helm starts every document with
   * {@code # Source: chart/templates/x.yaml}. Index i holds the template of line i+1, null before the first.
   */
  static String[] templatesByLine(String rendered) {
    String[] lines = rendered.split("\n", -1);
    String[] out = new String[lines.length];
    String current = null;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("---")) {
        current = null;
      } else if (lines[i].startsWith("# Source: ")) {
        current = lines[i].substring("# Source: ".length()).strip();
      }
      out[i] = current;
    }
    return out;
  }
}
