package dev.kubepci.rules.image;

import dev.kubepci.admission.AdmissionEngine;
import dev.kubepci.admission.AdmissionWebhooks;
import dev.kubepci.admission.GatekeeperPolicies;
import dev.kubepci.admission.KyvernoPolicies;
import dev.kubepci.admission.NamespaceView;
import dev.kubepci.admission.ObjectFields;
import dev.kubepci.model.Glob;
import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admission policies that verify image signatures for the pods of a namespace: Kyverno {@code verifyImages}
 * rules, Sigstore policy-controller {@code ClusterImagePolicy} objects (for namespaces that opt in with
 * {@code policy.sigstore.dev/include=true}), Connaisseur, Ratify through a Gatekeeper constraint, and Kubewarden's
 * {@code verify-image-signatures} module. Each verifier says which images it covers and whether it rejects.
 */
public final class ImageSignaturePolicies {
  static final String SIGSTORE_INCLUDE = "policy.sigstore.dev/include";
  static final String CONNAISSEUR_IGNORE = "securesystemsengineering.connaisseur/webhook";

  private ImageSignaturePolicies() {}

  /**
   * One signature check in force for a namespace.
   *
   * @param images the image patterns it verifies; empty means every image
   * @param skipped image patterns it explicitly lets through unverified
   * @param starCrossesSlash whether {@code *} in its patterns spans path separators (Kyverno) or not (Sigstore)
   */
  public record Verifier(String mechanism, String policy, boolean enforcing, String mode, List<String> images,
      List<String> skipped, boolean engineSeen, boolean starCrossesSlash) {

    /** True when this verifier checks {@code image}. */
    public boolean covers(ImageReference image) {
      List<String> forms = image.matchForms();
      if (skipped.stream().anyMatch(p -> forms.stream().anyMatch(f -> globMatches(p, f, starCrossesSlash)))) {
        return false;
      }
      return images.isEmpty()
          || images.stream().anyMatch(p -> forms.stream().anyMatch(f -> globMatches(p, f, starCrossesSlash)));
    }

    /** True when it rejects unverified images and its engine is present. */
    public boolean effective() {
      return enforcing && engineSeen;
    }

    public String describe() {
      return mechanism + " " + policy + " (" + mode + (engineSeen ? "" : ", engine not in input") + ")";
    }
  }

  /** Every verifier that applies to pods of {@code ns}. */
  public static List<Verifier> forNamespace(Inventory inventory, String namespace) {
    NamespaceView ns = NamespaceView.of(inventory, namespace);
    var engines = AdmissionEngine.present(inventory);
    List<Verifier> out = new ArrayList<>();
    if (KyvernoPolicies.engineExclusion(inventory, ns) == null) {
      kyverno(inventory, ns, engines.contains(AdmissionEngine.KYVERNO), out);
    }
    sigstore(inventory, ns, engines.contains(AdmissionEngine.POLICY_CONTROLLER), out);
    if (engines.contains(AdmissionEngine.CONNAISSEUR) && hooksCover(inventory, AdmissionEngine.CONNAISSEUR, ns,
        !"ignore".equals(ns.labels().get(CONNAISSEUR_IGNORE)))) {
      out.add(new Verifier("Connaisseur", "webhook", true, "validate", List.of(), List.of(), true, true));
    }
    ratify(inventory, ns, engines, out);
    kubewarden(inventory, ns, engines.contains(AdmissionEngine.KUBEWARDEN), out);
    return out;
  }

  /**
   * Whether the engine's webhooks are called for pods of {@code ns}: decided by their namespace selectors when the
   * input holds them, else by the engine's documented default ({@code fallback}).
   */
  private static boolean hooksCover(Inventory inventory, AdmissionEngine engine, NamespaceView ns, boolean fallback) {
    var hooks = AdmissionWebhooks.of(inventory).podHooks(engine);
    return hooks.isEmpty() ? fallback : hooks.stream().anyMatch(h -> h.covers(ns.labels()));
  }

  private static void kyverno(Inventory inventory, NamespaceView ns, boolean seen, List<Verifier> out) {
    for (Resource policy : KyvernoPolicies.policies(inventory)) {
      Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(policy), "spec");
      for (Map<String, Object> rule : ObjectFields.maps(spec, "rules")) {
        List<Map<String, Object>> verify = ObjectFields.maps(rule, "verifyImages");
        if (verify.isEmpty() || !KyvernoPolicies.appliesToPods(ObjectFields.map(rule, "match"))
            || !KyvernoPolicies.scope(policy, rule, ns).applies()) {
          continue;
        }
        for (Map<String, Object> v : verify) {
          boolean signatures = !ObjectFields.list(v, "attestors").isEmpty()
              || ObjectFields.has(v, "key") || ObjectFields.has(v, "keyless") || ObjectFields.has(v, "issuer");
          if (!signatures || "false".equalsIgnoreCase(String.valueOf(ObjectFields.string(v, "required")))) {
            continue;
          }
          List<String> images = new ArrayList<>(ObjectFields.strings(v, "imageReferences"));
          if (ObjectFields.string(v, "image") != null) {
            images.add(ObjectFields.string(v, "image"));
          }
          String action = KyvernoPolicies.action(spec, v, ns);
          out.add(new Verifier("Kyverno", policy.kind() + "/" + policy.name() + " rule " + ObjectFields.string(rule,
              "name"), "enforce".equalsIgnoreCase(action), "verifyImages " + action,
              images.isEmpty() ? List.of("*") : images, ObjectFields.strings(v, "skipImageReferences"), seen, true));
        }
      }
    }
  }

  private static void sigstore(Inventory inventory, NamespaceView ns, boolean seen, List<Verifier> out) {
    List<Resource> policies = inventory.ofKind("policy.sigstore.dev", "ClusterImagePolicy");
    if (policies.isEmpty() || !hooksCover(inventory, AdmissionEngine.POLICY_CONTROLLER, ns,
        "true".equals(ns.labels().get(SIGSTORE_INCLUDE)))) {
      return;
    }
    for (Resource p : policies) {
      Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(p), "spec");
      List<Map<String, Object>> authorities = ObjectFields.maps(spec, "authorities");
      boolean verifies = authorities.stream().anyMatch(a -> !ObjectFields.has(a, "static"));
      if (!verifies) {
        continue; // a static pass authority admits without any signature
      }
      List<String> globs = ObjectFields.maps(spec, "images").stream()
          .map(i -> ObjectFields.string(i, "glob")).filter(g -> g != null).toList();
      String mode = ObjectFields.string(spec, "mode");
      mode = mode == null ? "enforce" : mode;
      out.add(new Verifier("Sigstore policy-controller", "ClusterImagePolicy/" + p.name(),
          mode.equalsIgnoreCase("enforce"), mode, globs, List.of(), seen, false));
    }
  }

  private static void ratify(Inventory inventory, NamespaceView ns, java.util.Set<AdmissionEngine> engines,
      List<Verifier> out) {
    for (Resource c : GatekeeperPolicies.constraints(inventory)) {
      if (!c.kind().toLowerCase(Locale.ROOT).contains("ratify")) {
        continue;
      }
      Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(c), "spec");
      if (!GatekeeperPolicies.applies(spec, ns, new ArrayList<>())) {
        continue;
      }
      String action = ObjectFields.string(spec, "enforcementAction");
      out.add(new Verifier("Ratify (Gatekeeper)", c.kind() + "/" + c.name(), GatekeeperPolicies.denies(spec),
          action == null ? "deny" : action, List.of(), List.of(),
          engines.contains(AdmissionEngine.RATIFY) && engines.contains(AdmissionEngine.GATEKEEPER), true));
    }
  }

  private static void kubewarden(Inventory inventory, NamespaceView ns, boolean seen, List<Verifier> out) {
    for (String kind : List.of("ClusterAdmissionPolicy", "AdmissionPolicy")) {
      for (Resource p : inventory.ofKind("policies.kubewarden.io", kind)) {
        Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(p), "spec");
        String module = String.valueOf(ObjectFields.string(spec, "module"));
        if (!module.contains("verify-image-signatures") || "AdmissionPolicy".equals(kind)
            && !ns.name().equals(p.namespace())
            || !LabelSelectors.matches(ObjectFields.selector(spec, "namespaceSelector"), Absent.SELECTS_ALL, ns.labels())) {
          continue;
        }
        List<String> images = ObjectFields.maps(spec, "settings", "signatures").stream()
            .map(s -> ObjectFields.string(s, "image")).filter(i -> i != null).toList();
        String mode = ObjectFields.string(spec, "mode");
        mode = mode == null ? "protect" : mode;
        out.add(new Verifier("Kubewarden", kind + "/" + p.name(), mode.equalsIgnoreCase("protect"), mode,
            images, List.of(), seen, true));
      }
    }
  }

  /**
   * Matches an image pattern the way the engines do: {@code **} always crosses path separators, {@code *} does when
   * {@code starCrossesSlash}, {@code ?} is one character; a pattern without a tag also matches tagged and digested
   * references of the same repository.
   */
  static boolean globMatches(String pattern, String image, boolean starCrossesSlash) {
    if (pattern.equals("*") && starCrossesSlash || pattern.equals("**")) {
      return true;
    }
    String bare = image.replaceAll("(@.*)$", "").replaceAll(":[^/:]*$", "");
    Glob glob = starCrossesSlash ? Glob.of(pattern) : Glob.segments(pattern, '/');
    return glob.matches(image) || glob.matches(bare);
  }
}
