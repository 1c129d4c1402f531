package dev.kubepci.rule;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ResourceRule} declares with {@link EachObject}, read once per class.
 *
 * @param kinds group ({@code ""} for core) and kind of each kind checked
 */
record ObjectTarget(List<GroupKind> kinds, String ifNone, String ifAbsent) {
  /** A kind in its API group. */
  record GroupKind(String group, String kind) {
    static GroupKind parse(String name) {
      int slash = name.lastIndexOf('/');
      return slash < 0 ? new GroupKind("", name) : new GroupKind(name.substring(0, slash), name.substring(slash + 1));
    }
  }

  private static final ClassValue<Optional<ObjectTarget>> DECLARED = new ClassValue<>() {
    @Override
    protected Optional<ObjectTarget> computeValue(Class<?> rule) {
      return Optional.ofNullable(rule.getAnnotation(EachObject.class)).map(each -> new ObjectTarget(
          List.of(each.value()).stream().map(GroupKind::parse).toList(),
          each.ifNone().isEmpty() ? null : each.ifNone(), each.ifAbsent().isEmpty() ? null : each.ifAbsent()));
    }
  };

  /** What {@code rule} declares; empty when it declares nothing. */
  static Optional<ObjectTarget> of(Class<?> rule) {
    return DECLARED.get(rule);
  }

  /** What {@code rule} declares, which it must since it does not say what it applies to itself. */
  static ObjectTarget required(Class<?> rule) {
    Optional<ObjectTarget> declared = DECLARED.get(rule);
    if (declared.isEmpty()) {
      throw new IllegalStateException(rule.getName() + " declares no @EachObject and does not say what it "
          + "appliesTo()");
    }
    return declared.get();
  }

  boolean matches(Resource resource) {
    for (GroupKind k : kinds) {
      if (resource.is(k.group(), k.kind())) {
        return true;
      }
    }
    return false;
  }

  Optional<Outcome> absent(Inventory inventory) {
    if (ifAbsent == null || kinds.stream().anyMatch(k -> !inventory.ofKind(k.group(), k.kind()).isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(Outcome.notAssessed(ifAbsent));
  }
}
