package org.amamo.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RegistryUnitsTest {

    private final RegistryUnits units = new RegistryUnits();

    @Test
    void showsTonnesWithOneDecimalAndGroupedThousands() {
        assertThat(units.tonnes(0)).isEqualTo("0.0");
        assertThat(units.tonnes(5)).isEqualTo("0.5");
        assertThat(units.tonnes(123)).isEqualTo("12.3");
        assertThat(units.tonnes(9_999)).isEqualTo("999.9");
        assertThat(units.tonnes(10_000)).isEqualTo("1,000.0");
        assertThat(units.tonnes(12_345)).isEqualTo("1,234.5");
        assertThat(units.tonnes(1_000_000_000)).isEqualTo("100,000,000.0");
        assertThat(units.tonnes(-12_345)).isEqualTo("-1,234.5");
    }

    @Property
    void agreesWithTheJdkDecimalFormat(@ForAll @LongRange(min = -Long.MAX_VALUE) long value) {
        DecimalFormat jdk = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        assertThat(units.tonnes(value)).isEqualTo(jdk.format(BigDecimal.valueOf(value, 1)));
    }
}
