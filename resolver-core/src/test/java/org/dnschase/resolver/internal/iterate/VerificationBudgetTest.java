package org.dnschase.resolver.internal.iterate;

import static org.assertj.core.api.Assertions.assertThat;

import org.dnschase.resolver.Budgets;
import org.dnschase.resolver.internal.dnssec.VerificationAllowance;
import org.dnschase.resolver.internal.servers.FakeTicker;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The signature verifications of one resolution (KeyTrap, CVE-2023-50387): the RRsets beside an
 * answer, validated only to be cached with their status, have a quarter of the budget of their
 * own, so they never take what the answer needs and the total stays bounded.
 */
class VerificationBudgetTest {

  private final Budget budget = new Budget(Budgets.DEFAULTS, new FakeTicker());
  private final int limit = Budgets.DEFAULTS.maxSignatureVerifications();

  @Test
  @DisplayName("KeyTrap: RRsets beside the answer spend at most a quarter of the verification budget, their own")
  void besideAnswer_spendsAQuarterOfItsOwn() {
    VerificationAllowance beside = budget.besideAnswer();

    assertThat(spendAll(beside)).isEqualTo(limit / 4);
    assertThat(spendAll(budget)).isEqualTo(limit);
    assertThat(budget.besideAnswer().trySpendVerification()).isFalse();
  }

  private static int spendAll(VerificationAllowance allowance) {
    int spent = 0;
    while (allowance.trySpendVerification()) {
      spent++;
    }
    return spent;
  }
}
