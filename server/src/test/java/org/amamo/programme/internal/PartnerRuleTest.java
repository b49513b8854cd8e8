package org.amamo.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 「最新の情報交換日の翌年度末まで」 and the municipality code's check digit. */
class PartnerRuleTest {

    @Test
    void the_deadline_is_the_end_of_the_fiscal_year_after_the_exchange() {
        assertThat(PartnerRule.deadline(LocalDate.of(2024, 7, 10))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(PartnerRule.deadline(LocalDate.of(2025, 3, 31))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(PartnerRule.deadline(LocalDate.of(2025, 4, 1))).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void a_municipality_code_has_six_digits_and_a_valid_check_digit() {
        assertThat(PartnerRule.validCode("141003")).as("Yokohama").isTrue();
        assertThat(PartnerRule.validCode("131016")).as("Chiyoda").isTrue();
        assertThat(PartnerRule.validCode("141004")).isFalse();
        assertThat(PartnerRule.validCode("14100")).isFalse();
        assertThat(PartnerRule.validCode("14100a")).isFalse();
        assertThat(PartnerRule.validCode(null)).isFalse();
    }
}
