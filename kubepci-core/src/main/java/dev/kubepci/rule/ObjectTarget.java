package dev.kubepci.rule;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ResourceRule} declares with {@link EachObject}, read once per class.
 *
 * @param kinds group ({@code ""} for core, null for any) and kind of each kind checked
 */
record ObjectTarget(List<GroupKind> kinds, String ifNone, String ifAbsent) {
  /** A kind in its API group, or in any group when {@code group} is null. */
  record GroupKind(String group, String kind) {
    static GroupKind parse(String name) {
      int slash = name.lastIndexOf('/');
      String group = slash < 0 ? "" : name.substring(0, slash);
      return new GroupKind(group.equals("*") ? null : group, name.substring(slash + 1));
    }

    List<Resource> in(Inventory inventory) {
      return group == null ? inventory.ofKind(kind) : inventory.ofKind(group, kind);
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
    if (ifAbsent == null || kinds.stream().anyMatch(k -> !k.in(inventory).isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(Outcome.notAssessed(ifAbsent));
  }
}
