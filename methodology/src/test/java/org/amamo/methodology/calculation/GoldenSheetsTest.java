package org.amamo.methodology.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recomputing an old sheet gives the same figure forever: every sheet under {@code golden/} is calculated
 * and compared, field by field, with the output JSON checked in next to it. A change to a published
 * table or a formula shows up here. The expected files were checked by hand (see the README of the folder).
 */
class GoldenSheetsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<String> sheets() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sheet.json"))
                    .sorted()
                    .toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sheets")
    void recomputesToTheCheckedInResult(String sheetFile) throws IOException {
        String sheet = Files.readString(GOLDEN.resolve(sheetFile), StandardCharsets.UTF_8);
        String expectedFile = sheetFile.replace(".sheet.json", ".expected.json");
        JsonNode expected =
                new ObjectMapper().readTree(GOLDEN.resolve(expectedFile).toFile());

        String actual =
                SheetJson.write(CreditCalculator.standard().calculate(sheet).orElseThrow());

        assertThat(new ObjectMapper().readTree(actual)).isEqualTo(expected);
    }
}
