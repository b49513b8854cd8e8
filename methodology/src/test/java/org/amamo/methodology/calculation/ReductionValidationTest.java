package org.amamo.methodology.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amamo.methodology.EnglishError;
import org.amamo.methodology.Verdict;
import org.junit.jupiter.api.Test;

/** The rules of methodology.md section 5 applied to reduction sheets (section 7), with exact paths and messages. */
class ReductionValidationTest {

    private static final String TUG = """
            {"id": "tug", "method": "reduction-fuel-switch", "baselineFuel": "diesel", "baselineFuelLitres": "100000",
             "projectFuel": "diesel", "projectFuelLitres": "60000", "certainty": "1.00"}""";
    private static final String LNG_TUG = """
            {"id": "lng-tug", "method": "reduction-fuel-switch", "baselineFuel": "diesel",
             "baselineFuelLitres": "50000", "projectFuel": "lng", "projectFuelTonnes": "30.5", "certainty": "0.90"}""";
    private static final String HEAT_PUMP = """
            {"id": "heat-pump", "method": "reduction-electricity", "baselineFuel": "heavy-oil-a",
             "baselineFuelLitres": "20000", "projectElectricityKwh": "60000", "gridFactorTCo2PerKwh": "0.000441",
             "gridFactorSource": "TEPCO EP FY2022 adjusted emission factor", "certainty": "0.95"}""";
    private static final String WAKAME = """
            {"id": "local-wakame", "method": "reduction-transport", "avoidedTonneKm": "12000",
             "transportFactorTCo2PerTonneKm": "0.000216", "transportFactorSource": "MLIT truck factor"}""";
    private static final String EELGRASS = """
            {"id": "eelgrass", "method": "area", "ecosystem": "seagrass", "areaHa": "7.8"}""";
    private static final String PATH = "$.years[0].components[0]";

    private static String sheet(String typeAndVersion, String components, String yearExtra) {
        return "{" + typeAndVersion + ", \"applicationDate\": \"2024-06-01\", \"years\": [{\"start\": \"2023-04-01\", "
                + "\"components\": [" + components + "]" + yearExtra + "}]}";
    }

    private static String reduction(String components) {
        return sheet("\"type\": \"reduction\", \"methodologyVersion\": \"yokohama-2019-reduction\"", components, "");
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
    void acceptsEveryMethod() {
        assertThat(CreditCalculator.standard()
                        .calculate(reduction(String.join(",", TUG, LNG_TUG, HEAT_PUMP, WAKAME)))
                        .errors())
                .isEmpty();
    }

    @Test
    void readsAnOptionalAssetIdOnEveryReductionMethodAndRefusesOneTooLong() {
        String tug = TUG.replace("\"id\": \"tug\"", "\"id\": \"tug\", \"assetId\": \"JP-TUG-0042\"");
        String pump = HEAT_PUMP.replace("\"id\": \"heat-pump\"", "\"id\": \"heat-pump\", \"assetId\": \"HP-1\"");
        String wakame = WAKAME.replace("\"id\": \"local-wakame\"", "\"id\": \"local-wakame\", \"assetId\": \"W\"");

        assertThat(CreditCalculator.standard()
                        .calculate(reduction(String.join(",", tug, pump, wakame)))
                        .errors())
                .isEmpty();
        assertThat(errors(reduction(
                        TUG.replace("\"id\": \"tug\"", "\"id\": \"tug\", \"assetId\": \"" + "x".repeat(101) + "\""))))
                .containsExactly(error(PATH + ".assetId", "at most 100 characters; got 101"));
    }

    @Test
    void rejectsRemovalComponentOnReductionSheet() {
        assertThat(errors(reduction(TUG + "," + EELGRASS)))
                .containsExactly(
                        error(
                                "$.years[0].components[1].method",
                                "area is a removal method, but this is a reduction sheet; use one of reduction-fuel-switch, "
                                        + "reduction-electricity, reduction-transport, and put removals on a separate removal sheet"));
    }

    @Test
    void rejectsReductionComponentOnSheetWithoutType() {
        String json = sheet("\"methodologyVersion\": \"jbe-2.3\"", EELGRASS + "," + TUG, ", \"baselineT\": \"0\"");

        assertThat(errors(json))
                .containsExactly(
                        error(
                                "$.years[0].components[1].method",
                                "reduction-fuel-switch is a "
                                        + "reduction method, but this is a removal sheet; set \"type\": \"reduction\" at the top of the sheet "
                                        + "(a sheet is either removal or reduction: put removals and reductions on separate sheets)"));
    }

    @Test
    void rejectsUnknownType() {
        String json = sheet("\"type\": \"avoidance\", \"methodologyVersion\": \"yokohama-2019-reduction\"", TUG, "");

        assertThat(errors(json))
                .containsExactly(
                        error(
                                "$.type",
                                "unknown type \"avoidance\"; use removal (uptake by "
                                        + "ecosystems and farms) or reduction (emissions avoided: fuel switch, electricity, transport)"));
    }

    @Test
    void rejectsReductionSheetUnderRemovalVersion() {
        String json = sheet("\"type\": \"reduction\", \"methodologyVersion\": \"jbe-2.3\"", TUG, "");

        assertThat(errors(json))
                .containsExactly(error(
                        "$.methodologyVersion",
                        "methodology version jbe-2.3 has no "
                                + "reduction methods; a reduction sheet needs one of yokohama-2019-reduction"));
    }

    @Test
    void rejectsRemovalSheetUnderReductionVersion() {
        String json = sheet("\"methodologyVersion\": \"yokohama-2019-reduction\"", EELGRASS, "");

        assertThat(errors(json))
                .containsExactly(error(
                        "$.methodologyVersion",
                        "methodology version "
                                + "yokohama-2019-reduction has no removal methods; a removal sheet needs one of yokohama-2019, "
                                + "jbe-2.3, yokohama-2019-ranges, jbe-2.3-ranges"));
    }

    @Test
    void rejectsRemovalBaselineAndVesselsOnReductionSheet() {
        String json = sheet(
                "\"type\": \"reduction\", \"methodologyVersion\": \"yokohama-2019-reduction\"",
                TUG,
                ", \"baselineT\": \"0\", \"vessels\": [{\"fuel\": \"diesel\", \"fuelLitres\": \"100\"}]");

        assertThat(errors(json))
                .containsExactly(
                        error(
                                "$.years[0].baselineT",
                                "a reduction sheet has no removal baseline; enter what the baseline "
                                        + "would have emitted in each component (e.g. baselineFuelLitres) and remove baselineT"),
                        error(
                                "$.years[0].vessels",
                                "a reduction sheet does not subtract vessel emissions; a vessel's fuel is "
                                        + "the project emission of a reduction-fuel-switch component (projectFuel with "
                                        + "projectFuelLitres), so remove vessels"));
    }

    @Test
    void rejectsNegativeFuelQuantity() {
        assertThat(errors(reduction(TUG.replace("\"100000\"", "\"-100000\""))))
                .containsExactly(error(PATH + ".baselineFuelLitres", "must not be negative; got -100000"));
    }

    @Test
    void rejectsUnknownFuelListingLng() {
        assertThat(errors(reduction(TUG.replace("\"projectFuel\": \"diesel\"", "\"projectFuel\": \"kerosene\""))))
                .containsExactly(error(
                        PATH + ".projectFuel",
                        "unknown fuel \"kerosene\"; use one of gasoline, diesel, heavy-oil-a, lng"));
    }

    @Test
    void rejectsLngInLitres() {
        assertThat(errors(reduction(LNG_TUG.replace("projectFuelTonnes", "projectFuelLitres"))))
                .containsExactly(error(
                        PATH + ".projectFuelLitres", "lng is measured in tonnes: enter projectFuelTonnes instead"));
    }

    @Test
    void rejectsDieselInTonnes() {
        assertThat(errors(reduction(TUG.replace("baselineFuelLitres", "baselineFuelTonnes"))))
                .containsExactly(error(
                        PATH + ".baselineFuelTonnes",
                        "diesel is measured in litres: enter baselineFuelLitres instead"));
    }

    @Test
    void requiresFuelAndQuantity() {
        String tug = "{\"id\": \"tug\", \"method\": \"reduction-fuel-switch\", \"baselineFuelLitres\": \"1000\", "
                + "\"projectFuel\": \"lng\"}";

        assertThat(errors(reduction(tug)))
                .containsExactly(
                        error(
                                PATH + ".baselineFuel",
                                "required: the fuel the baseline vessel would have burnt for the same "
                                        + "work, one of gasoline, diesel, heavy-oil-a, lng"),
                        error(PATH + ".projectFuelTonnes", "required: the tonnes of lng the project vessel burnt"));
    }

    @Test
    void requiresGridFactorSource() {
        assertThat(errors(reduction(HEAT_PUMP.replace("\"TEPCO EP FY2022 adjusted emission factor\"", "\" \""))))
                .containsExactly(error(
                        PATH + ".gridFactorSource",
                        "required: where the factor comes from, e.g. the "
                                + "utility's published emission factor for the crediting year"));
    }

    @Test
    void rejectsGridFactorInKilogramsPerKwh() {
        assertThat(errors(reduction(HEAT_PUMP.replace("\"0.000441\"", "\"0.441\""))))
                .containsExactly(error(
                        PATH + ".gridFactorTCo2PerKwh",
                        "is above 0.01 t-CO2/kWh, more than any real "
                                + "factor; enter t-CO2/kWh, not kg-CO2/kWh (0.441 kg-CO2/kWh is 0.000441 t-CO2/kWh); "
                                + "got 0.441"));
    }

    @Test
    void acceptsGridFactorAtTheLimitAndRefusesJustAbove() {
        assertThat(CreditCalculator.standard()
                        .calculate(reduction(HEAT_PUMP.replace("\"0.000441\"", "\"0.01\"")))
                        .errors())
                .isEmpty();
        assertThat(errors(reduction(HEAT_PUMP.replace("\"0.000441\"", "\"0.0100001\""))))
                .extracting(EnglishError::path)
                .containsExactly(PATH + ".gridFactorTCo2PerKwh");
    }

    @Test
    void requiresOneBaselineForElectricity() {
        String both = HEAT_PUMP.replace(
                "\"projectElectricityKwh\"", "\"baselineElectricityKwh\": \"1\", " + "\"projectElectricityKwh\"");
        String neither = HEAT_PUMP
                .replace("\"baselineFuel\": \"heavy-oil-a\",", "")
                .replace("\"baselineFuelLitres\": \"20000\",", "");

        assertThat(errors(reduction(both)))
                .containsExactly(
                        error(
                                PATH + ".baselineFuel",
                                "give the baseline either as baselineElectricityKwh or as baselineFuel with its quantity, not both"));
        assertThat(errors(reduction(neither)))
                .containsExactly(error(
                        PATH + ".baselineElectricityKwh",
                        "required: the energy the baseline would have used, as baselineElectricityKwh, or as baselineFuel "
                                + "with baselineFuelLitres (baselineFuelTonnes for lng)"));
    }

    @Test
    void transportNeedsItsFactorAndSource() {
        String wakame = "{\"id\": \"w\", \"method\": \"reduction-transport\", \"avoidedTonneKm\": -5, "
                + "\"transportFactorTCo2PerTonneKm\": \"0.2\"}";

        assertThat(errors(reduction(wakame)))
                .containsExactly(
                        error(PATH + ".avoidedTonneKm", "must not be negative; got -5"),
                        error(
                                PATH + ".transportFactorTCo2PerTonneKm",
                                "is above 0.01 t-CO2 per t-km, more than any real "
                                        + "factor; enter t-CO2 per t-km, not kg-CO2 per t-km (0.2 kg is 0.0002 t); got 0.2"),
                        error(
                                PATH + ".transportFactorSource",
                                "required: where the factor comes from, e.g. the published "
                                        + "factor for the mode of transport avoided"));
    }

    @Test
    void certaintyFollowsTheSameRulesAsForRemovals() {
        assertThat(errors(reduction(TUG.replace("\"1.00\"", "0"))))
                .containsExactly(error(
                        PATH + ".certainty",
                        "must be greater than 0 and at most 1 (e.g. 0.90), or left empty until the review committee scores "
                                + "it; got 0"));
        assertThat(errors(reduction(TUG.replace("\"1.00\"", "\"0.955\""))))
                .containsExactly(
                        error(PATH + ".certainty", "has more than 2 decimals; enter at most 2, e.g. 0.96; got 0.955"));
    }

    @Test
    void rejectsUnknownFieldSuchAsAMisspelledUnit() {
        assertThat(errors(reduction(HEAT_PUMP.replace("gridFactorTCo2PerKwh", "gridFactorKgCo2PerKwh"))))
                .extracting(EnglishError::path)
                .containsExactly(PATH + ".gridFactorKgCo2PerKwh", PATH + ".gridFactorTCo2PerKwh");
    }

    @Test
    void unknownMethodListsTheMethodsOfTheSheetsType() {
        assertThat(errors(reduction("{\"id\": \"x\", \"method\": \"reduction-fuel\"}")))
                .containsExactly(error(
                        PATH + ".method",
                        "unknown method \"reduction-fuel\"; use one of "
                                + "reduction-fuel-switch, reduction-electricity, reduction-transport"));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        String tug = TUG.replace("\"diesel\"", "\"petrol\"")
                .replace("\"60000\"", "\"lots\"")
                .replace("\"1.00\"", "\"1.5\"");

        assertThat(errors(reduction(tug + "," + WAKAME.replace("\"MLIT truck factor\"", "null"))))
                .extracting(EnglishError::path)
                .containsExactly(
                        PATH + ".projectFuelLitres",
                        PATH + ".baselineFuel",
                        PATH + ".projectFuel",
                        PATH + ".certainty",
                        "$.years[0].components[1].transportFactorSource");
    }
}
