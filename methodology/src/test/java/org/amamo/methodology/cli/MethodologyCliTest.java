package org.amamo.methodology.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of methodology.md section 6, run in-process. */
class MethodologyCliTest {

    private static final String WORKED_EXAMPLE = "src/test/resources/sheets/worked-example.json";
    private static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[139.6, 35.4], [139.61, 35.4], "
            + "[139.61, 35.41], [139.6, 35.41], [139.6, 35.4]]]}";

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MethodologyCli.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void calculatesSheetFileWithExitZero() {
        Run run = run("", "calculate", WORKED_EXAMPLE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout())
                .contains(
                        "\"uptakeT\": \"11.0916\"",
                        "\"creditT\": \"11.1\"",
                        "\"creditUnits\": 111",
                        "\"provisional\": true",
                        "\"methodologyVersion\": \"jbe-2.3\"");
    }

    @Test
    void readsSheetFromStdin() throws IOException {
        Run run = run(Files.readString(Path.of(WORKED_EXAMPLE)), "calculate", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(run("", "calculate", WORKED_EXAMPLE).stdout());
    }

    @Test
    void invalidSheetExitsTwoWithMessagesOnStderrOnly() throws IOException {
        String sheet = Files.readString(Path.of(WORKED_EXAMPLE))
                .replace("\"0.90\"", "\"1.5\"")
                .replace("\"gasoline\"", "\"petrol\"");

        Run run = run(sheet, "calculate", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines())
                .containsExactly(
                        "$.years[0].components[0].areaCertainty: must be greater than 0 and at most 1 (e.g. 0.90), or left "
                                + "empty until the review committee scores it; got 1.5",
                        "$.years[0].vessels[0].fuel: unknown fuel \"petrol\"; use one of gasoline, diesel, heavy-oil-a");
    }

    @Test
    void calculatesReductionSheet() {
        Run run = run("", "calculate", "src/test/resources/golden/07-yokohama-hybrid-tug.sheet.json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout())
                .contains(
                        "\"type\": \"reduction\"",
                        "\"reductionT\": \"103.2\"",
                        "\"creditT\": \"103.2\"",
                        "\"creditUnits\": 1032");
    }

    @Test
    void invalidReductionSheetExitsTwoWithOneLinePerField() throws IOException {
        String sheet = Files.readString(Path.of("src/test/resources/golden/07-yokohama-hybrid-tug.sheet.json"))
                .replace("\"projectFuel\": \"diesel\"", "\"projectFuel\": \"lng\"")
                .replace("\"100000\"", "\"-1\"");

        Run run = run(sheet, "calculate", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr().lines())
                .containsExactly(
                        "$.years[0].components[0].baselineFuelLitres: must not be negative; got -1",
                        "$.years[0].components[0].projectFuelLitres: lng is measured in tonnes: enter projectFuelTonnes "
                                + "instead");
    }

    @Test
    void malformedJsonExitsTwoWithoutStackTrace() {
        Run run = run("{\"methodologyVersion\": ", "calculate", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr())
                .startsWith("$: not valid JSON: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void missingFileExitsTwo() {
        Run run = run("", "calculate", "no-such-sheet.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("no-such-sheet.json: cannot read the file: no such file\n");
    }

    @Test
    void usageErrorsExitNonZeroWithAMessage() {
        assertThat(run("")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(MethodologyCli.EXIT_USAGE);
            assertThat(r.stderr()).startsWith("error: no command given").contains("usage:");
            assertThat(r.stdout()).isEmpty();
        });
        assertThat(run("", "compute", "x.json").exitCode()).isEqualTo(MethodologyCli.EXIT_USAGE);
        assertThat(run("", "calculate").exitCode()).isEqualTo(MethodologyCli.EXIT_USAGE);
        assertThat(run("", "calculate", "a.json", "b.json").exitCode()).isEqualTo(MethodologyCli.EXIT_USAGE);
    }

    @Test
    void helpGoesToStdout() {
        Run run = run("", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("usage:");
    }

    @Test
    void printsAreaInHectaresWithSixDecimalsAsFirstToken() {
        Run run = run(SQUARE, "area", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).matches("100\\.78\\d{4} ha\\n");
    }

    @Test
    void invalidGeometryExitsTwo() {
        Run run = run(SQUARE.replace("[139.6, 35.4]]]", "[139.6, 35.5]]]"), "area", "-");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr())
                .startsWith("$.coordinates[0]: polygon 0, ring 0: ring is not closed: first point "
                        + "(139.6, 35.4) differs from last (139.6, 35.5)");
    }

    @Test
    void importsGpxToGeoJson() {
        String gpx = "<gpx><trk><trkseg><trkpt lat='35.4' lon='139.6'/><trkpt lat='35.4' lon='139.61'/>"
                + "<trkpt lat='35.41' lon='139.61'/><trkpt lat='35.41' lon='139.6'/></trkseg></trk></gpx>"
                        .replace(
                                "<trkpt lat='35.41' lon='139.6'/>",
                                "<trkpt lat='35.41' lon='139.6'/><trkpt lat='35.4' lon='139.6'/>");

        Run run = run(gpx, "import", "-");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[139.6,35.4],[139.61,35.4],"
                        + "[139.61,35.41],[139.6,35.41],[139.6,35.4]]]}\n");
    }

    @Test
    void reportsOverlapsWithExistingSites(@TempDir Path directory) throws IOException {
        Path existing = directory.resolve("existing.geojson");
        Files.writeString(
                existing,
                "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                        + "\"id\": \"A-1\", \"properties\": {}, \"geometry\": " + SQUARE.replace("139.6,", "139.605,")
                        + "}, "
                        + "{\"type\": \"Feature\", \"properties\": {\"id\": \"B-2\"}, \"geometry\": "
                        + SQUARE.replace("139.6", "139.8").replace("139.61", "139.81") + "}]}");

        Run run = run(SQUARE, "overlap", "-", existing.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("\"id\": \"A-1\"")
                .doesNotContain("B-2")
                .contains("\"overlapHa\": \"50.");
    }

    @Test
    void uncertaintyAddsAReproducibleBand() throws IOException {
        String sheet = Files.readString(Path.of(WORKED_EXAMPLE))
                .replace(
                        "\"areaHa\": \"7.8\",",
                        "\"areaHa\": \"7.8\", \"uncertainty\": {\"areaHa\": {\"min\": \"7\", \"max\": \"8.6\"}},");

        Run first = run(sheet, "uncertainty", "-", "--samples", "500", "--seed", "9");
        Run second = run(sheet, "uncertainty", "-", "--samples", "500", "--seed", "9");

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout())
                .contains("\"uncertainty\": {", "\"p5\"", "\"p95\"", "\"creditT\": \"11.1\"")
                .isEqualTo(second.stdout());
        assertThat(run(sheet, "uncertainty", "-", "--samples", "0").exitCode()).isEqualTo(MethodologyCli.EXIT_USAGE);
    }
}
