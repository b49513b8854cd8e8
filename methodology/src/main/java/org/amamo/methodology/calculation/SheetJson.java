package org.amamo.methodology.calculation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.table.MethodologyTables;

/**
 * Reads calculation sheets from JSON and writes results as JSON, in the contract of methodology.md
 * section 6. Numbers may be JSON numbers or strings and are read exactly. Figures are written as strings:
 * {@code creditT} with exactly one decimal, every other figure at working precision with trailing zeros
 * removed ({@code stripTrailingZeros().toPlainString()}), so 7.8 x 1.58 x 0.90 x 1.00 prints as "11.0916".
 */
public final class SheetJson {

    /** Sheets larger than this many characters are refused before parsing. */
    public static final int MAX_SHEET_CHARACTERS = 5_000_000;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final SheetValidator validator;

    SheetJson(SheetValidator validator) {
        this.validator = validator;
    }

    /**
     * Reads a sheet. Refuses it when the JSON is malformed or a field cannot be read (a number that is not
     * a number, an unknown field or method); the refusal then also lists the other rule violations, so
     * that every field is reported at once. A sheet that was read is not yet validated: pass it to
     * {@link CreditCalculator#validate} or {@link CreditCalculator#calculate}.
     *
     * @param json the sheet's JSON text
     * @return the sheet, or the errors
     */
    public static Verdict<CalculationSheet> read(String json) {
        return new SheetJson(new SheetValidator(MethodologyTables.standard())).parse(json);
    }

    Verdict<CalculationSheet> parse(String json) {
        if (json.length() > MAX_SHEET_CHARACTERS) {
            return Verdict.rejected("$", "sheet.too-large", Integer.toString(MAX_SHEET_CHARACTERS));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return invalidJson(e);
        }
        if (root == null || root.isMissingNode()) {
            return Verdict.rejected("$", "sheet.empty");
        }
        ErrorList readErrors = new ErrorList();
        CalculationSheet sheet = new SheetReader(new JsonFields(readErrors)).sheet(root);
        if (readErrors.isEmpty()) {
            return Verdict.accepted(sheet);
        }
        List<FieldError> errors =
                sheet == null ? readErrors.toList() : ErrorList.merge(readErrors.toList(), validator.validate(sheet));
        return Verdict.rejected(errors);
    }

    /**
     * Refuses malformed JSON with the parser's own (English) description and, when known, where it is.
     *
     * @param e   the parser's exception
     * @param <T> the value type
     * @return a rejection of the whole input ({@code $})
     */
    static <T> Verdict<T> invalidJson(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return Verdict.rejected(
                    "$",
                    "json.invalid.at",
                    message,
                    Integer.toString(location.getLineNr()),
                    Integer.toString(location.getColumnNr()));
        }
        return Verdict.rejected("$", "json.invalid", message);
    }

    /**
     * Writes a result as the JSON of methodology.md section 6.
     *
     * @param result a calculated result
     * @return pretty-printed JSON, ending with a newline
     */
    public static String write(CalculationResult result) {
        return pretty(toJson(result));
    }

    /**
     * The result as a JSON tree, for callers that add sections (such as the uncertainty band).
     *
     * @param result a calculated result
     * @return a mutable JSON object
     */
    public static ObjectNode toJson(CalculationResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("methodologyVersion", result.methodologyVersion());
        root.put("type", result.type().jsonName());
        root.put("provisional", result.provisional());
        ArrayNode years = root.putArray("years");
        result.years().forEach(year -> years.add(year(year)));
        root.put("netT", figure(result.netTonnesCo2()));
        root.put("creditT", result.creditTonnesCo2().toPlainString());
        root.put("creditUnits", result.creditUnits());
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warning -> warnings.add(warning.line()));
        return root;
    }

    private static ObjectNode year(YearResult year) {
        if (year instanceof ReductionYearResult reduction) {
            return reductionYear(reduction);
        }
        return removalYear((RemovalYearResult) year);
    }

    private static ObjectNode reductionYear(ReductionYearResult year) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("start", year.start().toString());
        node.put("end", year.end().toString());
        ArrayNode components = node.putArray("components");
        for (ReductionResult component : year.components()) {
            components
                    .addObject()
                    .put("id", component.id())
                    .put("baselineEmissionsT", figure(component.baselineEmissionsTonnesCo2()))
                    .put("projectEmissionsT", figure(component.projectEmissionsTonnesCo2()))
                    .put("reductionT", figure(component.reductionTonnesCo2()));
        }
        node.put("baselineEmissionsT", figure(year.baselineEmissionsTonnesCo2()));
        node.put("projectEmissionsT", figure(year.projectEmissionsTonnesCo2()));
        node.put("reductionT", figure(year.reductionTonnesCo2()));
        node.put("netT", figure(year.netTonnesCo2()));
        return node;
    }

    private static ObjectNode removalYear(RemovalYearResult year) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("start", year.start().toString());
        node.put("end", year.end().toString());
        ArrayNode components = node.putArray("components");
        for (ComponentResult component : year.components()) {
            components.addObject().put("id", component.id()).put("uptakeT", figure(component.uptakeTonnesCo2()));
        }
        node.put("grossT", figure(year.grossTonnesCo2()));
        node.put("baselineT", figure(year.baselineTonnesCo2()));
        node.put("vesselEmissionsT", figure(year.vesselEmissionsTonnesCo2()));
        node.put("netT", figure(year.netTonnesCo2()));
        return node;
    }

    /**
     * A figure at working precision, without trailing zeros and never in exponent notation.
     *
     * @param value the figure
     * @return its plain decimal text, e.g. "11.0916" or "0"
     */
    public static String figure(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Pretty-prints a JSON tree with two-space indentation and a final newline.
     *
     * @param node the tree
     * @return the text
     */
    public static String pretty(JsonNode node) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
