package dev.kubepci.result;

import java.util.List;

/**
 * What an assessment rests on besides the objects, for an assessor to check: the configuration file, the declared
 * PCI scope, and every file given (inputs, configuration, waivers, attestations) with its SHA-256.
 *
 * @param configFile the configuration file given with {@code --config}, null when none
 * @param scope the declared CDE scope in words (e.g. {@code cde: namespaces payments}), null when none was declared
 * @param files the files read, in the order given
 */
public record AssessmentBasis(String configFile, String scope, List<File> files) {
  public static final AssessmentBasis NONE = new AssessmentBasis(null, null, List.of());

  public AssessmentBasis {
    files = List.copyOf(files);
  }

  /**
   * One file the assessment read.
   *
   * @param role input, config, waivers or attestations
   * @param sha256 hex digest of its bytes; null for a directory or standard input
   */
  public record File(String role, String path, String sha256) {}
}
