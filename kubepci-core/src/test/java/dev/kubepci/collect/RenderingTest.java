package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helm charts and kustomization folders among the input are rendered, then read like any manifest. */
class RenderingTest {
  private static final Path RENDER = Path.of("src", "test", "resources", "render");
  private static final String CHART = RENDER.resolve("shop-chart").toString();

  private static CollectedInput collect(List<String> paths, RenderOptions options) {
    return FileCollector.collect(paths, InputStream.nullInputStream(), n -> { }, options);
  }

  private static Deployment deployment(CollectedInput input, String name) {
    return input.inventory().ofKind("Deployment").stream().filter(r -> r.name().equals(name)).findFirst()
        .flatMap(r -> r.as(Deployment.class)).orElseThrow();
  }

  @Test
  void rendersAChartWithHelmsDefaults() {
    CollectedInput input = collect(List.of(CHART), RenderOptions.DEFAULTS);
    assertThat(input.errors()).isEmpty();
    assertThat(input.skipped()).as("values.yaml and templates are not read as manifests").isEmpty();
    assertThat(input.inventory().all()).extracting(Resource::kind, Resource::namespace, Resource::name)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Service", "default", "release-name-web"),
            org.assertj.core.groups.Tuple.tuple("Deployment", "default", "release-name-web"));
    Resource web = input.inventory().ofKind("Deployment").get(0);
    assertThat(((Provenance.FileSource) web.provenance()).file()).isEqualTo(CHART);
    assertThat(((Provenance.FileSource) web.provenance()).template()).isEqualTo("shop/templates/deployment.yaml");
    assertThat(((Provenance.FileSource) web.provenance()).line()).isPositive();
    assertThat(web.provenance().describe()).startsWith(CHART + ", rendered line ")
        .endsWith("(document 2, template shop/templates/deployment.yaml)");
    assertThat(((Provenance.FileSource) input.inventory().ofKind("Service").get(0).provenance()).template())
        .isEqualTo("shop/templates/service.yaml");
    assertThat(input.rendered()).containsKey(CHART);
    assertThat(input.rendered().get(CHART)).contains("# Source: shop/templates/deployment.yaml");
  }

  @Test
  void appliesValuesFilesSetReleaseNameAndNamespace(@TempDir Path dir) throws IOException {
    Path first = Files.writeString(dir.resolve("a.yaml"), "replicaCount: 2\nimage: {tag: \"2.0.0\"}\n");
    Path second = Files.writeString(dir.resolve("b.yaml"), "replicaCount: 3\n");
    CollectedInput input = collect(List.of(CHART),
        new RenderOptions(List.of(first, second), List.of("privileged=true"), "shop", "payments"));
    Deployment web = deployment(input, "shop-web");
    assertThat(web.getMetadata().getNamespace()).isEqualTo("payments");
    assertThat(web.getSpec().getReplicas()).as("later values files win").isEqualTo(3);
    var container = web.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).endsWith(":2.0.0");
    assertThat(container.getSecurityContext().getPrivileged()).isTrue();
  }

  @Test
  void aChartThatDoesNotRenderIsOneErrorNamingTheTemplateAndLine() {
    String broken = RENDER.resolve("broken-chart").toString();
    CollectedInput input = collect(List.of(broken, CHART), RenderOptions.DEFAULTS);
    assertThat(input.errors()).singleElement().satisfies(e -> {
      assertThat(((Provenance.FileSource) e.source()).file()).isEqualTo(broken);
      assertThat(((Provenance.FileSource) e.source()).template()).isEqualTo("broken/templates/configmap.yaml");
      assertThat(e.message()).startsWith("chart does not render: template: broken/templates/configmap.yaml:6:");
      assertThat(e.describe()).startsWith(broken + " (template broken/templates/configmap.yaml): chart does not");
    });
    assertThat(input.inventory().ofKind("Deployment")).as("the other chart is still read").hasSize(1);
  }

  @Test
  void findsChartsAndKustomizationsWhileWalkingADirectory() {
    List<ManifestReader.Source> sources = ManifestReader.sources(List.of(RENDER.toString()));
    assertThat(sources).extracting(s -> Path.of(s.path()).getFileName().toString(), ManifestReader.Source::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("broken-chart", ManifestReader.Source.Kind.HELM_CHART),
            org.assertj.core.groups.Tuple.tuple("shop-chart", ManifestReader.Source.Kind.HELM_CHART),
            org.assertj.core.groups.Tuple.tuple("base", ManifestReader.Source.Kind.KUSTOMIZATION),
            org.assertj.core.groups.Tuple.tuple("prod", ManifestReader.Source.Kind.KUSTOMIZATION));
  }

  @Test
  void buildsAKustomizationWithKubectl() {
    assumeTrue(Renderer.onPath("kubectl", System.getenv("PATH")) != null, "kubectl is not on the PATH");
    String prod = RENDER.resolve("shop-kustomize/overlays/prod").toString();
    CollectedInput input = collect(List.of(prod), RenderOptions.DEFAULTS);
    assertThat(input.errors()).isEmpty();
    Deployment cart = deployment(input, "cart");
    assertThat(cart.getMetadata().getNamespace()).isEqualTo("shop-prod");
    assertThat(cart.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getPrivileged())
        .as("the overlay's patch is applied").isTrue();
    assertThat(((Provenance.FileSource) input.inventory().all().get(0).provenance()).file()).isEqualTo(prod);
  }

  /** The basis of an assessment lists every file of a chart's folder with its digest (before: none of them). */
  @Test
  void theBasisListsEveryFileOfAChartWithItsDigest() {
    Path chart = RENDER.resolve("shop-chart");
    var basis = InputFiles.basis(List.of(chart.toString()), java.util.Map.of(), null,
        dev.kubepci.config.KubepciConfig.EMPTY, List.of(), List.of());
    assertThat(basis.files()).extracting(dev.kubepci.result.AssessmentBasis.File::path)
        .contains(chart.resolve("Chart.yaml").toString(), chart.resolve("values.yaml").toString())
        .anyMatch(p -> p.startsWith(chart.resolve("templates").toString())).isSorted();
    assertThat(basis.files()).allSatisfy(f -> assertThat(f.sha256()).matches("[0-9a-f]{64}"));
  }

  /** A folder named like a flag ({@code --enable-alpha-plugins} turns on exec functions) reaches kubectl as a path. */
  @Test
  void aFolderNamedLikeAFlagIsGivenToKubectlAsAPath(@TempDir Path bin) throws Exception {
    assumeTrue(!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows"));
    Path args = bin.resolve("args");
    Path kubectl = bin.resolve("kubectl");
    Files.writeString(kubectl, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
    assertThat(kubectl.toFile().setExecutable(true)).isTrue();
    for (String dir : List.of("--enable-alpha-plugins", "-k")) {
      assertThat(Renderer.kustomize(Path.of(dir), bin.toString(), Renderer.KUSTOMIZE_TIMEOUT)).isEmpty();
      assertThat(Files.readAllLines(args)).containsExactly("kustomize", "./" + dir);
    }
    Renderer.kustomize(Path.of("overlays/prod"), bin.toString(), Renderer.KUSTOMIZE_TIMEOUT);
    assertThat(Files.readAllLines(args)).containsExactly("kustomize", "overlays/prod");
  }

  /** A kubectl that never finishes (a remote base that does not answer) costs the timeout, then is one error. */
  @Test
  void aKustomizeThatDoesNotFinishIsStoppedAndSaysSo(@TempDir Path bin) throws Exception {
    assumeTrue(!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows"));
    Path kubectl = bin.resolve("kubectl");
    Files.writeString(kubectl, "#!/bin/sh\nexec sleep 600\n");
    assertThat(kubectl.toFile().setExecutable(true)).isTrue();
    assertThatThrownBy(() -> Renderer.kustomize(Path.of("remote"), bin.toString(), java.time.Duration.ofMillis(300)))
        .isInstanceOf(Renderer.RenderException.class)
        .hasMessage("kustomization not built: kubectl kustomize remote did not finish in 300 ms (a remote base that does "
            + "not answer?); build it yourself and scan the output");
  }

  @Test
  void withoutKubectlAKustomizationIsOneErrorSayingHowToRenderIt(@TempDir Path empty) {
    Path prod = RENDER.resolve("shop-kustomize/overlays/prod");
    assertThatThrownBy(() -> Renderer.kustomize(prod, empty.toString(), Renderer.KUSTOMIZE_TIMEOUT))
        .isInstanceOf(Renderer.RenderException.class)
        .hasMessage("kustomization not built: kubectl is not on the PATH. Build it and scan the output: kubectl "
            + "kustomize " + prod + " | kubepci scan - (or kustomize build " + prod + ")");
  }

  /** The folder in the suggested command is quoted for the shell it is pasted into, and never read as a flag. */
  @Test
  void theSuggestedCommandIsSafeToPasteWhateverTheFolderIsCalled(@TempDir Path empty) {
    Map<String, String> quoted = Map.of(
        "$(touch pwned)", "'$(touch pwned)'",
        "a b;touch `x`", "'a b;touch `x`'",
        "it's", "'it'\\''s'",
        "-k", "./-k",
        "--enable-alpha-plugins", "./--enable-alpha-plugins",
        "-k $(id)", "'./-k $(id)'");
    quoted.forEach((dir, shown) -> assertThatThrownBy(() -> Renderer.kustomize(Path.of(dir), empty.toString(), Renderer.KUSTOMIZE_TIMEOUT))
        .as(dir).isInstanceOf(Renderer.RenderException.class)
        .hasMessage("kustomization not built: kubectl is not on the PATH. Build it and scan the output: kubectl "
            + "kustomize " + shown + " | kubepci scan - (or kustomize build " + shown + ")"));
  }

  @Test
  void documentsThatAreNotObjectsAreSkippedAndListed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("values.yaml"), "replicaCount: 1\n");
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: {image: web}\n");
    Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    CollectedInput input = collect(List.of(dir.toString()), RenderOptions.DEFAULTS);
    assertThat(input.errors()).isEmpty();
    assertThat(input.inventory().all()).extracting(Resource::name).containsExactly("c");
    assertThat(input.skipped()).extracting(e -> Path.of(((Provenance.FileSource) e.source()).file()).getFileName().toString())
        .containsExactly("compose.yaml", "values.yaml");
    assertThat(input.skipped()).extracting(ProcessingError::message)
        .containsOnly("not a Kubernetes object (no apiVersion and no kind)");
  }

  @Test
  void onlySkippedDocumentsIsNoInput(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("values.yaml"), "replicaCount: 1\n");
    assertThatThrownBy(() -> collect(List.of(dir.toString()), RenderOptions.DEFAULTS))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("holds no Kubernetes objects")
        .hasMessageContaining("1 document(s) that are not Kubernetes objects skipped");
  }

  @Test
  void helmErrorsWithoutATemplateKeepTheirMessage() {
    Renderer.RenderException e = Renderer.helmError("Error: Chart.yaml file is missing\nmore detail");
    assertThat(e.getMessage()).isEqualTo("chart does not render: Chart.yaml file is missing");
    assertThat(e.template()).isNull();
  }
}
