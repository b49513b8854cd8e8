package org.amamo.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.geometry.GeoJsonSites;
import org.amamo.methodology.geometry.SurveyTrackImport;
import org.junit.jupiter.api.Test;

/** Errors and warnings render in English by default and for English readers, and in Japanese for Japanese ones. */
class LocalizedMessagesTest {

    private static final String EELGRASS = """
            {"id": "eelgrass", "method": "area", "ecosystem": "seagrass", "areaHa": "7.8"}""";

    private static FieldError onlyError(Verdict<?> outcome) {
        assertThat(outcome.errors()).hasSize(1);
        return outcome.errors().get(0);
    }

    @Test
    void missingYearsInBothLanguages() {
        FieldError error = onlyError(CreditCalculator.standard()
                .calculate(
                        "{\"methodologyVersion\": \"jbe-2.3\", \"applicationDate\": \"2024-06-01\", \"years\": []}"));

        assertThat(error.key()).isEqualTo("sheet.years.required");
        assertThat(error.message()).isEqualTo("at least one crediting year is required");
        assertThat(error.message(Locale.ENGLISH)).isEqualTo("at least one crediting year is required");
        assertThat(error.message(Locale.JAPANESE)).isEqualTo("対象期間を1年以上入力してください");
        assertThat(error.message(Locale.JAPAN)).isEqualTo("対象期間を1年以上入力してください");
        assertThat(error.line()).isEqualTo("$.years: at least one crediting year is required");
    }

    @Test
    void numbersKeepTheirDigitsWithoutGroupingInEitherLanguage() {
        FieldError error = onlyError(CreditCalculator.standard()
                .calculate(
                        "{\"methodologyVersion\": \"jbe-2.3\", \"applicationDate\": \"2024-06-01\", \"years\": [{\"start\": "
                                + "\"2023-04-01\", \"baselineT\": \"-12345.60\", \"components\": [" + EELGRASS
                                + "]}]}"));

        assertThat(error.path()).isEqualTo("$.years[0].baselineT");
        assertThat(error.message()).isEqualTo("must not be negative; got -12345.60");
        assertThat(error.message(Locale.JAPANESE)).isEqualTo("負の値は入力できません（入力値: -12345.60）");
    }

    @Test
    void unclosedSurveyTrackNamesTheTrackInTheReadersLanguage() {
        String gpx = "<gpx><trk><trkseg><trkpt lat='35.4' lon='139.6'/><trkpt lat='35.4' lon='139.61'/>"
                + "<trkpt lat='35.41' lon='139.61'/><trkpt lat='35.41' lon='139.6'/></trkseg></trk></gpx>";

        FieldError error = onlyError(SurveyTrackImport.fromGpx(gpx));

        assertThat(error.key()).isEqualTo("geometry.located");
        assertThat(error.message())
                .isEqualTo("track 0, segment 0: the track is not closed: its first and last "
                        + "points are 1109.5 m apart; a survey track must return to its start (within 50 m)");
        assertThat(error.message(Locale.JAPANESE))
                .isEqualTo("トラック0のセグメント0: トラックが閉じていません。" + "最初の点と最後の点が 1109.5 m 離れています。調査トラックは出発点（50 m 以内）まで戻る必要があります");
        assertThat(error.located().text()).isEqualTo(error.line());
        assertThat(error.located().text(Locale.JAPANESE)).startsWith("/gpx/trk[0]/trkseg[0]: トラック0のセグメント0: ");
    }

    @Test
    void unclosedRingOfAFeature() {
        String square = "[[139.6, 35.4], [139.61, 35.4], [139.61, 35.41], [139.6, 35.41], [139.6, 35.4]]";
        String open = "[[139.5, 35.4], [139.51, 35.4], [139.51, 35.41], [139.5, 35.41]]";
        String json = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": "
                + "{\"type\": \"Polygon\", \"coordinates\": [" + square + "]}}, {\"type\": \"Feature\", \"geometry\": "
                + "{\"type\": \"Polygon\", \"coordinates\": [" + open + "]}}]}";

        FieldError error = onlyError(GeoJsonSites.parse(json));

        assertThat(error.path()).isEqualTo("$.features[1].geometry.coordinates[0]");
        assertThat(error.message())
                .isEqualTo("feature 1, polygon 0, ring 0: ring is not closed: first point "
                        + "(139.5, 35.4) differs from last (139.5, 35.41)");
        assertThat(error.message(Locale.JAPANESE))
                .isEqualTo("フィーチャー1のポリゴン0のリング0: リングが閉じていません。" + "最初の点 (139.5, 35.4) と最後の点 (139.5, 35.41) が一致していません");
    }

    @Test
    void apostropheOfAFormattedPatternShowsOnce() {
        FieldError error = onlyError(GeoJsonSites.parse(
                "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [139.6, 35.4]}}"));

        assertThat(error.message()).isEqualTo("a site's geometry must be a Polygon or MultiPolygon; got Point");
        assertThat(error.message(Locale.JAPANESE))
                .isEqualTo("サイトの形状（geometry）は Polygon か MultiPolygon で入力してください（入力: Point）");
    }

    @Test
    void nestedPhraseOfAReductionFuel() {
        String tug = """
                {"id": "tug", "method": "reduction-fuel-switch", "baselineFuel": "diesel",
                 "baselineFuelLitres": "1000", "projectFuel": "diesel"}""";
        FieldError error = onlyError(CreditCalculator.standard()
                .calculate("{\"type\": \"reduction\", "
                        + "\"methodologyVersion\": \"yokohama-2019-reduction\", \"applicationDate\": \"2024-06-01\", "
                        + "\"years\": [{\"start\": \"2023-04-01\", \"components\": [" + tug + "]}]}"));

        assertThat(error.path()).isEqualTo("$.years[0].components[0].projectFuelLitres");
        assertThat(error.message()).isEqualTo("required: the litres of diesel the project vessel burnt");
        assertThat(error.message(Locale.JAPANESE)).isEqualTo("必須です: プロジェクトの船舶が使ったdieselの量（リットル）を入力してください");
    }

    @Test
    void warningsRenderInBothLanguages() {
        CalculationResult result = CreditCalculator.standard()
                .calculate(
                        "{\"methodologyVersion\": \"jbe-2.3\", \"applicationDate\": \"2024-06-01\", \"years\": [{\"start\": "
                                + "\"2023-04-01\", \"components\": [" + EELGRASS + "]}]}")
                .orElseThrow();

        assertThat(result.warnings())
                .extracting(Warning::key)
                .containsExactly(
                        "warning.certainty.unscored", "warning.certainty.unscored", "warning.baseline.assumed-zero");
        Warning baseline = result.warnings().get(2);
        assertThat(baseline.line()).isEqualTo("$.years[0].baselineT: not given; a baseline of 0 t-CO2 was assumed");
        assertThat(baseline.message(Locale.JAPANESE)).isEqualTo("入力がないため、ベースラインを 0 t-CO2 としました");
    }

    /** The JVM's own locale does not leak into the English default (as ResourceBundle's fallback would). */
    @Test
    void englishDoesNotFallBackToTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            Message message = Message.of("sheet.years.required");
            assertThat(message.text()).isEqualTo("at least one crediting year is required");
            assertThat(message.text(Locale.ENGLISH)).isEqualTo("at least one crediting year is required");
            assertThat(message.text(Locale.FRENCH)).isEqualTo("at least one crediting year is required");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreTextOrMessagesNeverNumbers() {
        assertThatThrownBy(() -> FieldError.of("$", "number.negative", new BigDecimal("-1000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("String or a Message");
        assertThat(new FieldError("$", "number.negative", List.of("-1000")).message())
                .isEqualTo("must not be negative; got -1000");
    }
}
