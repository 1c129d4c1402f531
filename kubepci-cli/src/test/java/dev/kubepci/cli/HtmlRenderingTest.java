package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report of the example cluster in headless Chromium (the Debian {@code chromium} package):
 * the screenshot must show the summary, and the page must request nothing from the network (read from
 * Chromium's own network log). Skipped with a message where Chromium is not installed, except in CI
 * ({@code CI=true}), where {@code .ci/run} installs it and a missing browser fails the build.
 */
@Tag("chromium")
class HtmlRenderingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path chromium;

  @BeforeAll
  static void findChromium() {
    Optional<Path> found = onPath("chromium", "chromium-browser", "google-chrome");
    if (found.isEmpty()) {
      String why = "headless Chromium is not installed (apt-get install -y chromium)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + "; CI must run the HTML rendering test");
      }
      Assumptions.abort(why + ": the HTML rendering test is skipped");
    }
    chromium = found.get();
  }

  private static Optional<Path> onPath(String... names) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : names) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** Renders {@code html}; returns the network log. */
  private static JsonNode render(Path html, Path screenshot, Path dir) throws IOException, InterruptedException {
    Path netLog = dir.resolve("netlog.json");
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--log-net-log=" + netLog, "--screenshot=" + screenshot, "--window-size=1280,2000",
        html.toUri().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within 120 s; see " + dir.resolve("chromium.log"));
    }
    assertThat(netLog).as("chromium's network log").exists();
    return JSON.readTree(netLog.toFile());
  }

  /**
   * The URLs the page itself asked for. Chromium's own background traffic (component updates, account checks) has
   * no initiating origin; every request a document makes carries the document's origin ("null" for a file).
   */
  static List<String> pageRequests(JsonNode netLog) {
    int start = netLog.at("/constants/logEventTypes/URL_REQUEST_START_JOB").asInt(-1);
    assertThat(start).as("URL_REQUEST_START_JOB in the network log constants").isPositive();
    List<String> urls = new ArrayList<>();
    for (JsonNode e : netLog.path("events")) {
      JsonNode params = e.path("params");
      if (e.path("type").asInt() == start && params.has("initiator")
          && !"not an origin".equals(params.path("initiator").asText())) {
        urls.add(params.path("url").asText());
      }
    }
    return urls;
  }

  @Test
  void theExampleReportRendersItsSummaryAndRequestsNothing(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("report.html");
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "-c", GovernanceCommandTest.CONFIG, "--waivers",
        GovernanceCommandTest.WAIVERS, "--attestations", GovernanceCommandTest.ATTESTATIONS, "--format", "html",
        "--output", html.toString(), "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    Path screenshot = dir.resolve("report.png");
    JsonNode netLog = render(html, screenshot, dir);

    assertThat(pageRequests(netLog)).as("requests made by the report").isEmpty();
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(50_000);
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(2000);
    // the summary cards and the chart are at the top: FAIL red and MANUAL amber fill large areas there
    assertThat(pixels(image, 0xc62828, 800)).as("FAIL red pixels at the top").isGreaterThan(3_000);
    assertThat(pixels(image, 0xb7791f, 800)).as("MANUAL amber pixels at the top").isGreaterThan(3_000);
    assertThat(distinctColours(image)).isGreaterThan(100);
  }

  @Test
  void theRequestCheckSeesAPageThatLoadsFromTheNetwork(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("leaky.html");
    Files.writeString(html, "<!DOCTYPE html><html><body><img src=\"http://kubepci-test.invalid/pixel.png\">"
        + "<p>control page</p></body></html>");
    JsonNode netLog = render(html, dir.resolve("leaky.png"), dir);
    assertThat(pageRequests(netLog)).contains("http://kubepci-test.invalid/pixel.png");
  }

  private static int pixels(BufferedImage image, int rgb, int rows) {
    int n = 0;
    for (int y = 0; y < Math.min(rows, image.getHeight()); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return colours.size();
  }
}
