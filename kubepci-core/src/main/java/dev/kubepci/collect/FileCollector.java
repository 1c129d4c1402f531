package dev.kubepci.collect;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Reads the files, directories and standard input the user named into one inventory. Helm charts and
 * kustomization folders among them are rendered first and their output read like any manifest.
 */
public final class FileCollector {
  private FileCollector() {}

  /**
   * {@link #collect(List, InputStream, IntConsumer, RenderOptions)} with Helm's defaults for charts, putting objects
   * that name no namespace in {@code default}.
   */
  public static CollectedInput collect(List<String> paths, InputStream stdin, IntConsumer progress) {
    return collect(paths, stdin, progress, RenderOptions.DEFAULTS);
  }

  /**
   * {@link #collect(List, InputStream, IntConsumer, RenderOptions)} with Helm's defaults for charts and
   * {@code namespace} ({@code kubectl -n}; null for {@code default}) for objects that name none.
   */
  public static CollectedInput collect(List<String> paths, InputStream stdin, IntConsumer progress,
      String namespace) {
    return collect(paths, stdin, progress, RenderOptions.inNamespace(namespace));
  }

  /**
   * @param progress told the number of sources (files, charts, kustomizations) read so far, after each
   * @param render how Helm charts among the paths are rendered; its namespace is also where namespaced objects
   *     that name no namespace are put, as {@code kubectl -n} does
   * @throws InputException when a path does not exist, a directory has no manifests, or nothing was found at all
   */
  public static CollectedInput collect(List<String> paths, InputStream stdin, IntConsumer progress,
      RenderOptions render) {
    if (paths.isEmpty()) {
      throw new InputException("no input given: name manifest files, directories, or - for standard input");
    }
    if (paths.stream().filter(ManifestReader.STDIN::equals).count() > 1) {
      throw new InputException("standard input (-) can be named only once");
    }
    List<Resource> resources = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    List<ManifestReader.Source> sources = ManifestReader.sources(paths, errors::add);
    List<ProcessingError> skipped = new ArrayList<>();
    Map<String, String> rendered = new TreeMap<>();
    // bulk kinds are kept compact, so that a dump of a large cluster fits in a small heap
    ManifestReader reader = new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        resources.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        errors.add(error);
      }

      @Override
      public void skipped(ProcessingError why) {
        skipped.add(why);
      }
    }, new CompactStore());
    int done = 0;
    for (ManifestReader.Source source : sources) {
      switch (source.kind()) {
        case FILE -> reader.read(source.path(), stdin);
        case HELM_CHART, KUSTOMIZATION -> {
          String text = render(source, render, errors);
          if (text != null) {
            rendered.put(source.path(), text);
            try {
              reader.readRendered(source.path(), text, source.kind() == ManifestReader.Source.Kind.HELM_CHART);
            } catch (IOException e) {
              throw new UncheckedIOException(e); // a string does not fail to read
            }
          }
        }
      }
      progress.accept(++done);
    }
    if (resources.isEmpty() && errors.isEmpty()) {
      throw new InputException("the input holds no Kubernetes objects: " + String.join(", ", paths)
          + (skipped.isEmpty() ? "" : " (" + skipped.size() + " document(s) that are not Kubernetes objects skipped)"));
    }
    return new CollectedInput(Inventory.of(DefaultNamespace.apply(resources, render.namespace())), errors, paths, skipped,
        rendered, reader.digests());
  }

  /** The rendered manifests of a chart or kustomization, or null after recording why it could not be rendered. */
  private static String render(ManifestReader.Source source, RenderOptions options, List<ProcessingError> errors) {
    try {
      return source.kind() == ManifestReader.Source.Kind.HELM_CHART
          ? Renderer.helmTemplate(Path.of(source.path()), options)
          : Renderer.kustomize(Path.of(source.path()));
    } catch (Renderer.RenderException e) {
      // the line Helm names is the template's, and stays in the message: provenance lines are rendered lines
      Provenance.FileSource where = Provenance.ofFile(source.path(), 0, 0);
      errors.add(new ProcessingError(e.template() == null ? where : where.withTemplate(e.template()), e.getMessage()));
      return null;
    }
  }
}
