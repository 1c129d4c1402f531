package dev.kubepci.report;

import dev.kubepci.result.AssessmentReport;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an assessment in one format. Implementations are pure functions of the report. */
public interface Reporter {
  /** The format name users pass to {@code --format}. */
  String format();

  void write(AssessmentReport report, OutputStream out) throws IOException;
}
