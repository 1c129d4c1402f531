package dev.kubepci.rule;

import dev.kubepci.model.ControlPlane;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a {@link ComponentRule ComponentRule&lt;ControlPlane.Instance&gt;} checks each instance of one
 * control-plane component, and how the engine words NOT_ASSESSED when none is in the input: its {@link
 * ComponentRule#components()} is then {@code Components.of(of, notVisible)}. A rule over several components, or
 * whose wording reads the inventory, writes {@code components()} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EachInstance {
  ControlPlane.Component of();

  NotVisible.Wording notVisible();
}
