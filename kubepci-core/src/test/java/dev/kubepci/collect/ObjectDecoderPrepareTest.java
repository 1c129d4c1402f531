package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Preparing a kind ahead of decoding changes nothing in what is decoded, and never fails a read. */
class ObjectDecoderPrepareTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void aPreparedKindDecodesAsAnUnpreparedOneDoes() throws Exception {
    String statefulSet = "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"db\","
        + "\"labels\":{\"app\":null}},\"spec\":{\"replicas\":2,\"template\":{\"spec\":{\"containers\":[{\"name\":"
        + "\"db\",\"image\":\"postgres:16\",\"resources\":null}]}}}}";
    var unprepared = ObjectDecoder.decode(tree(statefulSet));
    ObjectDecoder.prepare(tree(statefulSet));
    ObjectDecoder.prepare(tree(statefulSet)); // only the first call of a kind does anything
    var prepared = ObjectDecoder.decode(tree(statefulSet));

    assertThat(prepared).isInstanceOf(StatefulSet.class).isEqualTo(unprepared);
    assertThat(prepared.getMetadata().getLabels()).containsEntry("app", "");
  }

  @Test
  void objectsThatCannotBeDecodedArePreparedWithoutEffect() throws Exception {
    ObjectDecoder.prepare(tree("{\"metadata\":{\"name\":\"x\"}}")); // no kind
    ObjectDecoder.prepare(tree("{\"apiVersion\":7,\"kind\":\"Pod\"}")); // apiVersion not text
    String custom = "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"}}";
    ObjectDecoder.prepare(tree(custom));

    assertThat(ObjectDecoder.decode(tree(custom))).isInstanceOf(GenericKubernetesResource.class);
    assertThatThrownBy(() -> ObjectDecoder.decode(tree("{\"metadata\":{\"name\":\"x\"}}")))
        .isInstanceOf(ObjectDecoder.InvalidObjectException.class).hasMessage("missing kind");
  }
}
