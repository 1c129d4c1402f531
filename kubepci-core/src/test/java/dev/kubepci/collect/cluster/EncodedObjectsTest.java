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
  void startsOverWhenCleared() throws Exception {
    EncodedObjects encoded = EncodedObjects.empty();
    encoded.add(object("{\"kind\":\"Pod\"}"));
    encoded.clear();
    assertThat(encoded.size()).isZero();
  }
}
