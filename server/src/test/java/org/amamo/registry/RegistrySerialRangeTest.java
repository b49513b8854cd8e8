package org.amamo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrySerialRangeTest {

    @Test
    void formatsPrefixVintageProjectBatchStartAndEnd() {
        SerialRange range = new SerialRange("JBC", 2024, "0012", 1, 1, 123);
        assertThat(range.format()).isEqualTo("JBC-2024-0012-01-000001-000123");
        assertThat(range.creditUnits()).isEqualTo(123);
        assertThat(range.batchText()).isEqualTo("JBC-2024-0012-01");
    }

    @Test
    void widensSerialsBeyondSixDigits() {
        assertThat(new SerialRange("JBC", 2024, "0012", 12, 999_999, 1_000_000).format())
                .isEqualTo("JBC-2024-0012-12-999999-1000000");
    }

    @Test
    void parsesARangeAndASingleSerial() {
        assertThat(SerialRange.parse("JBC-2024-0012-01-000001-000123"))
                .contains(new SerialRange("JBC", 2024, "0012", 1, 1, 123));
        assertThat(SerialRange.parse(" jbc-2024-0012-01-000005 "))
                .contains(new SerialRange("JBC", 2024, "0012", 1, 5, 5));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "JBC",
                "JBC-2024-0012-01",
                "JBC-2024-0012-01-000000-000003",
                "JBC-2024-0012-01-000009-000003",
                "JBC-2024-0012-00-000001-000003",
                "J-2024-0012-01-000001-000003",
                "JBC-24-0012-01-000001-000003",
                "JBC-2024-00-12-01-000001-000003",
                "JBC-2024-0012-01-1-2-3",
                "JBC-2024-0012-01-0000000000001-000003"
            })
    void rejectsWhatIsNotASerialRange(String text) {
        assertThat(SerialRange.parse(text)).isEmpty();
    }

    @Test
    void rejectsTextLongerThanTheLimit() {
        assertThat(SerialRange.parse("JBC-2024-" + "0".repeat(SerialRange.MAX_TEXT_LENGTH) + "-01-1"))
                .isEmpty();
        assertThat(SerialRange.parse(null)).isEmpty();
    }

    @Test
    void refusesToBuildAnEmptyOrBackwardRange() {
        assertThatThrownBy(() -> new SerialRange("JBC", 2024, "0012", 1, 5, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialRange("JBC", 2024, "00-12", 1, 1, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void parsesWhatItFormats(
            @ForAll @IntRange(min = 1000, max = 9999) int vintage,
            @ForAll @IntRange(min = 1, max = 9999) int batch,
            @ForAll @LongRange(min = 1, max = 99_999_999) long first,
            @ForAll @LongRange(min = 0, max = 1_000_000) long length) {
        SerialRange range = new SerialRange("JBC", vintage, "A12", batch, first, first + length);
        assertThat(SerialRange.parse(range.format())).contains(range);
    }
}
