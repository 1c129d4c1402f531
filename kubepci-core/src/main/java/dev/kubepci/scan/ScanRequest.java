package dev.kubepci.scan;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.collect.RenderOptions;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.crossref.CrossReference;
import dev.kubepci.secrets.RedactionKey;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * One scan, as a front end was asked for it. Built with {@link #builder}; every field has a default but the
 * framework and the catalogue.
 *
 * @param paths what the user named: manifest files and folders, Helm charts, kustomizations, {@code -} for standard
 *     input, at most one snapshot; none (and no kubeconfig file) means the live cluster
 * @param stdin what {@code -} reads
 * @param live assess the live cluster even though paths are given; the files complete it
 * @param cluster how to reach the live cluster; null when the front end offers no live scan
 * @param saveSnapshot with a live scan, also write the snapshot assessed there; null for none
 * @param kubeconfigFiles kubeconfigs to assess as evidence, never used to connect
 * @param render how Helm charts are rendered; its namespace is also where objects that name none are placed
 * @param selected the rules to run, a subset of the catalogue; the others are reported NOT_ASSESSED
 * @param crossReference the PCI DSS cross-reference to attach to the report, or null
 * @param config the configuration with the waivers and attestations of every file already added
 * @param configFile the configuration file the configuration came from, or null (for the report's basis)
 * @param waiverFiles the waiver files read into the configuration (for the report's basis)
 * @param attestationFiles the attestation files read into the configuration (for the report's basis)
 * @param toolVersion kubepci's version, in the report and in a saved snapshot's header
 * @param redactionKey the key of the fingerprints that stand for secret values
 */
@RecordBuilder
public record ScanRequest(List<String> paths, InputStream stdin, boolean live, ClusterConnection cluster,
    Path saveSnapshot, List<String> kubeconfigFiles, RenderOptions render, Framework framework, RuleCatalog catalog,
    List<RuleDescriptor> selected, CrossReference crossReference, KubepciConfig config, Path configFile,
    List<Path> waiverFiles, List<Path> attestationFiles, Clock clock, String toolVersion, RedactionKey redactionKey,
    ScanListener listener) implements ScanRequestBuilder.With {

  public ScanRequest {
    paths = paths == null ? List.of() : List.copyOf(paths);
    stdin = stdin == null ? InputStream.nullInputStream() : stdin;
    kubeconfigFiles = kubeconfigFiles == null ? List.of() : List.copyOf(kubeconfigFiles);
    render = render == null ? RenderOptions.DEFAULTS : render;
    Objects.requireNonNull(framework, "framework");
    Objects.requireNonNull(catalog, "catalog");
    selected = List.copyOf(selected == null ? catalog.rules() : selected);
    config = config == null ? KubepciConfig.EMPTY : config;
    waiverFiles = waiverFiles == null ? List.of() : List.copyOf(waiverFiles);
    attestationFiles = attestationFiles == null ? List.of() : List.copyOf(attestationFiles);
    clock = clock == null ? Clock.systemUTC() : clock;
    toolVersion = toolVersion == null ? "dev" : toolVersion;
    redactionKey = redactionKey == null ? RedactionKey.random() : redactionKey;
    listener = listener == null ? ScanListener.NONE : listener;
  }

  /** A request to assess with the rules of {@code catalog}, mapped by {@code framework}. */
  public static ScanRequestBuilder builder(Framework framework, RuleCatalog catalog) {
    return ScanRequestBuilder.builder().framework(framework).catalog(catalog);
  }

  /**
   * True when the scan reads the live cluster: asked to, or given nothing else to read (a kubeconfig given as
   * evidence alone is an offline scan of it, never a connection).
   */
  public boolean isLive() {
    return live || (paths.isEmpty() && kubeconfigFiles.isEmpty());
  }
}
