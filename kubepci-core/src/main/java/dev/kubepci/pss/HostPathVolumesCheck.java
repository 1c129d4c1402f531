package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;

/** {@code hostPathVolumes}: hostPath volumes are forbidden. */
final class HostPathVolumesCheck {
  private HostPathVolumesCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    List<Volume> volumes = pod.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume volume = volumes.get(i);
      if (volume.getHostPath() != null) {
        findings.add(
            pod.specPath("volumes[" + i + "].hostPath"),
            "hostPath volumes",
            "volume " + Text.quote(volume.getName()));
      }
    }
  }
}
