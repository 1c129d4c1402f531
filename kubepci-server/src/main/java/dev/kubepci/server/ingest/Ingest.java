package dev.kubepci.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.server.ApiError;
import dev.kubepci.server.ClusterName;
import dev.kubepci.server.security.Access;
import dev.kubepci.server.security.Principal;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.web.Json;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.AssessmentSummary;
import dev.kubepci.store.PushEnvelope;
import dev.kubepci.store.Recorded;
import dev.kubepci.store.ReportExtras;
import dev.kubepci.store.StoreException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * {@code POST /api/v1/clusters/{cluster}/assessments}: a JSON report, bare or in the {@link PushEnvelope} that
 * carries its extras too (gzip accepted), from the cluster's ingest token. Everything is checked before anything is
 * stored (size, compression, JSON, the published schemas of the envelope and of the report, the extras against the
 * report), and a report the cluster already has (same SHA-256) is acknowledged without storing it twice; if it was
 * stored without extras, it gains those sent now.
 */
public final class Ingest {
  private static final int MAX_MESSAGES = 10;
  private final AssessmentStore store;
  private final long maxBytes;
  private final Clock clock;

  /** What the caller is told: the stored assessment, and whether this request created it. */
  public record Result(long id, String cluster, int seq, boolean created, String reportSha256, String location) {}

  public Ingest(AssessmentStore store, long maxBytes, Clock clock) {
    this.store = store;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  public void handle(Context ctx) {
    String cluster = ctx.pathParam("cluster");
    if (!ClusterName.valid(cluster)) {
      throw ApiError.badRequest("invalid cluster name: " + ClusterName.RULE);
    }
    Principal p = Access.principal(ctx);
    if (p.role() != Role.INGEST || !cluster.equals(p.cluster())) {
      throw new ApiError(403, "this token may not push assessments of cluster '" + cluster + "'");
    }
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(415, "send the JSON report with 'Content-Type: application/json'");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    byte[] body = readAtMost(ctx, maxBytes);
    String encoding = ctx.header("Content-Encoding");
    boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
    if (encoding != null && !gzip && !encoding.equalsIgnoreCase("identity")) {
      throw new ApiError(415, "unsupported Content-Encoding '" + encoding + "': send gzip or no encoding");
    }
    byte[] json = gzip ? gunzip(body) : body;
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw ApiError.badRequest("the body is not JSON: " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw ApiError.badRequest("the body is not a JSON object: send the report of 'kubepci scan --format json'");
    }
    ReportExtras extras = null;
    JsonNode report = tree;
    if (PushEnvelope.isEnvelope(tree)) {
      refuse("the envelope does not follow the kubepci push schema", ReportSchema.envelopeViolations(tree));
      report = tree.get("report");
    }
    refuse("the report does not follow the kubepci report schema", ReportSchema.violations(report));
    if (report != tree) {
      try {
        PushEnvelope.Opened opened = PushEnvelope.open((ObjectNode) tree);
        json = opened.report();
        extras = opened.extras();
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(e.getMessage());
      }
    }
    Recorded r;
    try {
      r = store.record(cluster, json, extras, clock.instant());
    } catch (StoreException.BadReport e) {
      throw ApiError.badRequest(e.getMessage());
    }
    AssessmentSummary a = r.assessment();
    ctx.status(r.created() ? 201 : 200);
    ctx.header("Location", "/api/v1/assessments/" + a.id());
    Json.send(ctx, new Result(a.id(), a.cluster(), a.seq(), r.created(), a.reportSha256(),
        "/assessments/" + a.id()));
  }

  /** A 400 listing the first problems, when there are any. */
  private static void refuse(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw ApiError.badRequest(what + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
          + "): " + String.join("; ", problems.subList(0, Math.min(MAX_MESSAGES, problems.size())))
          + (problems.size() > MAX_MESSAGES ? "; ..." : ""));
    }
  }

  private ApiError tooLarge() {
    return new ApiError(413, "the report is larger than the server accepts (" + maxBytes + " bytes); raise"
        + " --max-report-size on the server, or scan less per report");
  }

  private byte[] readAtMost(Context ctx, long max) {
    try (InputStream in = ctx.bodyInputStream()) {
      return bounded(in, max, false);
    } catch (IOException e) {
      throw ApiError.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  private byte[] gunzip(byte[] body) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return bounded(in, maxBytes, true);
    } catch (ZipException | java.io.EOFException e) {
      throw ApiError.badRequest("the body is not valid gzip: " + e.getMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("the body could not be decompressed: " + e.getMessage());
    }
  }

  /** Reads up to {@code max} bytes; one byte more is a 413, so a gzip bomb stops at the limit. */
  private byte[] bounded(InputStream in, long max, boolean expanded) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > max) {
        throw expanded ? new ApiError(413, "the gzip body expands beyond " + max + " bytes") : tooLarge();
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
