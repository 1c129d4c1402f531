package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.secrets.RedactionKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the key of the secret fingerprints for this run, first found wins: the {@code KUBEPCI_REDACTION_KEY}
 * variable (the key itself), the file {@code KUBEPCI_REDACTION_KEY_FILE} names, the installation key file
 * {@code $XDG_CONFIG_HOME/kubepci/redaction-key} (or {@code ~/.config/kubepci/redaction-key}); otherwise a random key
 * for this run alone. A key given but unusable (too short, unreadable) is a usage error, never silently replaced.
 */
final class RedactionKeys {
  static final String VARIABLE = "KUBEPCI_REDACTION_KEY";
  static final String FILE_VARIABLE = "KUBEPCI_REDACTION_KEY_FILE";

  private RedactionKeys() {}

  static RedactionKey resolve(Map<String, String> env) {
    String direct = env.get(VARIABLE);
    if (direct != null && !direct.isBlank()) {
      return of(direct, "$" + VARIABLE);
    }
    String named = env.get(FILE_VARIABLE);
    if (named != null && !named.isBlank()) {
      return read(Path.of(named), "$" + FILE_VARIABLE);
    }
    Path installation = installationFile(env);
    if (installation != null && Files.isRegularFile(installation)) {
      return read(installation, "the installation key");
    }
    return RedactionKey.random();
  }

  /** Where an installation key is looked for, or null when neither XDG_CONFIG_HOME nor HOME is set. */
  static Path installationFile(Map<String, String> env) {
    String config = env.get("XDG_CONFIG_HOME");
    if (config != null && !config.isBlank()) {
      return Path.of(config, "kubepci", "redaction-key");
    }
    String home = env.get("HOME");
    return home == null || home.isBlank() ? null : Path.of(home, ".config", "kubepci", "redaction-key");
  }

  private static RedactionKey read(Path file, String what) {
    try {
      return of(Files.readString(file, StandardCharsets.UTF_8), what + " " + file);
    } catch (IOException e) {
      throw new UserException(ExitCode.USAGE, "cannot read the redaction key (" + what + " " + file + "): "
          + e.getMessage());
    }
  }

  private static RedactionKey of(String key, String origin) {
    try {
      return RedactionKey.of(key, origin);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }
}
