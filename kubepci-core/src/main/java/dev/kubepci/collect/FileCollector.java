package dev.kubepci.collect;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Reads the files, directories and standard input the user named into one inventory. */
public final class FileCollector {
  private FileCollector() {}

  /** Reads the input, putting objects that name no namespace in {@code default}; see the four-argument form. */
  public static CollectedInput collect(List<String> paths, InputStream stdin, IntConsumer progress) {
    return collect(paths, stdin, progress, DefaultNamespace.DEFAULT);
  }

  /**
   * @param progress told the number of files read so far, after each file
   * @param namespace where namespaced objects that name no namespace are put ({@code kubectl -n}); null for
   *     {@code default}
   * @throws InputException when a path does not exist, a directory has no manifests, or nothing was found at all
   */
  public static CollectedInput collect(List<String> paths, InputStream stdin, IntConsumer progress,
      String namespace) {
    if (paths.isEmpty()) {
      throw new InputException("no input given: name manifest files, directories, or - for standard input");
    }
    if (paths.stream().filter(ManifestReader.STDIN::equals).count() > 1) {
      throw new InputException("standard input (-) can be named only once");
    }
    List<Resource> resources = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    List<String> files = ManifestReader.expand(paths, errors::add);
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
    }, new CompactStore());
    int done = 0;
    for (String file : files) {
      reader.read(file, stdin);
      progress.accept(++done);
    }
    if (resources.isEmpty() && errors.isEmpty()) {
      throw new InputException("the input holds no Kubernetes objects: " + String.join(", ", paths));
    }
    return new CollectedInput(Inventory.of(DefaultNamespace.apply(resources, namespace)), errors, paths);
  }
}
