package org.amamo.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The application fee: flat plus per tonne of the credit applied for, whole yen, rounded down. */
class FeeRuleTest {

    static FeeRule rule(String flatYen, String perTonneYen) {
        return new FeeRule(new BigDecimal(flatYen), new BigDecimal(perTonneYen));
    }

    @Test
    void addsTheFlatAmountToThePerTonneAmountOfTheCreditAppliedFor() {
        assertThat(rule("50000", "500").amountYen(123)).isEqualByComparingTo("56150");
        assertThat(rule("10000", "0").amountYen(1032)).isEqualByComparingTo("10000");
        assertThat(rule("0", "0").amountYen(0)).isEqualByComparingTo("0");
    }

    @Test
    void roundsDownToTheYen() {
        // 333 JPY per tonne for 0.1 t is 33.3 JPY: the applicant is never charged a fraction rounded up.
        assertThat(rule("0", "333").amountYen(1)).isEqualByComparingTo("33");
        assertThat(rule("0", "333").amountYen(1).scale()).isZero();
        assertThat(rule("1", "999").amountYen(9)).isEqualByComparingTo("900");
    }

    @Test
    void acceptsWholeYenUpToTheLimitAndNothingElse() {
        assertThat(FeeRule.wholeYen(FeeRule.MAX_YEN)).isTrue();
        assertThat(FeeRule.wholeYen(new BigDecimal("100.00"))).isTrue();
        assertThat(FeeRule.wholeYen(FeeRule.MAX_YEN.add(BigDecimal.ONE))).isFalse();
        assertThat(FeeRule.wholeYen(new BigDecimal("-1"))).isFalse();
        assertThat(FeeRule.wholeYen(new BigDecimal("0.5"))).isFalse();
        assertThatThrownBy(() -> rule("-1", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule("0", "100000001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rule("0", "0").amountYen(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
