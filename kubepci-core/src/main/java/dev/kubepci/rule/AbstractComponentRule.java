package dev.kubepci.rule;

/**
 * A {@link ComponentRule} whose instances are fixed when it is made: the rule passes its {@link Components} to the
 * constructor and writes only {@link #check}.
 *
 * @param <T> {@code ControlPlane.Instance} or the KubeletConfiguration {@code Resource}
 */
public abstract class AbstractComponentRule<T> implements ComponentRule<T> {
  private final Components<T> components;

  protected AbstractComponentRule(Components<T> components) {
    this.components = components;
  }

  @Override
  public final Components<T> components() {
    return components;
  }
}
