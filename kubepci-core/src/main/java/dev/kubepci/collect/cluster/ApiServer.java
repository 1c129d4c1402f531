package dev.kubepci.collect.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Kubernetes API as the collector uses it: read-only GET requests with an Accept header. Kept this narrow so
 * that every request kubepci makes is visible in one place, and so that tests can count them.
 */
public interface ApiServer extends AutoCloseable {
  /** The API server URL objects are attributed to, without a trailing slash. */
  String server();

  /**
   * Sends {@code GET pathAndQuery}; the caller reads and closes the body.
   *
   * @param pathAndQuery starts with {@code /}, query already encoded
   * @throws IOException when the server cannot be reached or does not answer in time
   */
  Response get(String pathAndQuery, String accept) throws IOException;

  @Override
  void close();

  /** An HTTP answer; {@code body} is empty for statuses without one. */
  record Response(int status, InputStream body) implements Closeable {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
