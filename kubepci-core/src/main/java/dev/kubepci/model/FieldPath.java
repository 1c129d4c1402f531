package dev.kubepci.model;

import java.util.Objects;

/**
 * A path to a field inside an object, printed the way {@code kubectl explain} and JSONPath readers expect:
 * {@code spec.template.spec.containers[0].securityContext.privileged}. Immutable; children share parents.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(null, null, -1);

  private final FieldPath parent;
  private final String field;
  private final int index;

  private FieldPath(FieldPath parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  public static FieldPath root() {
    return ROOT;
  }

  /** Parses {@code a.b[2].c}; keys that contain dots are written in brackets: {@code labels['app.kubernetes.io/name']}. */
  public static FieldPath parse(String path) {
    FieldPath p = ROOT;
    if (path == null || path.isEmpty()) {
      return p;
    }
    int i = 0;
    StringBuilder name = new StringBuilder();
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        if (name.length() > 0) {
          p = p.child(name.toString());
          name.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (name.length() > 0) {
          p = p.child(name.toString());
          name.setLength(0);
        }
        int end = path.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed [ in field path " + path);
        }
        String inner = path.substring(i + 1, end);
        if (inner.startsWith("'") && inner.endsWith("'") && inner.length() >= 2) {
          p = p.child(inner.substring(1, inner.length() - 1));
        } else {
          p = p.index(Integer.parseInt(inner));
        }
        i = end + 1;
      } else {
        name.append(c);
        i++;
      }
    }
    if (name.length() > 0) {
      p = p.child(name.toString());
    }
    return p;
  }

  public FieldPath child(String name) {
    return new FieldPath(this, Objects.requireNonNull(name, "name"), -1);
  }

  public FieldPath index(int i) {
    return new FieldPath(this, null, i);
  }

  /** The segments from the root: field names as {@code String}, list indexes as {@code Integer}. */
  public java.util.List<Object> segments() {
    java.util.ArrayDeque<Object> out = new java.util.ArrayDeque<>();
    for (FieldPath p = this; !p.isRoot(); p = p.parent) {
      out.addFirst(p.field == null ? (Object) p.index : p.field);
    }
    return java.util.List.copyOf(out);
  }

  public boolean isRoot() {
    return parent == null;
  }

  @Override
  public String toString() {
    if (isRoot()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (isRoot()) {
      return;
    }
    parent.append(sb);
    if (field == null) {
      sb.append('[').append(index).append(']');
    } else if (field.indexOf('.') >= 0 || field.indexOf('/') >= 0) {
      sb.append("['").append(field).append("']");
    } else {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(field);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
