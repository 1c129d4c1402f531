package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.FieldPath;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLocatorTest {
  private static final String YAML = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: a
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: app
                image: nginx
                securityContext:
                  privileged: true
      """;

  private int locate(int doc, int line, String path) throws IOException {
    return SourceLocator.locateAll(new StringReader(YAML), List.of(new SourceLocator.Request(doc, line, FieldPath.parse(path)))).values().iterator().next();
  }

  @Test
  void findsTheLineOfANestedField() throws IOException {
    assertThat(locate(2, 6, "spec.template.spec.containers[0].securityContext.privileged")).isEqualTo(17);
    assertThat(locate(2, 6, "spec.template.spec.containers[0].image")).isEqualTo(15);
  }

  @Test
  void fallsBackToTheClosestExistingField() throws IOException {
    assertThat(locate(2, 6, "spec.template.spec.containers[0].resources.limits.cpu")).isEqualTo(14);
    assertThat(locate(2, 6, "spec.template.spec.automountServiceAccountToken")).isEqualTo(12);
  }

  @Test
  void findsFieldsOfTheFirstDocument() throws IOException {
    assertThat(locate(1, 1, "metadata.name")).isEqualTo(4);
  }

  @Test
  void findsFieldsInsideListItems() throws IOException {
    String list = """
        {"kind": "List", "apiVersion": "v1", "items": [
          {"kind": "Namespace", "apiVersion": "v1", "metadata": {"name": "a"}},
          {"kind": "Pod", "apiVersion": "v1", "metadata": {"name": "p"},
           "spec": {"hostNetwork": true}}
        ]}
        """;
    assertThat(SourceLocator.locateAll(new StringReader(list), List.of(new SourceLocator.Request(1, 3, FieldPath.parse("spec.hostNetwork")))).values().iterator().next()).isEqualTo(4);
  }
}
