package dev.kubepci.collect.cluster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
 * The objects of one listing, held encoded until they are handed on in plan order: listings run in parallel and
 * finish out of order, and a cluster's Pods held as JSON trees would take several times the heap their encoding
 * takes. A list page is held as the bytes the API server sent and read into trees only when its turn comes, so that
 * each object is parsed once (no tree built, encoded and decoded again on the way); objects kubepci builds itself
 * (a Secret's metadata from a Table row) are held as binary JSON (Smile). The bytes held count against the
 * collection's {@link Held budget}.
 */
final class EncodedObjects {
  private static final ObjectMapper SMILE = new ObjectMapper(SmileFactory.builder()
      .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES).build());

  private final Held held;
  private final List<Chunk> chunks = new ArrayList<>();
  private int count;

  private EncodedObjects(Held held) {
    this.held = held;
  }

  /** Objects held outside any budget. */
  static EncodedObjects empty() {
    return new EncodedObjects(new Held(Long.MAX_VALUE));
  }

  /** Objects whose bytes count against {@code held}. */
  static EncodedObjects in(Held held) {
    return new EncodedObjects(held);
  }

  /** Some objects, held encoded. */
  private interface Chunk {
    int size();

    long bytes();

    void drain(Consumer<ObjectNode> sink) throws IOException;
  }

  /** An object as a tree kubepci built: held as Smile. */
  void add(ObjectNode object) {
    byte[] encoded;
    try {
      encoded = SMILE.writeValueAsBytes(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    add(new Chunk() {
      @Override
      public int size() {
        return 1;
      }

      @Override
      public long bytes() {
        return encoded.length;
      }

      @Override
      public void drain(Consumer<ObjectNode> sink) throws IOException {
        sink.accept((ObjectNode) SMILE.readTree(encoded));
      }
    });
  }

  /**
   * A list page as the API server sent it (a JSON object whose {@code items} are the objects), with the number of
   * objects {@link #items} counted in it; each item is read, {@linkplain #normalise normalised}, when drained.
   */
  void addPage(byte[] json, int objects, ApiResource resource) {
    add(new Chunk() {
      @Override
      public int size() {
        return objects;
      }

      @Override
      public long bytes() {
        return json.length;
      }

      @Override
      public void drain(Consumer<ObjectNode> sink) throws IOException {
        try (JsonParser p = ThrottledApi.MAPPER.getFactory().createParser(json)) {
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY || !"items".equals(field)) {
              p.skipChildren();
              continue;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (p.currentToken() == JsonToken.START_OBJECT) {
                sink.accept(normalise(ThrottledApi.MAPPER.readTree(p), resource));
              } else {
                p.skipChildren();
              }
            }
          }
        }
      }
    });
  }

  /**
   * The objects in the {@code items} of the list page under {@code p} (positioned on the array's start), skipped
   * over: what {@link #addPage} will hand on. The parser ends on the array's end.
   */
  static int items(JsonParser p) throws IOException {
    int objects = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.START_OBJECT) {
        objects++;
      }
      p.skipChildren();
    }
    return objects;
  }

  /** API list items leave out kind and apiVersion; managed fields are bulk no rule reads. */
  private static ObjectNode normalise(JsonNode node, ApiResource r) {
    ObjectNode item = (ObjectNode) node;
    if (!item.hasNonNull("apiVersion")) {
      item.put("apiVersion", r.groupVersion());
    }
    if (!item.hasNonNull("kind")) {
      item.put("kind", r.kind());
    }
    if (item.get("metadata") instanceof ObjectNode meta) {
      meta.remove("managedFields");
    }
    return item;
  }

  private void add(Chunk chunk) {
    chunks.add(chunk);
    count += chunk.size();
    held.add(chunk.bytes());
  }

  /** Moves the objects of {@code other} here (both count against the same budget). */
  void addAll(EncodedObjects other) {
    chunks.addAll(other.chunks);
    count += other.count;
    other.chunks.clear();
  }

  /** Objects added, also after {@link #drain}. */
  int size() {
    return count;
  }

  /** Lets go of every object. */
  void clear() {
    chunks.forEach(c -> held.release(c.bytes()));
    chunks.clear();
    count = 0;
  }

  /** Hands every object to {@code sink} in order, letting go of each chunk as it goes; {@link #size()} stays. */
  void drain(Consumer<ObjectNode> sink) {
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      chunks.set(i, null);
      try {
        chunk.drain(sink);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot decode a listed object", e);
      } finally {
        held.release(chunk.bytes());
      }
    }
    chunks.clear();
  }

  /**
   * The bytes the listings of one collection hold, bounded: a listing that is not the next to be handed on waits
   * before its next page while the listings hold more than the limit, so that listings running ahead of a slow
   * consumer do not fill the heap. The listing whose turn it is never waits (its pages are the way out).
   */
  static final class Held {
    private final long limit;
    private long bytes;
    private String head;

    Held(long limit) {
      this.limit = limit;
    }

    /** The listing being waited for: it never waits for room. */
    synchronized void head(String listing) {
      head = listing;
      notifyAll();
    }

    /** Waits until {@code listing} may hold another page. */
    synchronized void room(String listing) throws InterruptedException {
      while (bytes > limit && !listing.equals(head)) {
        wait();
      }
    }

    synchronized void add(long n) {
      bytes += n;
    }

    synchronized void release(long n) {
      bytes -= n;
      notifyAll();
    }

    synchronized long bytes() {
      return bytes;
    }
  }
}
