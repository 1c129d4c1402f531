package dev.kubepci.rule;

import dev.kubepci.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * A rule about each instance of a control-plane component ({@link EachInstance @EachInstance(of = KUBE_APISERVER,
 * ...)}), each kubelet configuration ({@link EachKubelet @EachKubelet(...)}), or both ({@code Components.anyOf(...)}
 * returned by {@link #components()}). The engine
 * answers NOT_ASSESSED once, in the words of {@link Components#hidden}, when none is in the input, so {@link #check}
 * only sees instances.
 *
 * <p>When the answer is in a file an instance names (the EncryptionConfiguration of {@code
 * --encryption-provider-config}), {@link #referenced} names it: the engine judges it once with {@link
 * #checkReferenced}, however many instances name it, and counts it instead of those instances.
 *
 * @param <T> {@code ControlPlane.Instance}, the KubeletConfiguration {@code Resource}, or {@code Object} for both
 */
public non-sealed interface ComponentRule<T> extends Rule {
  /**
   * Which instances the rule checks, and what to say when none is visible: by default what the class declares with
   * {@link EachInstance} or {@link EachKubelet}.
   */
  default Components<T> components() {
    return Components.declaredBy(getClass());
  }

  /**
   * Notes the kubelet flags {@code rule} declares as overriding what it reads ({@link EachKubelet#overriddenBy()}):
   * the engine's, once the instances were checked, before the rule's own {@link #finish}.
   */
  static void noteOverriddenFlags(Class<?> rule, RuleContext context) {
    EachKubelet kubelets = rule.getAnnotation(EachKubelet.class);
    if (kubelets == null || kubelets.overriddenBy().length == 0) {
      return;
    }
    List<String> flags = List.of(kubelets.overriddenBy());
    context.noteOnce(flags.size() == 1
        ? "the kubelet flag " + flags.get(0) + " overrides the configuration file and is not in the input; confirm "
            + "it on each node"
        : "kubelet command-line flags (" + String.join(", ", flags) + ") override the configuration file and are "
            + "not in the input; confirm them on each node");
  }

  /** The violations of one instance; empty when it passes. */
  List<Violation> check(T instance, RuleContext context);

  /**
   * The object of the input that decides for {@code instance} (the file one of its flags names); asked only when
   * {@link #check} found no violation and did not leave the instance undecided. Empty (the default): the instance
   * passes.
   */
  default Optional<Resource> referenced(T instance, RuleContext context) {
    return Optional.empty();
  }

  /** The violations of an object {@link #referenced} named, asked once per object; empty when it passes. */
  default List<Violation> checkReferenced(Resource referenced, RuleContext context) {
    return List.of();
  }
}
