package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceLocator#locateAll} reads a {@code kind: List} dump line by line and parses only the items asked
 * about; it must answer exactly what parsing the whole document answers.
 */
class SourceLocatorListTest {
  private static final String TEXT = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: first
      ---
      # a dump, as kubectl prints it, with what hand edits add
      apiVersion: v1
      items:
      - apiVersion: v1
        kind: ConfigMap
        metadata:
          name: script
          namespace: ns
        data:
          run.sh: |
            #!/bin/sh

            - echo "not an item"
          other: x
      # a comment between items
      - apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: ns
        spec:
          containers:
          - name: a
            image: nginx
            securityContext:
              privileged: true
          - name: b
            image: busybox
      - {apiVersion: v1, kind: Pod, metadata: {name: flow, namespace: ns}, spec: {hostNetwork: true,
          containers: [{name: c, image: nginx}]}}

      - apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: ns
        spec:
          template:
            spec:
              containers:
              - name: web
                image: web:1
      kind: List
      metadata:
        resourceVersion: ""
      ---
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: indented
            namespace: ns
          automountServiceAccountToken: true
        - apiVersion: v1
          kind: Pod
          metadata:
            name: q
            namespace: ns
          spec:
            hostPID: true
      """;

  private static final List<String> PATHS = List.of("", "metadata.name", "metadata.namespace", "spec.hostNetwork",
      "spec.hostPID", "spec.containers[0].securityContext.privileged", "spec.containers[1].image",
      "spec.containers[0].securityContext.runAsUser", "spec.template.spec.containers[0].image", "data.other",
      "automountServiceAccountToken", "spec.containers[5]");

  @Test
  void answersAsParsingTheWholeDocument() throws IOException {
    List<Resource> objects = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        objects.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        throw new AssertionError(error.describe());
      }
    }).read("in.yaml", new StringReader(TEXT));
    assertThat(objects).hasSize(7);

    List<SourceLocator.Request> requests = new ArrayList<>();
    for (Resource r : objects) {
      for (String path : PATHS) {
        requests.add(new SourceLocator.Request(((Provenance.FileSource) r.provenance()).document(), ((Provenance.FileSource) r.provenance()).line(),
            path.isEmpty() ? FieldPath.root() : FieldPath.parse(path)));
      }
    }
    Map<SourceLocator.Request, Integer> all = SourceLocator.locateAll(new StringReader(TEXT), requests);
    for (SourceLocator.Request q : requests) {
      // asking about the document's root object as well makes the locator parse the whole document
      SourceLocator.Request root = new SourceLocator.Request(q.document(), rootLine(q.document()), FieldPath.root());
      int whole = SourceLocator.locateAll(new StringReader(TEXT), List.of(q, root)).get(q);
      assertThat(all.get(q)).as("%s", q).isEqualTo(whole);
    }
    // spot checks that the lines are the fields' own
    String[] lines = TEXT.split("\\n", -1);
    Resource pod = objects.get(2);
    int privileged = all.get(new SourceLocator.Request(((Provenance.FileSource) pod.provenance()).document(), ((Provenance.FileSource) pod.provenance()).line(),
        FieldPath.parse("spec.containers[0].securityContext.privileged")));
    assertThat(lines[privileged - 1]).contains("privileged: true");
    Resource q = objects.get(6);
    int hostPid = all.get(new SourceLocator.Request(((Provenance.FileSource) q.provenance()).document(), ((Provenance.FileSource) q.provenance()).line(),
        FieldPath.parse("spec.hostPID")));
    assertThat(lines[hostPid - 1]).contains("hostPID: true");
  }

  /** The line of the first content of the {@code document}th document of {@link #TEXT}. */
  private static int rootLine(int document) {
    String[] lines = TEXT.split("\n", -1);
    int index = 1;
    boolean seeking = true;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("---")) {
        index++;
        seeking = true;
      } else if (seeking && !lines[i].isBlank() && !lines[i].startsWith("#")) {
        if (index == document) {
          return i + 1;
        }
        seeking = false;
      }
    }
    throw new AssertionError("no document " + document);
  }

  @Test
  void answersOnlyTheItemsAskedAbout() throws IOException {
    // the last item only: every line before it is read, none parsed
    List<String> lines = List.of(TEXT.split("\n", -1));
    int item = lines.indexOf("  - apiVersion: v1") + 1;
    int pod = lines.subList(item, lines.size()).indexOf("  - apiVersion: v1") + item + 1;
    assertThat(pod).isGreaterThan(item).isGreaterThan(60);
    Map<SourceLocator.Request, Integer> all = SourceLocator.locateAll(new StringReader(TEXT),
        List.of(new SourceLocator.Request(3, pod, FieldPath.parse("spec.hostPID"))));
    assertThat(all.values()).containsExactly(lines.indexOf("      hostPID: true") + 1).doesNotContain(0, pod);
  }
}
