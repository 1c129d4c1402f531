package dev.kubepci.result;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.ServerUrl;

/**
 * Input kubepci could not use (a document that does not parse, a kind it could not list), kept in the report so
 * that nothing the user gave is silently dropped.
 *
 * @param source where: file, document and line, or the cluster
 * @param message one line, for people
 */
public record ProcessingError(Provenance source, String message) {
  public ProcessingError {
    message = ServerUrl.redactIn(message); // a transport error may quote the server URL
  }

  public String describe() {
    return source.describe() + ": " + message;
  }
}
