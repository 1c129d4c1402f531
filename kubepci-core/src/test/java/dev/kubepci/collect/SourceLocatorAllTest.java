package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceLocatorAllTest {
  private static final String YAML = """
      # leading comment
      apiVersion: v1
      kind: Namespace
      metadata:
        name: a
      ---
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels:
          app.kubernetes.io/name: web
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: busybox
            containers:
              - name: app
                image: nginx
                securityContext:
                  privileged: true
      ---
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: one
          automountServiceAccountToken: true
        - apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: two
          automountServiceAccountToken: true
      """;

  private static int objectLine(String text, int document, int nth) throws IOException {
    // the object lines as the reader records them
    List<Integer> lines = new java.util.ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(dev.kubepci.model.Resource r) {
        if (((Provenance.FileSource) r.provenance()).document() == document) {
          lines.add(((Provenance.FileSource) r.provenance()).line());
        }
      }

      @Override
      public void error(dev.kubepci.result.ProcessingError e) {}
    }).read("t.yaml", new StringReader(text));
    return lines.get(nth);
  }

  @Test
  void locatesManyFieldsOfManyObjectsInOnePassAsOneByOne() throws IOException {
    int deployment = objectLine(YAML, 2, 0);
    int one = objectLine(YAML, 3, 0);
    int two = objectLine(YAML, 3, 1);
    List<SourceLocator.Request> requests = List.of(
        new SourceLocator.Request(2, deployment, FieldPath.parse("spec.template.spec.containers[0].securityContext.privileged")),
        new SourceLocator.Request(2, deployment, FieldPath.parse("spec.template.spec.initContainers[0].image")),
        new SourceLocator.Request(2, deployment, FieldPath.parse("metadata.labels['app.kubernetes.io/name']")),
        new SourceLocator.Request(2, deployment, FieldPath.parse("spec.template.spec.containers[0].resources.limits")),
        new SourceLocator.Request(3, one, FieldPath.parse("automountServiceAccountToken")),
        new SourceLocator.Request(3, two, FieldPath.parse("automountServiceAccountToken")),
        new SourceLocator.Request(1, objectLine(YAML, 1, 0), FieldPath.parse("metadata.name")));
    Map<SourceLocator.Request, Integer> lines = SourceLocator.locateAll(new StringReader(YAML), requests);
    assertThat(requests.stream().map(lines::get).toList()).containsExactly(24, 19, 13, 21, 33, 38, 5);
    for (SourceLocator.Request q : requests) {
      assertThat(lines.get(q)).as("%s", q)
          .isEqualTo(SourceLocator.locateAll(new StringReader(YAML), List.of(q)).get(q));
    }
  }

  @Test
  void numbersDocumentsAsTheReaderDoesPastEmptyAndUnparsableOnes() throws IOException {
    String yaml = """
        # only a comment: not a document
        ---
        @not-a-token: the parser fails at its first token, yet this is document 1
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: b
        ---
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            data:
              mode: strict
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: d
        """;
    List<SourceLocator.Request> requests = List.of(
        new SourceLocator.Request(2, objectLine(yaml, 2, 0), FieldPath.parse("metadata.name")),
        new SourceLocator.Request(3, objectLine(yaml, 3, 0), FieldPath.parse("data.mode")),
        new SourceLocator.Request(4, objectLine(yaml, 4, 0), FieldPath.parse("metadata.name")));
    Map<SourceLocator.Request, Integer> lines = SourceLocator.locateAll(new StringReader(yaml), requests);
    assertThat(requests.stream().map(lines::get).toList()).containsExactly(8, 18, 23);
  }

  @Test
  void locatesFieldsInJsonArraysOfObjects() throws IOException {
    String json = "[\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"a\"},\n"
        + " \"spec\": {\n  \"hostPID\": true}},\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n"
        + " \"metadata\": {\"name\": \"b\"}}\n]\n";
    Map<SourceLocator.Request, Integer> lines = SourceLocator.locateAll(new StringReader(json), List.of(
        new SourceLocator.Request(1, 2, FieldPath.parse("spec.hostPID")),
        new SourceLocator.Request(1, 6, FieldPath.parse("metadata.name"))));
    assertThat(lines.values()).containsExactly(5, 7);
  }

  @Test
  void readsOnPastAListWhenALaterJsonDocumentIsRequested() throws IOException {
    String json = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n"
        + "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"a\"}},\n"
        + "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"b\"}}]}\n"
        + "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\":\n {\"name\": \"c\"}}\n";
    Map<SourceLocator.Request, Integer> lines = SourceLocator.locateAll(new StringReader(json), List.of(
        new SourceLocator.Request(1, 2, FieldPath.parse("metadata.name")),
        new SourceLocator.Request(2, 6, FieldPath.parse("metadata.name"))));
    assertThat(lines.values()).containsExactly(3, 8);
  }

  @Test
  void anUnknownObjectAnswersItsObjectLine() throws IOException {
    Map<SourceLocator.Request, Integer> lines = SourceLocator.locateAll(new StringReader(YAML),
        List.of(new SourceLocator.Request(9, 77, FieldPath.parse("spec"))));
    assertThat(lines.values()).containsExactly(77);
  }
}
