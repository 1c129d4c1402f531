package dev.kubepci.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void starMatchesAnyRunAndQuestionMarkOneCharacter() {
    assertThat(Glob.matches("api-*", "api-7f9c")).isTrue();
    assertThat(Glob.matches("api-*", "api-")).isTrue();
    assertThat(Glob.matches("*-system", "kube-system")).isTrue();
    assertThat(Glob.matches("prod-??", "prod-eu")).isTrue();
    assertThat(Glob.matches("prod-??", "prod-eu1")).isFalse();
    assertThat(Glob.matches("a*b*c", "aXXbYYc")).isTrue();
    assertThat(Glob.matches("a*b*c", "aXXbYY")).isFalse();
    assertThat(Glob.matches("*", "")).isTrue();
    assertThat(Glob.matches("?", "")).isFalse();
    assertThat(Glob.matches("", "")).isTrue();
    assertThat(Glob.matches("", "x")).isFalse();
  }

  @Test
  void otherCharactersAreLiteralsNotRegularExpressions() {
    assertThat(Glob.matches("a.b", "aXb")).isFalse();
    assertThat(Glob.matches("a.b", "a.b")).isTrue();
    assertThat(Glob.matches("(a|b)+[x]\\", "(a|b)+[x]\\")).isTrue();
    assertThat(Glob.matches("payments", "payments-dev")).isFalse();
  }

  @Test
  void aSegmentStarStopsAtTheSeparatorAndADoubleStarCrossesIt() {
    Glob single = Glob.segments("ghcr.io/acme/*", '/');
    assertThat(single.matches("ghcr.io/acme/api")).isTrue();
    assertThat(single.matches("ghcr.io/acme/team/api")).isFalse();
    Glob twice = Glob.segments("ghcr.io/**", '/');
    assertThat(twice.matches("ghcr.io/acme/team/api")).isTrue();
    assertThat(Glob.segments("*.dkr.ecr.*.amazonaws.com", '/').matches("1234.dkr.ecr.eu-west-1.amazonaws.com"))
        .isTrue();
    assertThat(Glob.segments("a/*/**/b", '/').matches("a/x/y/z/b")).isTrue();
    assertThat(Glob.segments("a/*/b", '/').matches("a/x/y/b")).isFalse();
  }

  @Test
  void matchesAnyOfSeveralPatterns() {
    assertThat(Glob.matchesAny(List.of("a", "b*"), "bee")).isTrue();
    assertThat(Glob.matchesAny(List.of("a", "b*"), "cee")).isFalse();
  }
}
