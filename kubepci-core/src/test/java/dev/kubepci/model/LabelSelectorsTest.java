package dev.kubepci.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.LabelSelectors.Notation;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Kubernetes label selector semantics, the same for typed selectors, map trees and kubepci's text selectors. */
class LabelSelectorsTest {
  private static final Map<String, String> PROD_API = Map.of("env", "prod", "tier", "api");

  private static LabelSelector typed(String key, String operator, String... values) {
    return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(operator)
        .withValues(values).endMatchExpression().build();
  }

  private static Map<String, Object> tree(String key, String operator, String... values) {
    Map<String, Object> requirement = new HashMap<>();
    requirement.put("key", key);
    requirement.put("operator", operator);
    if (values.length > 0) {
      requirement.put("values", Arrays.asList(values));
    }
    return Map.of("matchExpressions", List.of(requirement));
  }

  /** Both forms of one requirement must agree; returns their common answer. */
  private static boolean both(Map<String, String> labels, String key, String operator, String... values) {
    boolean typed = LabelSelectors.matches(typed(key, operator, values), Absent.SELECTS_NOTHING, labels);
    boolean tree = LabelSelectors.matches(tree(key, operator, values), Absent.SELECTS_NOTHING, labels);
    assertThat(tree).as("%s %s %s: map tree agrees with typed selector", key, operator, List.of(values))
        .isEqualTo(typed);
    return typed;
  }

  @Test
  void operatorsFollowKubernetesSemantics() {
    assertThat(both(PROD_API, "tier", "In", "web", "api")).isTrue();
    assertThat(both(PROD_API, "tier", "In", "web")).isFalse();
    assertThat(both(PROD_API, "zone", "In", "a")).isFalse();
    assertThat(both(PROD_API, "tier", "NotIn", "db")).isTrue();
    assertThat(both(PROD_API, "tier", "NotIn", "api")).isFalse();
    assertThat(both(PROD_API, "zone", "NotIn", "a")).as("NotIn holds when the label is absent").isTrue();
    assertThat(both(PROD_API, "env", "Exists")).isTrue();
    assertThat(both(PROD_API, "zone", "Exists")).isFalse();
    assertThat(both(PROD_API, "zone", "DoesNotExist")).isTrue();
    assertThat(both(PROD_API, "env", "DoesNotExist")).isFalse();
  }

  @Test
  void matchLabelsAndMatchExpressionsAreAllAnded() {
    LabelSelector typed = new LabelSelectorBuilder().addToMatchLabels("env", "prod").addNewMatchExpression()
        .withKey("tier").withOperator("In").withValues("web", "api").endMatchExpression().addNewMatchExpression()
        .withKey("skip").withOperator("DoesNotExist").endMatchExpression().build();
    Map<String, Object> tree = Map.of("matchLabels", Map.of("env", "prod"), "matchExpressions", List.of(
        Map.of("key", "tier", "operator", "In", "values", List.of("web", "api")),
        Map.of("key", "skip", "operator", "DoesNotExist")));
    for (Map<String, String> labels : List.of(PROD_API, Map.of("env", "prod", "tier", "db"),
        Map.of("env", "prod", "tier", "web", "skip", "1"), Map.of("env", "dev", "tier", "api"))) {
      boolean expected = labels == PROD_API;
      assertThat(LabelSelectors.matches(typed, Absent.SELECTS_NOTHING, labels)).as("typed %s", labels)
          .isEqualTo(expected);
      assertThat(LabelSelectors.matches(tree, Absent.SELECTS_NOTHING, labels)).as("tree %s", labels)
          .isEqualTo(expected);
    }
  }

  @Test
  void anEmptySelectorSelectsEverythingWhateverAnAbsentOneMeans() {
    for (Absent absent : Absent.values()) {
      assertThat(LabelSelectors.matches(new LabelSelector(), absent, PROD_API)).isTrue();
      assertThat(LabelSelectors.matches(new LabelSelector(), absent, Map.of())).isTrue();
      assertThat(LabelSelectors.matches(Map.of(), absent, PROD_API)).isTrue();
      assertThat(LabelSelectors.matches(Map.of("matchLabels", Map.of(), "matchExpressions", List.of()), absent,
          Map.of())).isTrue();
    }
    assertThat(LabelSelectors.isEmpty(new LabelSelector())).isTrue();
    assertThat(LabelSelectors.isEmpty(Map.of("matchLabels", Map.of()))).isTrue();
    assertThat(LabelSelectors.isEmpty(Map.of("matchLabels", Map.of("a", "b")))).isFalse();
  }

  @Test
  void anAbsentWebhookOrNetworkPolicySelectorSelectsEverything() {
    // admissionregistration and NetworkPolicy default an omitted selector to {}
    assertThat(LabelSelectors.matches((LabelSelector) null, Absent.SELECTS_ALL, PROD_API)).isTrue();
    assertThat(LabelSelectors.matches((Map<?, ?>) null, Absent.SELECTS_ALL, Map.of())).isTrue();
  }

  @Test
  void anAbsentAggregationSelectorSelectsNothing() {
    // a nil selector given to LabelSelectorAsSelector is labels.Nothing(); an empty one is labels.Everything()
    assertThat(LabelSelectors.matches((LabelSelector) null, Absent.SELECTS_NOTHING, PROD_API)).isFalse();
    assertThat(LabelSelectors.matches((Map<?, ?>) null, Absent.SELECTS_NOTHING, Map.of())).isFalse();
    assertThat(LabelSelectors.isEmpty((LabelSelector) null)).isTrue();
  }

  @Test
  void requirementsTheApiServerRejectsSelectNothing() {
    Map<String, String> labels = Map.of("a", "b");
    assertThat(both(labels, "a", "Bogus", "b")).as("unknown operator").isFalse();
    assertThat(both(labels, "a", "in", "b")).as("operators are case-sensitive").isFalse();
    assertThat(both(labels, "a", "In")).as("In without values").isFalse();
    assertThat(both(labels, "x", "NotIn")).as("NotIn without values").isFalse();
    assertThat(both(labels, "a", "Exists", "b")).as("Exists with values").isFalse();
    assertThat(both(labels, "x", "DoesNotExist", "b")).as("DoesNotExist with values").isFalse();
    assertThat(both(labels, null, "DoesNotExist")).as("no key").isFalse();
    assertThat(LabelSelectors.matches(Map.of("matchExpressions", List.of("a")), Absent.SELECTS_ALL, labels))
        .as("a requirement that is not a map").isFalse();
  }

  @Test
  void aNullMatchLabelsValueIsTheEmptyValue() {
    Map<String, Object> matchLabels = new HashMap<>();
    matchLabels.put("a", null);
    Map<String, Object> tree = Map.of("matchLabels", matchLabels);
    LabelSelector typed = new LabelSelectorBuilder().withMatchLabels(new HashMap<>(Map.of())).build();
    typed.getMatchLabels().put("a", null);
    for (Map<String, String> labels : List.of(Map.of("a", ""), Map.of("a", "x"), Map.<String, String>of())) {
      boolean expected = "".equals(labels.get("a"));
      assertThat(LabelSelectors.matches(tree, Absent.SELECTS_NOTHING, labels)).isEqualTo(expected);
      assertThat(LabelSelectors.matches(typed, Absent.SELECTS_NOTHING, labels)).isEqualTo(expected);
    }
  }

  @Test
  void mapTreeScalarsAreComparedAsText() {
    Map<String, Object> tree = Map.of("matchLabels", Map.of("replicas", 3, "canary", true));
    assertThat(LabelSelectors.matches(tree, Absent.SELECTS_NOTHING, Map.of("replicas", "3", "canary", "true")))
        .isTrue();
  }

  @Test
  void keysAreMappedBeforeLookupForCiliumSelectors() {
    UnaryOperator<String> cilium = k -> k.startsWith("k8s:") ? k.substring(4) : k;
    Map<String, Object> tree = Map.of("matchLabels", Map.of("k8s:app", "web"),
        "matchExpressions", List.of(Map.of("key", "k8s:tier", "operator", "Exists")));
    assertThat(LabelSelectors.matches(tree, Absent.SELECTS_NOTHING, Map.of("app", "web", "tier", "x"), cilium))
        .isTrue();
    assertThat(LabelSelectors.matches(tree, Absent.SELECTS_NOTHING, Map.of("app", "web"), cilium)).isFalse();
    assertThat(LabelSelectors.keys(tree, cilium)).containsExactly("app", "tier");
  }

  @Test
  void describesInBothNotations() {
    LabelSelector typed = new LabelSelectorBuilder().addToMatchLabels("env", "prod").addNewMatchExpression()
        .withKey("tier").withOperator("NotIn").withValues("db", "cache").endMatchExpression().addNewMatchExpression()
        .withKey("skip").withOperator("DoesNotExist").endMatchExpression().addNewMatchExpression()
        .withKey("team").withOperator("Exists").endMatchExpression().build();
    assertThat(LabelSelectors.describe(typed, Notation.KUBECTL)).isEqualTo("env=prod,tier notin (db,cache),!skip,team");
    assertThat(LabelSelectors.describe(typed, Notation.SPACED))
        .isEqualTo("env=prod, tier notin (db, cache), !skip, team");
    Map<String, Object> tree = Map.of("matchLabels", Map.of("b", "2", "a", "1"),
        "matchExpressions", List.of(Map.of("key", "tier", "operator", "In", "values", List.of("web", "api"))));
    assertThat(LabelSelectors.describe(tree, Notation.KUBECTL)).isEqualTo("a=1,b=2,tier in (web,api)");
    assertThat(LabelSelectors.describe(Map.of(), Notation.KUBECTL)).isEqualTo("everything");
    assertThat(LabelSelectors.describe((Map<?, ?>) null, Notation.SPACED)).isEqualTo("all");
    assertThat(LabelSelectors.describe(new LabelSelector(), Notation.SPACED)).isEqualTo("all");
    assertThat(LabelSelectors.describe(tree("a", "Bogus", "x", "y"), Notation.KUBECTL)).isEqualTo("a Bogus (x,y)");
  }

  @Test
  void textSelectorsAreEqualityNotEqualityAndExistence() {
    assertThat(LabelSelectors.matchesText("env=prod", PROD_API)).isTrue();
    assertThat(LabelSelectors.matchesText("env==prod", PROD_API)).isTrue();
    assertThat(LabelSelectors.matchesText(" env = prod , tier=api ", PROD_API)).isTrue();
    assertThat(LabelSelectors.matchesText("env=prod,tier=db", PROD_API)).as("all terms hold").isFalse();
    assertThat(LabelSelectors.matchesText("env!=dev", PROD_API)).isTrue();
    assertThat(LabelSelectors.matchesText("env!=prod", PROD_API)).isFalse();
    assertThat(LabelSelectors.matchesText("zone!=a", PROD_API)).as("!= holds when the label is absent").isTrue();
    assertThat(LabelSelectors.matchesText("tier", PROD_API)).isTrue();
    assertThat(LabelSelectors.matchesText("zone", PROD_API)).isFalse();
    assertThat(LabelSelectors.matchesText("env=prod,env=dev", PROD_API)).as("repeated keys all hold").isFalse();
    assertThat(LabelSelectors.matchesText("env=", Map.of("env", ""))).isTrue();
  }

  @Test
  void blankTextSelectsNothing() {
    assertThat(LabelSelectors.matchesText("", PROD_API)).isFalse();
    assertThat(LabelSelectors.matchesText(" , ", PROD_API)).isFalse();
  }
}
