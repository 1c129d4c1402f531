package dev.kubepci.oscal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kubepci.catalog.Framework;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A framework as an OSCAL catalog: each area a group, each practice a control with its statement, the threat it
 * answers, how kubepci assesses it (its assessment objective, the target of the practice's finding in assessment
 * results) and the evidence an assessor collects. The practices' text is kubepci's paraphrase, as in the framework
 * file.
 */
public final class OscalCatalogs {
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private OscalCatalogs() {}

  /**
   * @param lastModified when the catalog was written (an injected clock's instant)
   */
  public static Oscal.CatalogDocument catalog(Framework f, String lastModified) {
    List<Oscal.Group> groups = new ArrayList<>();
    for (Framework.Area area : f.areas()) {
      List<Oscal.Control> controls = new ArrayList<>();
      for (Framework.Practice p : area.practices()) {
        controls.add(control(p));
      }
      groups.add(new Oscal.Group(Oscal.CONTROL_PREFIX + "area-" + area.id(), "area", area.title(),
          Oscal.props(Oscal.prop("label", area.id())), controls));
    }
    Oscal.Metadata metadata = new Oscal.Metadata(f.title(), null, lastModified, f.version(), Oscal.VERSION,
        Oscal.props(Oscal.prop("framework-id", f.id()), Oscal.prop("publisher", f.publisher()),
            Oscal.prop("published", f.published())),
        null, "The practices' titles and text are kubepci's paraphrase of the " + f.publisher() + " guidance.");
    return new Oscal.CatalogDocument(new Oscal.Catalog(Oscal.uuid("catalog|" + f.id() + "|" + f.version()),
        metadata, groups, null));
  }

  public static void write(Oscal.CatalogDocument catalog, OutputStream out) throws IOException {
    JSON.writeValue(out, catalog);
    out.write('\n');
    out.flush();
  }

  private static Oscal.Control control(Framework.Practice p) {
    String id = Oscal.controlId(p.id());
    List<Oscal.Part> parts = new ArrayList<>();
    parts.add(new Oscal.Part(id + "_smt", "statement", null, null, text(p.practice(), p.title()), null));
    if (p.threat() != null && !p.threat().isBlank()) {
      parts.add(new Oscal.Part(id + "_thr", "threat", null, null, p.threat().strip(), null));
    }
    parts.add(new Oscal.Part(Oscal.objectiveId(p.id()), "assessment-objective", null,
        Oscal.props(Oscal.prop("assessment", p.assessment().name())),
        "Determine whether: " + lowerFirst(p.title()) + ". kubepci decides it " + switch (p.assessment()) {
          case automated -> "automatically";
          case partial -> "in part, with the evidence below for the rest";
          case manual -> "not at all: an assessor decides it from the evidence below";
        } + (p.rules().isEmpty() ? "." : ", with rules " + String.join(", ", p.rules()) + "."), null));
    List<Oscal.Part> evidence = new ArrayList<>();
    for (int i = 0; i < p.evidence().size(); i++) {
      evidence.add(new Oscal.Part(id + "_evd." + (i + 1), "item", null, null, p.evidence().get(i).strip(), null));
    }
    if (!evidence.isEmpty()) {
      parts.add(new Oscal.Part(id + "_evd", "assessment-method", "Evidence to collect",
          Oscal.props(Oscal.prop("method", "EXAMINE")), null, evidence));
    }
    return new Oscal.Control(id, "practice", p.title(),
        Oscal.props(Oscal.prop("label", p.id()), Oscal.prop("assessment", p.assessment().name())), parts);
  }

  private static String text(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.strip();
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
