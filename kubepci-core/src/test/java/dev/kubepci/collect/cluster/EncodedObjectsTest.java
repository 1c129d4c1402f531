package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedObjectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void handsBackEqualTreesInOrderAndLetsGoOfThem() throws Exception {
    List<ObjectNode> in = List.of(
        object("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","labels":{"app":"x"}},
             "spec":{"priority":2000001000,"terminationGracePeriodSeconds":30,"overhead":null,
             "containers":[{"name":"c","ports":[{"containerPort":8080}],"resources":{"limits":{"cpu":0.5}}}]}}"""),
        object("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"},"data":{"big":"%s","n":"1"},
             "binaryData":{"x":"aGVsbG8="},"immutable":true,"huge":12345678901234}""".formatted("y".repeat(5000))));
    EncodedObjects encoded = EncodedObjects.empty();
    in.forEach(encoded::add);
    EncodedObjects more = EncodedObjects.empty();
    more.add(object("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"c\"}}"));
    encoded.addAll(more);
    assertThat(encoded.size()).isEqualTo(3);

    List<ObjectNode> out = new ArrayList<>();
    encoded.drain(out::add);
    assertThat(out.subList(0, 2)).isEqualTo(in);
    assertThat(JSON.writeValueAsString(out.get(0))).isEqualTo(JSON.writeValueAsString(in.get(0)));
    assertThat(out.get(2).path("metadata").path("name").asText()).isEqualTo("c");
    assertThat(encoded.size()).isEqualTo(3);
    List<ObjectNode> again = new ArrayList<>();
    encoded.drain(again::add);
    assertThat(again).isEmpty();
  }

  @Test
  void handsOnTheObjectsOfAListPageAsTheyCameWithKindAndApiVersionAndWithoutManagedFields() throws Exception {
    String page = """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"7","continue":"abc"},
         "items":[{"metadata":{"name":"a","managedFields":[{"manager":"kubectl"}]},"spec":{"n":1.50}},
                  "not an object",
                  {"apiVersion":"v1","kind":"Pod","metadata":{"name":"b"},"status":{"big":12345678901234567890}}],
         "after":{"items":[{"x":1}]}}""";
    byte[] json = page.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int objects;
    try (var p = JSON.getFactory().createParser(json)) {
      p.nextToken();
      while (!"items".equals(p.currentName()) || p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        p.nextToken();
      }
      objects = EncodedObjects.items(p);
    }
    assertThat(objects).isEqualTo(2);
    EncodedObjects.Held held = new EncodedObjects.Held(1 << 20);
    EncodedObjects encoded = EncodedObjects.in(held);
    encoded.addPage(json, objects, new ApiResource("", "v1", "pods", "Pod", true, List.of("list")));
    assertThat(encoded.size()).isEqualTo(2);
    assertThat(held.bytes()).isEqualTo(json.length);

    List<ObjectNode> out = new ArrayList<>();
    encoded.drain(out::add);
    assertThat(out).containsExactly(
        object("{\"metadata\":{\"name\":\"a\"},\"spec\":{\"n\":1.50},\"apiVersion\":\"v1\",\"kind\":\"Pod\"}"),
        object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"b\"},"
            + "\"status\":{\"big\":12345678901234567890}}"));
    assertThat(held.bytes()).isZero();
    assertThat(encoded.size()).isEqualTo(2);
  }

  @Test
  void aListingThatIsNotNextWaitsForRoomOnlyWhileTheListingsHoldMoreThanTheLimit() throws Exception {
    EncodedObjects.Held held = new EncodedObjects.Held(10);
    EncodedObjects ahead = EncodedObjects.in(held);
    ahead.add(object("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\"}}".formatted("x".repeat(40))));
    assertThat(held.bytes()).isGreaterThan(10);
    held.head("/api/v1/pods");
    held.room("/api/v1/pods"); // the next one goes on over the limit

    java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    Thread other = new Thread(() -> {
      try {
        waiting.countDown();
        held.room("/api/v1/configmaps");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    other.start();
    waiting.await();
    ahead.clear();
    other.join(); // released: the bytes held are back under the limit
    assertThat(held.bytes()).isZero();
  }

  @Test
  void startsOverWhenCleared() throws Exception {
    EncodedObjects encoded = EncodedObjects.empty();
    encoded.add(object("{\"kind\":\"Pod\"}"));
    encoded.clear();
    assertThat(encoded.size()).isZero();
  }
}
