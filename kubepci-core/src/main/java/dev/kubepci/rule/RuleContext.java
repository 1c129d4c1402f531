package dev.kubepci.rule;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
import dev.kubepci.secrets.RedactionKey;
import dev.kubepci.secrets.SecretScanner;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a rule may read besides the object it checks: the whole inventory, the user's configuration, the assessment
 * time (from the injected clock, so results are reproducible), and the key that fingerprints secret values (injected
 * for the same reason). Through it a rule that checks one object at a time also says what is not a violation: a note,
 * a table row, or an object it could not decide ({@link #undecided(String)}).
 *
 * @param observations what this rule noted so far; the engine gives each rule its own ({@link #forRule()})
 */
public record RuleContext(Inventory inventory, KubepciConfig config, Instant now, RedactionKey redactionKey,
    Observations observations) {

  public RuleContext {
    Objects.requireNonNull(observations, "observations");
  }

  public RuleContext(Inventory inventory, KubepciConfig config, Instant now, RedactionKey redactionKey) {
    this(inventory, config, now, redactionKey, new Observations());
  }

  /** The same context with empty observations, for one rule's run. */
  public RuleContext forRule() {
    return new RuleContext(inventory, config, now, redactionKey, new Observations());
  }

  /** The secret scanner whose fingerprints use this run's key. */
  public SecretScanner secrets() {
    return new SecretScanner(redactionKey);
  }

  /** A fact worth showing as evidence even when nothing failed. */
  public void note(String note) {
    observations.note(note);
  }

  /** A fact about the rule rather than one object: noted once however many objects say it. */
  public void noteOnce(String note) {
    observations.noteOnce(note);
  }

  /** A row of the table {@code header}; tables appear in the order of their first row. */
  public void row(TableHeader header, List<String> cells) {
    observations.row(header, cells);
  }

  /**
   * The object being checked could not be decided ({@code what} names it and why): it neither passes nor fails, and
   * when nothing failed the rule is NOT_ASSESSED with {@link Rule#undecidedReason(List)} as its reason.
   */
  public void undecided(String what) {
    observations.undecided(what);
  }

  /**
   * What the rule needs for any answer is missing (a file a flag names is not in the input): the rule is NOT_ASSESSED
   * with {@code reason} (the first one given) whatever else passed or failed, and the object being checked neither
   * passes nor fails.
   */
  public void notAssessed(String reason) {
    observations.notAssessed(reason);
  }

  /**
   * Something that could fail is not in the input (no Node, so Windows nodes cannot be ruled out): a result that
   * checked objects and found no failure is NOT_ASSESSED with {@code reason} (the first one given) instead of PASS.
   * Failures still fail; a rule that checked nothing stays NOT_APPLICABLE.
   */
  public void notAssessedIfClean(String reason) {
    observations.notAssessedIfClean(reason);
  }

  /**
   * The object being checked turned out not to be one the rule is about (a Service in front of no management tool):
   * it neither passes nor fails.
   */
  public void ignore() {
    observations.ignore();
  }
}
