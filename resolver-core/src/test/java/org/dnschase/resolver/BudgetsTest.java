package org.dnschase.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Budgets: every limit changed by its own name, checked on the spot, defaults from the one table. */
class BudgetsTest {

  private record Limit(String name, UnaryOperator<Budgets> change, Function<Budgets, Object> read, Object value) {}

  private static final List<Limit> LIMITS = List.of(
      new Limit("maxHops", b -> b.withMaxHops(7), Budgets::maxHops, 7),
      new Limit("maxQueries", b -> b.withMaxQueries(17), Budgets::maxQueries, 17),
      new Limit("maxReferrals", b -> b.withMaxReferrals(3), Budgets::maxReferrals, 3),
      new Limit("maxDepth", b -> b.withMaxDepth(2), Budgets::maxDepth, 2),
      new Limit("deadline", b -> b.withDeadline(Duration.ofSeconds(4)), Budgets::deadline, Duration.ofSeconds(4)),
      new Limit("queryTimeout", b -> b.withQueryTimeout(Duration.ofMillis(300)), Budgets::queryTimeout,
          Duration.ofMillis(300)),
      new Limit("maxGluelessPerDelegation", b -> b.withMaxGluelessPerDelegation(9),
          Budgets::maxGluelessPerDelegation, 9),
      new Limit("maxFailedGlueless", b -> b.withMaxFailedGlueless(11), Budgets::maxFailedGlueless, 11));

  @Test
  @DisplayName("the defaults are the table's")
  void defaults_comeFromTheTableOfDefaults() {
    Budgets defaults = Budgets.DEFAULTS;

    assertThat(List.of(defaults.maxHops(), defaults.maxQueries(), defaults.maxReferrals(), defaults.maxDepth(),
        defaults.deadline(), defaults.queryTimeout(), defaults.maxGluelessPerDelegation(),
        defaults.maxFailedGlueless())).containsExactly(Defaults.MAX_HOPS, Defaults.MAX_QUERIES,
        Defaults.MAX_REFERRALS, Defaults.MAX_DEPTH, Defaults.DEADLINE, Defaults.QUERY_TIMEOUT,
        Defaults.MAX_GLUELESS_PER_DELEGATION, Defaults.MAX_FAILED_GLUELESS);
  }

  @Test
  @DisplayName("each with* changes its own limit and leaves every other at its value")
  void eachWith_changesOnlyItsLimit() {
    for (Limit changed : LIMITS) {
      Budgets budgets = changed.change().apply(Budgets.DEFAULTS);

      for (Limit limit : LIMITS) {
        Object expected = limit == changed ? limit.value() : limit.read().apply(Budgets.DEFAULTS);
        assertThat(limit.read().apply(budgets)).as(changed.name() + " then " + limit.name()).isEqualTo(expected);
      }
      assertThat(budgets).isNotEqualTo(Budgets.DEFAULTS).isEqualTo(changed.change().apply(Budgets.DEFAULTS))
          .hasSameHashCodeAs(changed.change().apply(Budgets.DEFAULTS));
      assertThat(budgets.toString()).contains(changed.name() + "=" + changed.value());
    }
  }

  @Test
  @DisplayName("a limit that is not positive is refused, naming the limit")
  void nonPositiveLimit_isRefusedByName() {
    assertThatThrownBy(() -> Budgets.DEFAULTS.withMaxHops(0)).hasMessage("maxHops must be positive, was 0");
    assertThatThrownBy(() -> Budgets.DEFAULTS.withMaxFailedGlueless(-1))
        .hasMessage("maxFailedGlueless must be positive, was -1");
    assertThatThrownBy(() -> Budgets.DEFAULTS.withDeadline(Duration.ZERO))
        .hasMessage("deadline must be positive, was PT0S");
    assertThatThrownBy(() -> Budgets.DEFAULTS.withQueryTimeout(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("queryTimeout");
  }

  @Test
  @DisplayName("a deadline or a query timeout longer than the resolver's nanosecond clock can time is refused, "
      + "naming it, instead of ending every resolution at once or throwing an overflow from resolve")
  void untimeablyLongDuration_isRefusedByName() {
    assertThatThrownBy(() -> Budgets.DEFAULTS.withDeadline(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("deadline must be at most 2147483647 seconds");
    assertThatThrownBy(() -> Budgets.DEFAULTS.withQueryTimeout(Duration.ofDays(365L * 300)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("queryTimeout must be at most 2147483647 seconds");
    assertThat(Budgets.DEFAULTS.withDeadline(Duration.ofSeconds(Integer.MAX_VALUE)).deadline())
        .isEqualTo(Duration.ofSeconds(Integer.MAX_VALUE));
  }
}
