package dev.kubepci.cli;

import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.KubeconfigReader;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.util.List;

/** Checks that each file given with {@code --kubeconfig-file} is a kubeconfig, so a wrong path is not silently skipped. */
final class KubeconfigFiles {
  private KubeconfigFiles() {}

  /**
   * @throws UserException when a file yielded no kubeconfig entry and no input error explains why
   */
  static void requireKubeconfigs(List<String> files, CollectedInput input) {
    for (String file : files) {
      boolean found = false;
      for (Resource r : input.inventory().all()) {
        if (isOf(r.provenance(), file) && KubeconfigReader.API_VERSION.equals(r.apiVersion())) {
          found = true;
          break;
        }
      }
      boolean explained = input.errors().stream().map(ProcessingError::source).anyMatch(s -> isOf(s, file));
      if (!found && !explained) {
        throw new UserException(ExitCode.USAGE, "--kubeconfig-file " + file
            + ": not a kubeconfig (expected apiVersion: v1, kind: Config with users or clusters)");
      }
    }
  }

  private static boolean isOf(Provenance source, String file) {
    return source instanceof Provenance.FileSource f && file.equals(f.file());
  }
}
