package dev.kubepci.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {
  @Test
  void printsDottedPathsWithIndexes() {
    FieldPath p = FieldPath.root().child("spec").child("containers").index(2).child("image");
    assertThat(p).hasToString("spec.containers[2].image");
    assertThat(p.segments()).isEqualTo(List.of("spec", "containers", 2, "image"));
  }

  @Test
  void quotesKeysWithDotsOrSlashes() {
    FieldPath p = FieldPath.root().child("metadata").child("labels").child("app.kubernetes.io/name");
    assertThat(p).hasToString("metadata.labels['app.kubernetes.io/name']");
    assertThat(FieldPath.parse(p.toString())).isEqualTo(p);
  }

  @Test
  void parsesWhatItPrints() {
    String s = "spec.template.spec.initContainers[0].securityContext.capabilities.add[1]";
    assertThat(FieldPath.parse(s)).hasToString(s);
    assertThat(FieldPath.parse("")).isEqualTo(FieldPath.root());
  }
}
