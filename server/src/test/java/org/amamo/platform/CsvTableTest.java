package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void cellsWithSeparatorsAreQuotedAndFormulasDefused() {
        String text = new CsvTable("name", "t_co2", "note")
                .row("アマモ場, 金沢", new BigDecimal("1E+1"), "say \"hi\"")
                .row("=HYPERLINK(\"x\")", -5, null)
                .text();
        assertThat(text)
                .isEqualTo("\uFEFFname,t_co2,note\r\n"
                        + "\"アマモ場, 金沢\",10,\"say \"\"hi\"\"\"\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",-5,\r\n");
    }

    @Test
    void quotedCellsAreAlwaysInQuotesWithFormulasDefused() {
        assertThat(CsvTable.quoted("Yokohama City")).isEqualTo("\"Yokohama City\"");
        assertThat(CsvTable.quoted("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"");
        assertThat(CsvTable.quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTable.quoted(null)).isEmpty();
    }

    @Test
    void tonnesHaveOneDecimal() {
        assertThat(CsvTable.tonnes(123)).hasToString("12.3");
        assertThat(CsvTable.tonnes(0)).hasToString("0.0");
    }

    @Test
    void aRowMustHaveAsManyCellsAsTheHeader() {
        assertThatThrownBy(() -> new CsvTable("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
