package org.amamo.methodology.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.amamo.methodology.CreditType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published tables: their figures, their sources, and that they never change. */
class MethodologyTablesTest {

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "yokohama-2019, seagrass, 1.58", "yokohama-2019, mangrove, 5.94", "yokohama-2019, sargassum, 2.7",
        "yokohama-2019, kelp, 10.3", "yokohama-2019, eisenia, 4.2", "yokohama-2019, tidal-flat, 2.6",
        "jbe-2.3, seagrass, 1.58", "jbe-2.3, kelp, 10.3", "jbe-2.3, tidal-flat, 2.6"
    })
    void carriesTheCoefficientsOfSeed001Table2(String version, String ecosystem, String value) {
        Coefficient coefficient = MethodologyTables.standard()
                .find(version)
                .orElseThrow()
                .coefficient(ecosystem)
                .orElseThrow();

        assertThat(coefficient.tonnesCo2PerHectarePerYear()).isEqualTo(new BigDecimal(value));
        assertThat(coefficient.source()).contains("seed 001 table 2");
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "jbe-2.3, gasoline, 2.32",
        "jbe-2.3, diesel, 2.58",
        "jbe-2.3, heavy-oil-a, 2.71",
        "yokohama-2019, diesel, 2.58"
    })
    void carriesTheFuelEmissionFactors(String version, String fuel, String value) {
        EmissionFactor factor = MethodologyTables.standard()
                .find(version)
                .orElseThrow()
                .emissionFactor(fuel)
                .orElseThrow();

        assertThat(factor.tonnesCo2PerKilolitre()).isEqualTo(new BigDecimal(value));
        assertThat(factor.source()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} {1} = {3} t-CO2 per {2}")
    @CsvSource({
        "gasoline, 2.32, KILOLITRE",
        "diesel, 2.58, KILOLITRE",
        "heavy-oil-a, 2.71, KILOLITRE",
        "lng, 2.70, TONNE"
    })
    void reductionVersionCarriesFuelFactorsWithUnitsAndSources(String fuel, String value, FuelUnit unit) {
        EmissionFactor factor = MethodologyTables.standard()
                .find("yokohama-2019-reduction")
                .orElseThrow()
                .emissionFactor(fuel)
                .orElseThrow();

        assertThat(factor.unit()).isEqualTo(unit);
        assertThat(factor.tonnesCo2PerUnit()).isEqualTo(new BigDecimal(value));
        assertThat(factor.source()).contains("SHK");
    }

    @Test
    void lngHasNoFactorPerKilolitre() {
        EmissionFactor lng = MethodologyTables.standard()
                .find("yokohama-2019-reduction")
                .orElseThrow()
                .emissionFactor("lng")
                .orElseThrow();

        assertThatThrownBy(lng::tonnesCo2PerKilolitre)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("lng is measured in tonnes, not litres");
    }

    @Test
    void eachVersionPublishesMethodsOfOneType() {
        MethodologyTables tables = MethodologyTables.standard();

        assertThat(tables.supporting(CreditType.REMOVAL))
                .extracting(MethodologyTable::version)
                .containsExactly("yokohama-2019", "jbe-2.3", "yokohama-2019-ranges", "jbe-2.3-ranges");
        assertThat(tables.supporting(CreditType.REDUCTION))
                .extracting(MethodologyTable::version)
                .containsExactly("yokohama-2019-reduction");
        assertThat(tables.find("yokohama-2019-reduction").orElseThrow().coefficients())
                .isEmpty();
    }

    @Test
    void onlyJbeAcceptsAnOwnCoefficient() {
        assertThat(MethodologyTables.standard()
                        .find("yokohama-2019")
                        .orElseThrow()
                        .ownCoefficientAllowed())
                .isFalse();
        assertThat(MethodologyTables.standard().find("jbe-2.3").orElseThrow().ownCoefficientAllowed())
                .isTrue();
        assertThat(MethodologyTables.standard()
                        .find("yokohama-2019-ranges")
                        .orElseThrow()
                        .ownCoefficientAllowed())
                .isFalse();
        assertThat(MethodologyTables.standard()
                        .find("jbe-2.3-ranges")
                        .orElseThrow()
                        .ownCoefficientAllowed())
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"yokohama-2019-ranges, yokohama-2019", "jbe-2.3-ranges, jbe-2.3"})
    void aVersionWithRangesKeepsTheFiguresOfTheVersionItExtends(String withRanges, String original) {
        MethodologyTable table = MethodologyTables.standard().find(withRanges).orElseThrow();
        MethodologyTable before = MethodologyTables.standard().find(original).orElseThrow();

        assertThat(table.coefficients())
                .extracting(Coefficient::ecosystem, Coefficient::tonnesCo2PerHectarePerYear)
                .containsExactlyElementsOf(before.coefficients().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.ecosystem(), c.tonnesCo2PerHectarePerYear()))
                        .toList());
        assertThat(table.emissionFactors()).isEqualTo(before.emissionFactors());
        assertThat(before.coefficients()).allSatisfy(c -> assertThat(c.range()).isNull());
        assertThat(table.coefficients()).allSatisfy(c -> assertThat(c.range()).isNotNull());
    }

    @ParameterizedTest(name = "{0} {1}: {2} to {3}")
    @CsvSource({
        "jbe-2.3-ranges, seagrass, 0.73, 3.08, '0.43 t C/ha/yr, range 0.20 to 0.84'",
        "jbe-2.3-ranges, mangrove, 4.76, 7.34, '1.62 t C/ha/yr, range 1.3 to 2.0'",
        "yokohama-2019-ranges, seagrass, 0.73, 3.08, '0.43 t C/ha/yr, range 0.20 to 0.84'",
        "yokohama-2019-ranges, mangrove, 4.76, 7.34, '1.62 t C/ha/yr, range 1.3 to 2.0'"
    })
    void ipccCoefficientsCarryTheWetlandsSupplementRangeAsCo2(
            String version, String ecosystem, String low, String high, String cited) {
        CoefficientRange range = MethodologyTables.standard()
                .find(version)
                .orElseThrow()
                .coefficient(ecosystem)
                .orElseThrow()
                .range();

        assertThat(range.low()).isEqualTo(new BigDecimal(low));
        assertThat(range.high()).isEqualTo(new BigDecimal(high));
        assertThat(range.source()).contains("Wetlands", "table 4.12", cited, "44/12");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sargassum", "kelp", "eisenia", "tidal-flat"})
    void kuwaeCoefficientsSayThatNoRangeIsPublished(String ecosystem) {
        CoefficientRange range = MethodologyTables.standard()
                .find("jbe-2.3-ranges")
                .orElseThrow()
                .coefficient(ecosystem)
                .orElseThrow()
                .range();

        assertThat(range.published()).isFalse();
        assertThat(range.source()).contains("Kuwae et al. (2019)", "held fixed");
    }

    @Test
    void aRangeMustContainItsCoefficient() {
        assertThatThrownBy(() -> new Coefficient(
                        "seagrass",
                        "海草藻場",
                        new BigDecimal("1.58"),
                        "s",
                        new CoefficientRange(new BigDecimal("1.6"), new BigDecimal("3"), "r")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoefficientRange(new BigDecimal("1"), null, "r"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsNoOtherVersion() {
        assertThat(MethodologyTables.standard().find("jbe-2.4")).isEmpty();
        assertThat(MethodologyTables.standard().all())
                .extracting(MethodologyTable::version)
                .containsExactly(
                        "yokohama-2019",
                        "jbe-2.3",
                        "yokohama-2019-reduction",
                        "yokohama-2019-ranges",
                        "jbe-2.3-ranges");
    }

    /**
     * Published tables are immutable: a correction is a new version with a new file. If this test fails,
     * revert the edit and publish a new version instead.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "yokohama-2019, 8bbd865766a88fa0535014f9528c02a6ff8854780baa399be8e6bfdcceabf942",
        "jbe-2.3, 23e70b1c060a8d05576ec9352ad01e098b8f6485bd8ad98438710e0d7fc38fcf",
        "yokohama-2019-reduction, 6bda8708ce3502f8299e40c508a3dd00cd231470cb8f8190150385b845e97d52",
        "yokohama-2019-ranges, 7602a713f20ae2cdd9b90fb88a0a39067167c8d7266ad472dea0aad5b1577110",
        "jbe-2.3-ranges, ca684d0d371a3b0158ebbf15dd9570f12b7cb85d00fad6404a31d860369a3628"
    })
    void publishedTableFilesNeverChange(String version, String sha256) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = MethodologyTables.class.getResourceAsStream(version + ".json")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertThat(HexFormat.of().formatHex(digest)).isEqualTo(sha256);
        }
    }
}
