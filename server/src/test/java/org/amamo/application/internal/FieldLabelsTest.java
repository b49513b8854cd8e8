package org.amamo.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A refused field is named by the label the application form shows beside it. */
class FieldLabelsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates/application");

    /** A labelled input with its path written out: {@code input('holders[' + ${it.index} + '].email', 'key', ...)}. */
    private static final Pattern WRITTEN_OUT =
            Pattern.compile("(?:input|textarea)\\('([^']*)'(?: \\+ \\$\\{[\\w.]+} \\+ '([^']*)')?, '([^']*)'");

    /** A labelled input of a row fragment, relative to the row: {@code input(${p + '.areaHa'}, 'key', ...)}. */
    private static final Pattern IN_A_ROW = Pattern.compile("(?:input|textarea)\\(\\$\\{p \\+ '([^']*)'}, '([^']*)'");

    @Test
    void everyLabelledInputOfTheFormIsNamedByItsOwnLabel() throws IOException {
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher written = WRITTEN_OUT.matcher(Files.readString(TEMPLATES.resolve("edit.html")));
        while (written.find()) {
            shown.put(written.group(1) + (written.group(2) == null ? "" : written.group(2)), written.group(3));
        }
        String fragments = Files.readString(TEMPLATES.resolve("fragments.html"));
        int vessel = fragments.indexOf("th:fragment=\"vessel(");
        rowInputs(
                fragments.substring(fragments.indexOf("th:fragment=\"component("), vessel),
                "sheet.years[].components[]",
                shown);
        rowInputs(fragments.substring(vessel), "sheet.years[].vessels[]", shown);

        assertThat(shown).hasSizeGreaterThan(40);
        shown.forEach((path, label) ->
                assertThat(FieldLabels.FIELDS.get(path)).as(path).isEqualTo(label));
    }

    private static void rowInputs(String fragment, String row, Map<String, String> shown) {
        Matcher input = IN_A_ROW.matcher(fragment);
        while (input.find()) {
            shown.put(row + input.group(1), input.group(2));
        }
    }

    @Test
    void aFieldInRepeatedRowsIsNamedWithTheRowsNumbersFromOne() {
        assertThat(FieldLabels.of("holders[1].sharePercent"))
                .containsExactly(
                        new FieldLabels.Part("application.label.holder", 2),
                        new FieldLabels.Part("application.field.share", null));
        assertThat(FieldLabels.of("sheet.years[0].components[2].areaHa"))
                .containsExactly(
                        new FieldLabels.Part("application.label.year", 1),
                        new FieldLabels.Part("application.label.component", 3),
                        new FieldLabels.Part("application.field.area-ha", null));
    }

    @Test
    void aListAsAWholeIsNamedByItsSection() {
        assertThat(FieldLabels.of("plants")).containsExactly(new FieldLabels.Part("application.section.plants", null));
        assertThat(FieldLabels.anchor("plants")).isEqualTo("plants");
        assertThat(FieldLabels.anchor("categories")).isEqualTo("categories");
    }

    @Test
    void aFieldLinksToTheIdTheFormGivesIt() {
        assertThat(FieldLabels.anchor("sheet.years[0].components[1].areaHa"))
                .isEqualTo("sheet.years0.components1.areaHa");
        assertThat(FieldLabels.anchor("name")).isEqualTo("name");
    }

    @Test
    void aPathTheFormDoesNotShowIsNamedByTheRowsItLiesIn() {
        assertThat(FieldLabels.of("sheet.years[0].components[0].areaCertainty"))
                .containsExactly(
                        new FieldLabels.Part("application.label.year", 1),
                        new FieldLabels.Part("application.label.component", 1));
        assertThat(FieldLabels.of("nothing.known")).isEmpty();
    }
}
