package dev.kubepci.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable string map in insertion order, stored as one array: labels of compact resources, a handful of
 * entries each, held for every object of a large cluster.
 */
final class CompactLabels extends AbstractMap<String, String> {
  static final CompactLabels EMPTY = new CompactLabels(new String[0]);

  private final String[] keysAndValues;

  private CompactLabels(String[] keysAndValues) {
    this.keysAndValues = keysAndValues;
  }

  /** A copy of {@code map}, with every string passed through {@code intern} so that repeated ones are shared. */
  static Map<String, String> copyOf(Map<String, String> map, java.util.function.UnaryOperator<String> intern) {
    if (map == null || map.isEmpty()) {
      return EMPTY;
    }
    String[] kv = new String[map.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      kv[i++] = intern.apply(e.getKey());
      // a label written without a value is the empty string to Kubernetes
      kv[i++] = intern.apply(e.getValue() == null ? "" : e.getValue());
    }
    return new CompactLabels(kv);
  }

  @Override
  public int size() {
    return keysAndValues.length / 2;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public String get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : keysAndValues[i + 1];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < keysAndValues.length;
          }

          @Override
          public Entry<String, String> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Entry<String, String> e = new SimpleImmutableEntry<>(keysAndValues[next], keysAndValues[next + 1]);
            next += 2;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return CompactLabels.this.size();
      }
    };
  }
}
