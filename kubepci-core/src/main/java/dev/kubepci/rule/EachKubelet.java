package dev.kubepci.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a {@link ComponentRule ComponentRule&lt;Resource&gt;} checks each KubeletConfiguration, and which of
 * its fields an assessor collects when none is in the input: its {@link ComponentRule#components()} is then {@code
 * Components.kubelets(NotVisible.kubeletField(showing))}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EachKubelet {
  /** The fields the NOT_ASSESSED reason asks for, e.g. {@code authorization.mode}. */
  String showing();

  /**
   * The kubelet command-line flags that override those fields (e.g. {@code --authorization-mode}): they are not in
   * the input, so the rule notes once that an assessor confirms them on each node. Empty (the default): no note.
   */
  String[] overriddenBy() default {};
}
