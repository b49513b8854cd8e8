package org.amamo.application.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amamo.methodology.table.MethodologyTables;

/**
 * The certified calculation sheet as the public reads it: for each crediting year, each component with every figure
 * that went in (area, coefficient, farm or rope inputs, reduction quantities and factors with their sources, the
 * committee's certainty) beside the uptake or reduction that came out, then the year's gross, baseline, vessel
 * emissions and net, and the credit. Built from the two documents frozen at certification: the methodology
 * sheet (the input contract of methodology.md, with the committee's certainty applied) and its result.
 *
 * @param type   {@code removal} or {@code reduction}
 * @param netT   the net over all years, before rounding
 * @param creditT the certified credit in t-CO2, rounded down to 0.1 t
 */
record CertifiedSheetView(
        String methodologyVersion, String type, List<Year> years, String netT, String creditT, List<String> warnings) {

    /**
     * One crediting year of the sheet, with its totals as the result names them (removals: gross, baseline, vessel
     * emissions, net; reductions: baseline emissions, project emissions, reduction, net).
     */
    record Year(
            String start,
            String end,
            List<Component> components,
            List<Map<String, String>> vessels,
            Map<String, String> totals) {}

    /**
     * One component: its inputs in the order the sheet gives them (field name to value; nested values flattened as
     * {@code name.field} or {@code name[0]}), and what the methodology computed for it (uptake; or baseline and
     * project emissions and the reduction).
     */
    record Component(String id, String method, Map<String, String> inputs, Map<String, String> results) {}

    /** Reads the frozen documents; a sheet stored before inputs were frozen shows the result figures only. */
    static CertifiedSheetView of(ObjectMapper json, String inputJson, String resultJson) {
        JsonNode result = read(json, resultJson);
        JsonNode input = inputJson == null ? json.createObjectNode() : read(json, inputJson);
        List<Year> years = new ArrayList<>();
        JsonNode resultYears = result.path("years");
        for (int y = 0; y < resultYears.size(); y++) {
            JsonNode resultYear = resultYears.get(y);
            JsonNode inputYear = input.path("years").path(y);
            List<Component> components = new ArrayList<>();
            for (JsonNode component : resultYear.path("components")) {
                String id = component.path("id").asText();
                JsonNode inputs = componentInputs(inputYear, id);
                Map<String, String> figures = new LinkedHashMap<>();
                flatten("", inputs, figures);
                figures.remove("id");
                String method = figures.remove("method");
                tableCoefficient(result.path("methodologyVersion").asText(), method, figures);
                Map<String, String> results = new LinkedHashMap<>();
                flatten("", component, results);
                results.remove("id");
                components.add(new Component(id, method, figures, results));
            }
            List<Map<String, String>> vessels = new ArrayList<>();
            for (JsonNode vessel : inputYear.path("vessels")) {
                Map<String, String> figures = new LinkedHashMap<>();
                flatten("", vessel, figures);
                vessels.add(figures);
            }
            Map<String, String> totals = new LinkedHashMap<>();
            resultYear.properties().forEach(field -> {
                if (field.getValue().isValueNode()
                        && !field.getKey().equals("start")
                        && !field.getKey().equals("end")) {
                    totals.put(field.getKey(), field.getValue().asText());
                }
            });
            years.add(new Year(
                    resultYear.path("start").asText(), resultYear.path("end").asText(), components, vessels, totals));
        }
        List<String> warnings = new ArrayList<>();
        result.path("warnings").forEach(warning -> warnings.add(warning.asText()));
        return new CertifiedSheetView(
                result.path("methodologyVersion").asText(),
                result.path("type").asText("removal"),
                years,
                text(result, "netT"),
                text(result, "creditT"),
                warnings);
    }

    /**
     * An area component that gives no coefficient of its own uses the methodology version's default for its
     * ecosystem: the sheet shows that figure and its source, since it went into the uptake.
     */
    private static void tableCoefficient(String version, String method, Map<String, String> figures) {
        if (method != null && !method.equals("area")
                || figures.containsKey("coefficient")
                || !figures.containsKey("ecosystem")) {
            return;
        }
        MethodologyTables.standard()
                .find(version)
                .flatMap(table -> table.coefficient(figures.get("ecosystem")))
                .ifPresent(coefficient -> {
                    figures.put(
                            "coefficient",
                            coefficient.tonnesCo2PerHectarePerYear().toPlainString());
                    figures.put("coefficientSource", coefficient.source());
                });
    }

    private static JsonNode componentInputs(JsonNode inputYear, String id) {
        for (JsonNode component : inputYear.path("components")) {
            if (id.equals(component.path("id").asText())) {
                return component;
            }
        }
        return inputYear.path("components").path(-1);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            into.put(prefix, node.asText());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static JsonNode read(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frozen calculation document is not readable: " + e.getMessage(), e);
        }
    }
}
