package dev.kubepci.collect.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The objects of one listing, held as binary JSON (Smile) until they are handed on in plan order: listings run in
 * parallel and finish out of order, and a cluster's Pods held as JSON trees would take several times the heap their
 * encoding takes. Each object decodes to a tree equal to the one that was encoded.
 */
final class EncodedObjects {
  private static final ObjectMapper SMILE = new ObjectMapper(SmileFactory.builder()
      .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES).build());

  private final List<byte[]> encoded = new ArrayList<>();
  private int count;

  static EncodedObjects empty() {
    return new EncodedObjects();
  }

  void add(ObjectNode object) {
    try {
      encoded.add(SMILE.writeValueAsBytes(object));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    count++;
  }

  void addAll(EncodedObjects other) {
    encoded.addAll(other.encoded);
    count += other.count;
  }

  /** Objects added, also after {@link #drain}. */
  int size() {
    return count;
  }

  void clear() {
    encoded.clear();
    count = 0;
  }

  /** Hands every object to {@code sink} in order, letting go of each as it goes; {@link #size()} stays. */
  void drain(Consumer<ObjectNode> sink) {
    for (int i = 0; i < encoded.size(); i++) {
      byte[] bytes = encoded.get(i);
      encoded.set(i, null);
      try {
        sink.accept((ObjectNode) SMILE.readTree(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot decode a listed object", e);
      }
    }
    encoded.clear();
  }
}
