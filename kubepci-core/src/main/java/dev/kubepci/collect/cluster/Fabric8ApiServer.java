package dev.kubepci.collect.cluster;

import dev.kubepci.model.ServerUrl;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The API server through the fabric8 client's HTTP stack, which applies the kubeconfig's TLS settings and
 * credentials (tokens, client certificates, exec plugins, token refresh). fabric8's own retries are switched off:
 * the collector retries, so that every attempt is counted and bounded in one place.
 */
public final class Fabric8ApiServer implements ApiServer {
  private final KubernetesClient client;
  private final HttpClient http;
  private final String server;
  private final Duration timeout;

  private Fabric8ApiServer(KubernetesClient client, String server, Duration timeout) {
    this.client = client;
    this.http = client.getHttpClient();
    this.server = server;
    this.timeout = timeout;
  }

  /** A connection to {@code target}; nothing is sent until the first request. */
  public static Fabric8ApiServer connect(ClusterTarget target, Duration requestTimeout) {
    Config config = target.config();
    config.setRequestRetryBackoffLimit(0);
    config.setRequestTimeout((int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()));
    config.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, Math.min(requestTimeout.toMillis(), 30_000L)));
    KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientFactory(new JdkHttpClientFactory())
        .build();
    // user information in the URL is never sent (the JDK client cannot use it, and it would end up in messages):
    // the kubeconfig's user entry authenticates
    return new Fabric8ApiServer(client, ServerUrl.redact(target.server()), requestTimeout);
  }

  @Override
  public String server() {
    return server;

  }

  @Override
  public Response get(String pathAndQuery, String accept) throws IOException {
    HttpRequest request = http.newHttpRequestBuilder()
        .uri(server + pathAndQuery)
        .header("Accept", accept)
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .build();
    try {
      HttpResponse<InputStream> response = http.sendAsync(request, InputStream.class)
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      InputStream body = response.body() == null ? InputStream.nullInputStream() : response.body();
      return new Response(response.code(), body);
    } catch (TimeoutException e) {
      throw new InterruptedIOException("no answer within " + timeout.toSeconds() + "s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException | CompletionException e) {
      throw transport(e.getCause() == null ? e : e.getCause());
    } catch (KubernetesClientException e) {
      throw transport(e);
    }
  }

  /** The transport failure as an IOException whose message is one line for people. */
  private static IOException transport(Throwable t) {
    Throwable root = t;
    String what = null;
    for (Throwable c = t; c != null && what == null; c = c.getCause() == c ? null : c.getCause()) {
      root = c;
      if (c instanceof java.net.ConnectException) {
        what = "connection refused";
      } else if (c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException) {
        what = "timed out";
      } else if (c instanceof java.net.UnknownHostException) {
        what = "unknown host " + c.getMessage();
      } else if (c instanceof javax.net.ssl.SSLException) {
        what = "TLS failure: " + c.getMessage();
      }
    }
    if (what == null) {
      what = root.getMessage() == null || root.getMessage().isBlank()
          ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    return new IOException(ServerUrl.redactIn(ClusterTarget.firstLine(what)), t);
  }

  @Override
  public void close() {
    client.close();
  }
}
