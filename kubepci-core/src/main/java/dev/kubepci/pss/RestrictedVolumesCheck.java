package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code restrictedVolumes}: only ephemeral, projected and claim-backed volume types are allowed.
 *
 * <p>Upstream has a single revision at v1.0 and amended it in place to allow {@code image}
 * volumes, so they are allowed at every policy version.
 */
final class RestrictedVolumesCheck {
  private static final List<Function<Volume, Object>> ALLOWED_SOURCES =
      List.of(
          Volume::getConfigMap,
          Volume::getCsi,
          Volume::getDownwardAPI,
          Volume::getEmptyDir,
          Volume::getEphemeral,
          Volume::getImage,
          Volume::getPersistentVolumeClaim,
          Volume::getProjected,
          Volume::getSecret);

  /** The restricted sources, named as in the API, in upstream's order. */
  private static final Map<String, Function<Volume, Object>> RESTRICTED_SOURCES = restricted();

  private RestrictedVolumesCheck() {}

  private static Map<String, Function<Volume, Object>> restricted() {
    Map<String, Function<Volume, Object>> sources = new LinkedHashMap<>();
    sources.put("hostPath", Volume::getHostPath);
    sources.put("gcePersistentDisk", Volume::getGcePersistentDisk);
    sources.put("awsElasticBlockStore", Volume::getAwsElasticBlockStore);
    sources.put("gitRepo", Volume::getGitRepo);
    sources.put("nfs", Volume::getNfs);
    sources.put("iscsi", Volume::getIscsi);
    sources.put("glusterfs", Volume::getGlusterfs);
    sources.put("rbd", Volume::getRbd);
    sources.put("flexVolume", Volume::getFlexVolume);
    sources.put("cinder", Volume::getCinder);
    sources.put("cephfs", Volume::getCephfs);
    sources.put("flocker", Volume::getFlocker);
    sources.put("fc", Volume::getFc);
    sources.put("azureFile", Volume::getAzureFile);
    sources.put("vsphereVolume", Volume::getVsphereVolume);
    sources.put("quobyte", Volume::getQuobyte);
    sources.put("azureDisk", Volume::getAzureDisk);
    sources.put("photonPersistentDisk", Volume::getPhotonPersistentDisk);
    sources.put("portworxVolume", Volume::getPortworxVolume);
    sources.put("scaleIO", Volume::getScaleIO);
    sources.put("storageos", Volume::getStorageos);
    return sources;
  }

  static void v1Dot0(PodView pod, Findings findings) {
    List<Volume> volumes = pod.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume volume = volumes.get(i);
      if (ALLOWED_SOURCES.stream().anyMatch(source -> source.apply(volume) != null)) {
        continue;
      }
      List<String> types = restrictedTypes(volume);
      // The API server defaults a volume without any source to emptyDir before admission.
      if (types.isEmpty() && unknownSources(volume).isEmpty()) {
        continue;
      }
      String base = pod.specPath("volumes[" + i + "]");
      if (types.isEmpty()) {
        // A source this model does not know, kept as an additional property: upstream reports
        // such a volume as of "unknown" type.
        for (String unknown : unknownSources(volume)) {
          flag(findings, base + "." + unknown, volume, "unknown");
        }
      }
      for (String type : types) {
        flag(findings, base + "." + type, volume, type);
      }
    }
  }

  private static List<String> restrictedTypes(Volume volume) {
    List<String> found = new ArrayList<>();
    RESTRICTED_SOURCES.forEach(
        (name, source) -> {
          if (source.apply(volume) != null) {
            found.add(name);
          }
        });
    return found;
  }

  private static List<String> unknownSources(Volume volume) {
    Map<String, Object> extra = volume.getAdditionalProperties();
    return extra == null ? List.of() : List.copyOf(new TreeSet<>(extra.keySet()));
  }

  private static void flag(Findings findings, String path, Volume volume, String type) {
    findings.add(
        path,
        "restricted volume types",
        "volume " + Text.quote(volume.getName()) + " uses restricted volume type "
            + Text.quote(type));
  }
}
