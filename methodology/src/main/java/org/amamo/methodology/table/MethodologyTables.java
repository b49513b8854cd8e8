package org.amamo.methodology.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.amamo.methodology.CreditType;

/**
 * The published methodology versions, read once from the immutable JSON resources under
 * {@code org/amamo/methodology/table/}. Published versions are never edited; a test pins each file's
 * SHA-256 digest.
 */
public final class MethodologyTables {

    /** Version keys of every published table, oldest first. */
    public static final List<String> VERSIONS =
            List.of("yokohama-2019", "jbe-2.3", "yokohama-2019-reduction", "yokohama-2019-ranges", "jbe-2.3-ranges");

    private static final MethodologyTables STANDARD = load();

    private final List<MethodologyTable> tables;

    private MethodologyTables(List<MethodologyTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * The published tables shipped with this library.
     *
     * @return the standard tables
     */
    public static MethodologyTables standard() {
        return STANDARD;
    }

    /**
     * Finds a version.
     *
     * @param version version key, e.g. {@code jbe-2.3}
     * @return the table, or empty when no such version is published
     */
    public Optional<MethodologyTable> find(String version) {
        return tables.stream().filter(t -> t.version().equals(version)).findFirst();
    }

    /**
     * Every published table, oldest first.
     *
     * @return the tables
     */
    public List<MethodologyTable> all() {
        return tables;
    }

    /**
     * The versions that sheets of a type may use, oldest first.
     *
     * @param type removal or reduction
     * @return the tables publishing methods for that type
     */
    public List<MethodologyTable> supporting(CreditType type) {
        return tables.stream().filter(t -> t.supports(type)).toList();
    }

    private static MethodologyTables load() {
        ObjectMapper mapper = new ObjectMapper();
        List<MethodologyTable> tables = new ArrayList<>();
        for (String version : VERSIONS) {
            tables.add(read(mapper, version));
        }
        return new MethodologyTables(tables);
    }

    private static MethodologyTable read(ObjectMapper mapper, String version) {
        String resource = version + ".json";
        try (InputStream in = MethodologyTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("methodology table resource missing: " + resource);
            }
            MethodologyTable table = toTable(mapper.readTree(in));
            if (!table.version().equals(version)) {
                throw new IllegalStateException(resource + " declares version " + table.version());
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read methodology table " + resource, e);
        }
    }

    private static MethodologyTable toTable(JsonNode node) {
        List<Coefficient> coefficients = new ArrayList<>();
        for (JsonNode c : node.required("coefficients")) {
            coefficients.add(new Coefficient(
                    text(c, "ecosystem"),
                    text(c, "nameJa"),
                    new BigDecimal(text(c, "tonnesCo2PerHectarePerYear")),
                    text(c, "source"),
                    range(c.get("range"))));
        }
        List<EmissionFactor> factors = new ArrayList<>();
        for (JsonNode f : node.required("emissionFactors")) {
            factors.add(emissionFactor(f));
        }
        return new MethodologyTable(
                text(node, "version"),
                text(node, "title"),
                text(node, "source"),
                creditTypes(node),
                node.required("ownCoefficientAllowed").booleanValue(),
                coefficients,
                factors);
    }

    /** Tables published before reductions existed carry no {@code creditTypes}: they are removal tables. */
    private static Set<CreditType> creditTypes(JsonNode node) {
        JsonNode types = node.get("creditTypes");
        if (types == null) {
            return Set.of(CreditType.REMOVAL);
        }
        Set<CreditType> set = EnumSet.noneOf(CreditType.class);
        for (JsonNode type : types) {
            set.add(CreditType.byJsonName(type.textValue())
                    .orElseThrow(() -> new IllegalStateException("unknown credit type in table: " + type)));
        }
        return set;
    }

    /** Tables published before ranges carry none; a range without {@code low} and {@code high} says why there is none. */
    private static CoefficientRange range(JsonNode node) {
        if (node == null) {
            return null;
        }
        BigDecimal low = node.has("low") ? new BigDecimal(text(node, "low")) : null;
        BigDecimal high = node.has("high") ? new BigDecimal(text(node, "high")) : null;
        return new CoefficientRange(low, high, text(node, "source"));
    }

    /** A factor is published per kilolitre ({@code tonnesCo2PerKilolitre}) or per tonne ({@code tonnesCo2PerTonne}). */
    private static EmissionFactor emissionFactor(JsonNode f) {
        boolean perTonne = f.has("tonnesCo2PerTonne");
        FuelUnit unit = perTonne ? FuelUnit.TONNE : FuelUnit.KILOLITRE;
        String factor = text(f, perTonne ? "tonnesCo2PerTonne" : "tonnesCo2PerKilolitre");
        return new EmissionFactor(text(f, "fuel"), text(f, "nameJa"), unit, new BigDecimal(factor), text(f, "source"));
    }

    private static String text(JsonNode node, String field) {
        return node.required(field).textValue();
    }
}
