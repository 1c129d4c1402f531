package dev.kubepci.admission;

import dev.kubepci.model.FieldPath;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVersion;
import java.util.Map;

/**
 * The Pod Security admission labels of a namespace ({@code pod-security.kubernetes.io/<mode>} and
 * {@code <mode>-version}) as the admission controller reads them. A mode without a level label is unset (the
 * cluster default applies, which lives in the API server's admission configuration); a level or version that does
 * not parse makes the controller apply restricted at the latest version for that mode.
 */
public record PodSecurityLabels(Mode enforce, Mode audit, Mode warn) {
  public static final String PREFIX = "pod-security.kubernetes.io/";

  /** One mode's level and version, as written and as applied. */
  public record Mode(String name, String levelText, String versionText, PssLevel level, PssVersion version,
      boolean invalid) {
    public boolean isSet() {
      return levelText != null;
    }

    public String levelLabel() {
      return PREFIX + name;
    }

    public FieldPath levelPath() {
      return FieldPath.root().child("metadata").child("labels").child(levelLabel());
    }

    /** e.g. {@code restricted@v1.31}, {@code baseline@latest}, {@code -} when unset. */
    public String describe() {
      if (!isSet()) {
        return "-";
      }
      String text = levelText + "@" + (versionText == null ? "latest" : versionText);
      return invalid ? text + " (invalid: restricted@latest applies)" : text;
    }
  }

  public static PodSecurityLabels of(Map<String, String> labels) {
    return new PodSecurityLabels(mode("enforce", labels), mode("audit", labels), mode("warn", labels));
  }

  private static Mode mode(String name, Map<String, String> labels) {
    String levelText = labels.get(PREFIX + name);
    String versionText = labels.get(PREFIX + name + "-version");
    if (levelText == null) {
      return new Mode(name, null, versionText, null, null, false);
    }
    try {
      PssLevel level = PssLevel.parse(levelText);
      PssVersion version = versionText == null ? PssVersion.LATEST : PssVersion.parse(versionText);
      return new Mode(name, levelText, versionText, level, version, false);
    } catch (IllegalArgumentException e) {
      return new Mode(name, levelText, versionText, PssLevel.RESTRICTED, PssVersion.LATEST, true);
    }
  }
}
