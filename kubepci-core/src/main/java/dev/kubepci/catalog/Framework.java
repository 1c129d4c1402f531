package dev.kubepci.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A compliance framework as data: areas of best practices, each mapped to the rules that decide it. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Framework(
    String id, String version, String title, String publisher, String published, List<Area> areas) {

  public Framework {
    areas = areas == null ? List.of() : List.copyOf(areas);
  }

  /** Every practice, in document order. */
  public List<Practice> practices() {
    List<Practice> all = new ArrayList<>();
    areas.forEach(a -> all.addAll(a.practices()));
    return all;
  }

  public Optional<Practice> practice(String id) {
    return practices().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** One of the 16 areas. */
  public record Area(String id, String title, List<Practice> practices) {
    public Area {
      practices = practices == null ? List.of() : List.copyOf(practices);
    }
  }

  /** How much of a practice kubepci decides by itself. */
  public enum Assessment { automated, partial, manual }

  /** One best practice. */
  public record Practice(
      String id, String title, String threat, String practice, Assessment assessment, List<String> rules,
      List<String> evidence, List<String> commands, List<String> questions) {
    public Practice {
      rules = rules == null ? List.of() : List.copyOf(rules);
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
      commands = commands == null ? List.of() : List.copyOf(commands);
      questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** The area id: the part of the practice id before the dot. */
    public String areaId() {
      return id.substring(0, id.indexOf('.'));
    }
  }
}
