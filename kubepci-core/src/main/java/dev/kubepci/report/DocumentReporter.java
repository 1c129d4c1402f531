package dev.kubepci.report;

import dev.kubepci.result.AssessmentReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A reporter declared by its format's name, the document it makes of a report, and how that document is written.
 *
 * @param <T> the document: text, or the typed model of a JSON or XML format
 */
public abstract class DocumentReporter<T> implements Reporter {
  /** Writes a whole document to a stream and flushes it; the stream stays open. */
  @FunctionalInterface
  protected interface Output<T> {
    void write(T document, OutputStream out) throws IOException;
  }

  /** Text, encoded as UTF-8. */
  protected static final Output<String> TEXT = (text, out) -> {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  };

  /** A typed model as an indented JSON document ({@link JsonDocuments}). */
  protected static final Output<Object> JSON = JsonDocuments::write;

  private final String format;
  private final Function<AssessmentReport, ? extends T> document;
  private final Output<? super T> output;

  protected DocumentReporter(
      String format, Function<AssessmentReport, ? extends T> document, Output<? super T> output) {
    this.format = format;
    this.document = document;
    this.output = output;
  }

  @Override
  public final String format() {
    return format;
  }

  @Override
  public final void write(AssessmentReport report, OutputStream out) throws IOException {
    output.write(document.apply(report), out);
  }
}
