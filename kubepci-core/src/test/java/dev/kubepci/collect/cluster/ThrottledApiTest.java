package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledApiTest {
  /** Answers from a script: a status, or an IOException when the entry is null. */
  private static final class Scripted implements ApiServer {
    final Deque<Integer> answers;
    final List<Long> times = new ArrayList<>();

    Scripted(Integer... answers) {
      this.answers = new ArrayDeque<>();
      for (Integer a : answers) {
        this.answers.add(a == null ? -1 : a);
      }
    }

    @Override
    public String server() {
      return "https://10.0.0.1:6443";
    }

    @Override
    public synchronized Response get(String pathAndQuery, String accept) throws IOException {
      times.add(System.nanoTime());
      int status = answers.isEmpty() ? 200 : answers.poll();
      if (status < 0) {
        throw new IOException("timed out");
      }
      String body = status == 200 ? "{}" : "{\"kind\":\"Status\",\"message\":\"try later\"}";
      return new Response(status, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {}
  }

  private static CollectionOptions options(double qps, int retries) {
    return new CollectionOptions(500, 1, qps, Duration.ofSeconds(5), retries, Duration.ofMillis(1));
  }

  @Test
  void retriesTimeoutsTooManyRequestsAndServerErrors() throws Exception {
    Scripted api = new Scripted(null, 429, 503);
    List<String> retries = new ArrayList<>();
    ThrottledApi throttled = new ThrottledApi(api, options(0, 3), new CollectionListener() {
      @Override
      public void retrying(String request, int attempt, int attempts, String problem) {
        retries.add(attempt + "/" + attempts + " " + problem);
      }
    });

    int status = throttled.get("/api/v1/pods", "application/json", (s, body) -> s);

    assertThat(status).isEqualTo(200);
    assertThat(retries).containsExactly("2/4 timed out", "3/4 429 Too Many Requests: try later",
        "4/4 503 Service Unavailable: try later");
  }

  @Test
  void handsOtherStatusesToTheCallerWithoutRetrying() throws Exception {
    Scripted api = new Scripted(403);
    ThrottledApi throttled = new ThrottledApi(api, options(0, 3), CollectionListener.NONE);

    String message = throttled.get("/api/v1/secrets", "application/json",
        (s, body) -> s + " " + ThrottledApi.statusMessage(body));

    assertThat(message).isEqualTo("403 try later");
    assertThat(api.times).hasSize(1);
  }

  @Test
  void givesUpAfterTheRetriesWithTheLastProblem() {
    Scripted api = new Scripted(null, null, null);
    ThrottledApi throttled = new ThrottledApi(api, options(0, 2), CollectionListener.NONE);

    assertThatThrownBy(() -> throttled.get("/version", "application/json", (s, body) -> s))
        .isInstanceOf(ThrottledApi.Failure.class)
        .hasMessage("timed out (after 3 attempts)");
    assertThat(api.times).hasSize(3);
  }

  @Test
  void keepsToTheRequestRate() throws Exception {
    Scripted api = new Scripted();
    ThrottledApi throttled = new ThrottledApi(api, options(20, 0), CollectionListener.NONE);

    for (int i = 0; i < 6; i++) {
      throttled.get("/api/v1/pods", "application/json", (s, body) -> s);
    }

    // one request may go at once (burst = parallelism = 1), the other five wait 50 ms each
    long spanMillis = (api.times.get(5) - api.times.get(0)) / 1_000_000;
    assertThat(spanMillis).isGreaterThanOrEqualTo(200);
  }
}
