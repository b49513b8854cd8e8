package org.amamo.methodology.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amamo.methodology.EnglishError;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Verdict;
import org.junit.jupiter.api.Test;

/** Every rule of methodology.md section 5, with the exact path and message. */
class SheetValidationTest {

    private static final String EELGRASS = """
            {"id": "eelgrass", "method": "area", "ecosystem": "seagrass", "areaHa": "7.8",
             "areaCertainty": "0.90", "coefficientCertainty": "1.00"}""";
    private static final String WAKAME = """
            {"id": "wakame", "method": "farm-biomass", "biomassTww": "22.786", "pb": "1.0", "waterContent": "0.9",
             "carbonContent": "0.3", "residualRate": "0.1", "certainty": "1.00"}""";
    private static final String VESSEL = """
            {"kind": "fishing-boat", "fuel": "gasoline", "count": 1, "hours": "6", "ratedKw": "60",
             "fuelLitresPerKwh": "0.3"}""";

    private static String sheet(String version, String years) {
        return "{\"methodologyVersion\": \"" + version + "\", \"applicationDate\": \"2024-06-01\", \"years\": [" + years
                + "]}";
    }

    private static String year(String start, String components, String vessels) {
        return "{\"start\": \"" + start + "\", \"components\": [" + components + "], \"baselineT\": \"0\", "
                + "\"vessels\": [" + vessels + "]}";
    }

    private static String withComponent(String component) {
        return sheet("jbe-2.3", year("2023-04-01", component, ""));
    }

    private static String withVessel(String vessel) {
        return sheet("jbe-2.3", year("2023-04-01", EELGRASS, vessel));
    }

    private static List<EnglishError> errors(String json) {
        Verdict<CalculationResult> outcome = CreditCalculator.standard().calculate(json);
        assertThat(outcome).isInstanceOf(Verdict.Rejected.class);
        return EnglishError.all(outcome.errors());
    }

    private static EnglishError error(String path, String message) {
        return new EnglishError(path, message);
    }

    @Test
    void acceptsTheBaseSheets() {
        assertThat(CreditCalculator.standard()
                        .calculate(withComponent(EELGRASS + "," + WAKAME))
                        .errors())
                .isEmpty();
        assertThat(CreditCalculator.standard().calculate(withVessel(VESSEL)).errors())
                .isEmpty();
    }

    @Test
    void rejectsNegativeNumber() {
        assertThat(errors(withComponent(EELGRASS.replace("\"7.8\"", "\"-7.8\""))))
                .containsExactly(error("$.years[0].components[0].areaHa", "must not be negative; got -7.8"));
    }

    @Test
    void rejectsNegativeBaseline() {
        assertThat(errors(withComponent(EELGRASS).replace("\"baselineT\": \"0\"", "\"baselineT\": -1")))
                .containsExactly(error("$.years[0].baselineT", "must not be negative; got -1"));
    }

    @Test
    void rejectsTextThatIsNotANumber() {
        assertThat(errors(withComponent(WAKAME.replace("\"22.786\"", "\"22,786\""))))
                .containsExactly(error(
                        "$.years[0].components[0].biomassTww",
                        "not a number: \"22,786\"; write a decimal number such as 7.8"));
    }

    @Test
    void rejectsJsonValueThatIsNotANumber() {
        assertThat(errors(withComponent(WAKAME.replace("\"pb\": \"1.0\"", "\"pb\": true"))))
                .containsExactly(error(
                        "$.years[0].components[0].pb",
                        "not a number: true; write a decimal number such as 7.8 (as a JSON number or a string)"));
    }

    @Test
    void rejectsCoefficientWithMoreThanTwoDecimals() {
        String component = EELGRASS.replace("\"areaHa\": \"7.8\"", "\"areaHa\": \"7.8\", \"coefficient\": \"1.585\"");
        assertThat(errors(withComponent(component)))
                .containsExactly(error(
                        "$.years[0].components[0].coefficient",
                        "has more than 2 decimals; enter at most 2, e.g. 1.59; got 1.585"));
    }

    @Test
    void rejectsCertaintyWithMoreThanTwoDecimals() {
        assertThat(errors(withComponent(EELGRASS.replace("\"0.90\"", "\"0.905\""))))
                .containsExactly(error(
                        "$.years[0].components[0].areaCertainty",
                        "has more than 2 decimals; enter at most 2, e.g. 0.91; got 0.905"));
    }

    @Test
    void acceptsCertaintyWithTrailingZerosBeyondTwoDecimals() {
        String json = withComponent(EELGRASS.replace("\"0.90\"", "\"0.900\""));
        assertThat(CreditCalculator.standard().calculate(json).errors()).isEmpty();
    }

    @Test
    void rejectsCertaintyOfZero() {
        assertThat(errors(withComponent(WAKAME.replace("\"certainty\": \"1.00\"", "\"certainty\": 0"))))
                .containsExactly(error(
                        "$.years[0].components[0].certainty",
                        "must be greater than 0 and at most 1 "
                                + "(e.g. 0.90), or left empty until the review committee scores it; got 0"));
    }

    @Test
    void rejectsCertaintyAboveOne() {
        assertThat(errors(withComponent(EELGRASS.replace("\"1.00\"", "\"1.01\""))))
                .containsExactly(
                        error(
                                "$.years[0].components[0].coefficientCertainty",
                                "must be greater than 0 and "
                                        + "at most 1 (e.g. 0.90), or left empty until the review committee scores it; got 1.01"));
    }

    @Test
    void rejectsWaterContentAboveOne() {
        assertThat(errors(withComponent(WAKAME.replace("\"waterContent\": \"0.9\"", "\"waterContent\": \"90\""))))
                .containsExactly(error(
                        "$.years[0].components[0].waterContent",
                        "must be between 0 and 1 (a fraction, e.g. 0.9 for 90%); got 90"));
    }

    @Test
    void rejectsNegativeCarbonContent() {
        assertThat(errors(withComponent(WAKAME.replace("\"carbonContent\": \"0.3\"", "\"carbonContent\": -0.3"))))
                .containsExactly(error(
                        "$.years[0].components[0].carbonContent",
                        "must be between 0 and 1 (a fraction, e.g. 0.9 for 90%); got -0.3"));
    }

    @Test
    void rejectsResidualRateAboveOne() {
        assertThat(errors(withComponent(WAKAME.replace("\"residualRate\": \"0.1\"", "\"residualRate\": 1.1"))))
                .containsExactly(error(
                        "$.years[0].components[0].residualRate",
                        "must be between 0 and 1 (a fraction, e.g. 0.9 for 90%); got 1.1"));
    }

    @Test
    void rejectsUnknownEcosystem() {
        assertThat(errors(withComponent(EELGRASS.replace("seagrass", "eelgrass-bed"))))
                .containsExactly(error(
                        "$.years[0].components[0].ecosystem",
                        "unknown ecosystem \"eelgrass-bed\"; "
                                + "use one of seagrass, mangrove, sargassum, kelp, eisenia, tidal-flat"));
    }

    @Test
    void rejectsUnknownFuel() {
        assertThat(errors(withVessel(VESSEL.replace("gasoline", "kerosene"))))
                .containsExactly(error(
                        "$.years[0].vessels[0].fuel",
                        "unknown fuel \"kerosene\"; use one of gasoline, diesel, heavy-oil-a"));
    }

    @Test
    void rejectsUnknownVersion() {
        assertThat(errors(sheet("jbe-9.9", year("2023-04-01", EELGRASS, ""))))
                .containsExactly(
                        error(
                                "$.methodologyVersion",
                                "unknown methodology version \"jbe-9.9\"; use one of yokohama-2019, jbe-2.3, yokohama-2019-ranges, jbe-2.3-ranges"));
    }

    @Test
    void rejectsUnknownMethod() {
        assertThat(errors(withComponent("{\"id\": \"x\", \"method\": \"guess\"}")))
                .containsExactly(error(
                        "$.years[0].components[0].method",
                        "unknown method \"guess\"; use one of area, farm-biomass, rope-length"));
    }

    @Test
    void rejectsYearThatIsNotExactlyOneYear() {
        String json = sheet(
                "jbe-2.3",
                year("2023-04-01", EELGRASS, "")
                        .replace("{\"start\": \"2023-04-01\"", "{\"start\": \"2023-04-01\", \"end\": \"2024-04-01\""));
        assertThat(errors(json))
                .containsExactly(
                        error(
                                "$.years[0].end",
                                "a crediting year runs exactly one year: starting 2023-04-01 it ends 2024-03-31; got 2024-04-01"));
    }

    @Test
    void rejectsOverlappingYears() {
        String json = sheet("jbe-2.3", year("2022-04-01", EELGRASS, "") + "," + year("2023-03-01", EELGRASS, ""));
        assertThat(errors(json))
                .containsExactly(
                        error(
                                "$.years[1].start",
                                "overlaps the previous crediting year "
                                        + "(2022-04-01 to 2023-03-31); years must be contiguous, so start this one on 2023-04-01"));
    }

    @Test
    void rejectsGapBetweenYears() {
        String json = sheet("jbe-2.3", year("2021-04-01", EELGRASS, "") + "," + year("2023-04-01", EELGRASS, ""));
        assertThat(errors(json))
                .containsExactly(
                        error(
                                "$.years[1].start",
                                "leaves a gap after the previous crediting "
                                        + "year (2021-04-01 to 2022-03-31); years must be contiguous, so start this one on 2022-04-01"));
    }

    @Test
    void rejectsYearEndingAfterTheApplicationDate() {
        assertThat(errors(sheet("jbe-2.3", year("2023-06-03", EELGRASS, ""))))
                .containsExactly(error(
                        "$.years[0].start",
                        "the crediting year ends 2024-06-02, after the application "
                                + "date 2024-06-01; credits are certified only for years that ended on or before it"));
    }

    @Test
    void acceptsYearEndingOnTheApplicationDate() {
        String json = sheet("jbe-2.3", year("2023-06-02", EELGRASS, ""));
        assertThat(CreditCalculator.standard().calculate(json).errors()).isEmpty();
    }

    @Test
    void rejectsFirstYearMoreThanFiveYearsBack() {
        String years = year("2019-05-31", EELGRASS, "") + "," + year("2020-05-31", EELGRASS, "");
        assertThat(errors(sheet("jbe-2.3", years)))
                .containsExactly(
                        error(
                                "$.years[0].start",
                                "starts 2019-05-31, "
                                        + "more than 5 years before the application date 2024-06-01; the earliest allowed start is 2019-06-01"));
    }

    @Test
    void acceptsFirstYearExactlyFiveYearsBack() {
        String json = sheet("jbe-2.3", year("2019-06-01", EELGRASS, ""));
        assertThat(CreditCalculator.standard().calculate(json).errors()).isEmpty();
    }

    @Test
    void rejectsOwnCoefficientUnderYokohama2019() {
        String component = EELGRASS.replace("\"areaHa\": \"7.8\"", "\"areaHa\": \"7.8\", \"coefficient\": \"2.00\"");
        assertThat(errors(sheet("yokohama-2019", year("2023-04-01", component, ""))))
                .containsExactly(error(
                        "$.years[0].components[0].coefficient",
                        "methodology version yokohama-2019 "
                                + "takes the coefficient from its table; leave coefficient empty (null), or use a version that "
                                + "accepts an own coefficient such as jbe-2.3"));
    }

    @Test
    void rejectsMalformedJsonWithOneCleanMessage() {
        assertThat(errors("{\"methodologyVersion\": \"jbe-2.3\",, }"))
                .hasSize(1)
                .allSatisfy(e -> {
                    assertThat(e.path()).isEqualTo("$");
                    assertThat(e.message())
                            .startsWith("not valid JSON: ")
                            .contains("(line 1, column ")
                            .doesNotContain("Exception")
                            .doesNotContain("\tat ");
                });
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThat(errors("{\"years\": [], \"years\": []}"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("not valid JSON: Duplicate field 'years'"));
    }

    @Test
    void rejectsUnknownField() {
        assertThat(errors(withComponent(EELGRASS.replace("\"areaHa\"", "\"areaHA\""))))
                .containsExactly(
                        error(
                                "$.years[0].components[0].areaHA",
                                "unknown field; expected one of id, method, ecosystem, "
                                        + "areaHa, coefficient, coefficientBasis, areaCertainty, coefficientCertainty, uncertainty, "
                                        + "certainty"),
                        error("$.years[0].components[0].areaHa", "required: a number of zero or more"));
    }

    @Test
    void pointsAreaMethodToItsTwoCertainties() {
        assertThat(errors(withComponent(EELGRASS.replace("\"areaCertainty\"", "\"certainty\""))))
                .containsExactly(error(
                        "$.years[0].components[0].certainty",
                        "the area method has two certainty factors: use areaCertainty and coefficientCertainty"));
    }

    @Test
    void rejectsDuplicateComponentIds() {
        assertThat(errors(withComponent(EELGRASS + "," + EELGRASS)))
                .containsExactly(error(
                        "$.years[0].components[1].id", "duplicate id \"eelgrass\"; ids must be unique within a year"));
    }

    @Test
    void rejectsVesselWithBothMeasuredAndEstimatedFuel() {
        assertThat(errors(withVessel(VESSEL.replace("\"count\": 1", "\"count\": 1, \"fuelLitres\": \"100\""))))
                .containsExactly(error(
                        "$.years[0].vessels[0]",
                        "give either fuelLitres (measured) or count, hours, "
                                + "ratedKw and fuelLitresPerKwh (estimated), not both"));
    }

    @Test
    void rejectsFractionalVesselCount() {
        assertThat(errors(withVessel(VESSEL.replace("\"count\": 1", "\"count\": 1.5"))))
                .containsExactly(error("$.years[0].vessels[0].count", "must be a whole number of vessels; got 1.5"));
    }

    @Test
    void rejectsVesselWithoutFuelFigures() {
        assertThat(errors(withVessel("{\"fuel\": \"diesel\", \"count\": 2}")))
                .containsExactly(
                        error("$.years[0].vessels[0].hours", "required: a number of zero or more"),
                        error("$.years[0].vessels[0].ratedKw", "required: a number of zero or more"),
                        error("$.years[0].vessels[0].fuelLitresPerKwh", "required: a number of zero or more"));
    }

    @Test
    void rejectsNumberBeyondTheMagnitudeLimit() {
        assertThat(errors(withComponent(EELGRASS.replace("\"7.8\"", "1e400"))))
                .containsExactly(error(
                        "$.years[0].components[0].areaHa", "is too large: at most 10^15 is accepted; got 1E+400"));
    }

    @Test
    void rejectsMoreYearsThanTheLimit() {
        StringBuilder years = new StringBuilder();
        for (int y = 0; y < SheetValidator.MAX_YEARS + 1; y++) {
            years.append(y == 0 ? "" : ",").append(year((2010 + y) + "-04-01", EELGRASS, ""));
        }
        assertThat(errors(sheet("jbe-2.3", years.toString())))
                .containsExactly(error("$.years", "at most 10 crediting years per sheet; got 11"));
    }

    @Test
    void reportsEveryBadFieldAtOnceAndNoResult() {
        String component =
                WAKAME.replace("\"22.786\"", "\"abc\"").replace("\"certainty\": \"1.00\"", "\"certainty\": \"2\"");
        Verdict<CalculationResult> outcome = CreditCalculator.standard()
                .calculate(withComponent(EELGRASS.replace("\"7.8\"", "\"-1\"") + "," + component));

        assertThat(outcome).isInstanceOf(Verdict.Rejected.class);
        assertThat(outcome.errors())
                .extracting(FieldError::path)
                .containsExactlyInAnyOrder(
                        "$.years[0].components[0].areaHa",
                        "$.years[0].components[1].biomassTww",
                        "$.years[0].components[1].certainty");
    }

    @Test
    void validatesSheetsBuiltFromJavaObjects() {
        CalculationSheet sheet = Sheets.sheet("jbe-2.3", AreaComponent.of("a", "kelp", null, Sheets.d("1.5"), null));

        assertThat(EnglishError.all(CreditCalculator.standard().validate(sheet)))
                .containsExactly(
                        error("$.years[0].components[0].areaHa", "required: a number of zero or more"),
                        error(
                                "$.years[0].components[0].areaCertainty",
                                "must be greater than 0 and at most 1 (e.g. 0.90), "
                                        + "or left empty until the review committee scores it; got 1.5"));
    }
}
