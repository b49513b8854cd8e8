package org.amamo.methodology.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a JSON tree into a (not yet validated) sheet; unreadable parts become {@code null}. */
final class SheetReader {

    private static final List<String> SHEET_FIELDS = List.of("methodologyVersion", "applicationDate", "years");
    private static final List<String> YEAR_FIELDS = List.of("start", "end", "components", "baselineT", "vessels");
    private static final List<String> VESSEL_FIELDS = List.of("kind", "fuel", "fuelLitres", "count", "hours",
            "ratedKw", "fuelLitresPerKwh");
    private static final List<String> AREA_FIELDS = List.of("id", "method", "ecosystem", "areaHa", "coefficient",
            "coefficientBasis", "areaCertainty", "coefficientCertainty", "uncertainty");
    private static final List<String> FARM_FIELDS = List.of("id", "method", "biomassTww", "pb", "waterContent",
            "carbonContent", "residualRate", "parameterSource", "certainty", "uncertainty");
    private static final List<String> ROPE_FIELDS = List.of("id", "method", "ropeLengthM", "yieldKgWwPerM", "pb",
            "waterContent", "carbonContent", "residualRate", "parameterSource", "certainty", "uncertainty");
    private static final List<String> METHODS = List.of(AreaComponent.METHOD, FarmBiomassComponent.METHOD,
            RopeLengthComponent.METHOD);

    private final JsonFields fields;

    SheetReader(JsonFields fields) {
        this.fields = fields;
    }

    CalculationSheet sheet(JsonNode root) {
        if (!fields.isObject(root, "$", "a calculation sheet with methodologyVersion, applicationDate and years")) {
            return null;
        }
        fields.allowOnly(root, "$", SHEET_FIELDS);
        List<CreditingYear> years = new ArrayList<>();
        JsonNode array = fields.array(root, "$", "years");
        if (array != null) {
            for (int y = 0; y < array.size(); y++) {
                years.add(year(array.get(y), "$.years[" + y + "]"));
            }
        }
        return new CalculationSheet(fields.text(root, "$", "methodologyVersion"),
                fields.date(root, "$", "applicationDate"), years);
    }

    private CreditingYear year(JsonNode node, String path) {
        if (!fields.isObject(node, path, "a crediting year with start, components, baselineT and vessels")) {
            return null;
        }
        fields.allowOnly(node, path, YEAR_FIELDS);
        List<Component> components = new ArrayList<>();
        JsonNode componentArray = fields.array(node, path, "components");
        if (componentArray != null) {
            for (int c = 0; c < componentArray.size(); c++) {
                components.add(component(componentArray.get(c), path + ".components[" + c + "]"));
            }
        }
        List<Vessel> vessels = new ArrayList<>();
        JsonNode vesselArray = fields.array(node, path, "vessels");
        if (vesselArray != null) {
            for (int v = 0; v < vesselArray.size(); v++) {
                vessels.add(vessel(vesselArray.get(v), path + ".vessels[" + v + "]"));
            }
        }
        return new CreditingYear(fields.date(node, path, "start"), fields.date(node, path, "end"), components,
                fields.number(node, path, "baselineT"), vessels);
    }

    private Vessel vessel(JsonNode node, String path) {
        if (!fields.isObject(node, path, "a vessel with fuel and either fuelLitres or count, hours, ratedKw and "
                + "fuelLitresPerKwh")) {
            return null;
        }
        fields.allowOnly(node, path, VESSEL_FIELDS);
        return new Vessel(fields.text(node, path, "kind"), fields.text(node, path, "fuel"),
                fields.number(node, path, "fuelLitres"), fields.number(node, path, "count"),
                fields.number(node, path, "hours"), fields.number(node, path, "ratedKw"),
                fields.number(node, path, "fuelLitresPerKwh"));
    }

    private Component component(JsonNode node, String path) {
        if (!fields.isObject(node, path, "a component with id and method")) {
            return null;
        }
        String method = fields.text(node, path, "method");
        if (method == null) {
            fields.errors().add(path + ".method", "required: one of " + String.join(", ", METHODS));
            return null;
        }
        return switch (method) {
            case AreaComponent.METHOD -> area(node, path);
            case FarmBiomassComponent.METHOD -> farm(node, path);
            case RopeLengthComponent.METHOD -> rope(node, path);
            default -> {
                fields.errors().add(path + ".method", "unknown method \"" + method + "\"; use one of "
                        + String.join(", ", METHODS));
                yield null;
            }
        };
    }

    private AreaComponent area(JsonNode node, String path) {
        if (node.has("certainty")) {
            fields.errors().add(path + ".certainty", "the area method has two certainty factors: use areaCertainty "
                    + "and coefficientCertainty");
        }
        fields.allowOnly(node, path, withCertainty(AREA_FIELDS));
        return new AreaComponent(fields.text(node, path, "id"), fields.text(node, path, "ecosystem"),
                fields.number(node, path, "areaHa"), fields.number(node, path, "coefficient"),
                fields.text(node, path, "coefficientBasis"), fields.number(node, path, "areaCertainty"),
                fields.number(node, path, "coefficientCertainty"), uncertainties(node, path));
    }

    private static List<String> withCertainty(List<String> allowed) {
        List<String> list = new ArrayList<>(allowed);
        list.add("certainty");
        return list;
    }

    private FarmBiomassComponent farm(JsonNode node, String path) {
        fields.allowOnly(node, path, FARM_FIELDS);
        return new FarmBiomassComponent(fields.text(node, path, "id"), fields.number(node, path, "biomassTww"),
                species(node, path), fields.number(node, path, "certainty"), uncertainties(node, path));
    }

    private RopeLengthComponent rope(JsonNode node, String path) {
        fields.allowOnly(node, path, ROPE_FIELDS);
        return new RopeLengthComponent(fields.text(node, path, "id"), fields.number(node, path, "ropeLengthM"),
                fields.number(node, path, "yieldKgWwPerM"), species(node, path),
                fields.number(node, path, "certainty"), uncertainties(node, path));
    }

    private SpeciesParameters species(JsonNode node, String path) {
        return new SpeciesParameters(fields.number(node, path, "pb"), fields.number(node, path, "waterContent"),
                fields.number(node, path, "carbonContent"), fields.number(node, path, "residualRate"),
                fields.text(node, path, "parameterSource"));
    }

    private Map<ComponentInput, InputDistribution> uncertainties(JsonNode component, String componentPath) {
        Map<ComponentInput, InputDistribution> map = new EnumMap<>(ComponentInput.class);
        JsonNode node = component.get("uncertainty");
        String path = componentPath + ".uncertainty";
        if (JsonFields.absent(node) || !fields.isObject(node, path, "inputs mapped to {min, max} or {sd}")) {
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String inputPath = path + "." + entry.getKey();
            Optional<ComponentInput> input = ComponentInput.byJsonName(entry.getKey());
            if (input.isEmpty()) {
                fields.errors().add(inputPath, "not a numeric input of a component");
                continue;
            }
            InputDistribution distribution = distribution(entry.getValue(), inputPath);
            if (distribution != null) {
                map.put(input.get(), distribution);
            }
        }
        return map;
    }

    private InputDistribution distribution(JsonNode node, String path) {
        if (!fields.isObject(node, path, "{\"min\": ..., \"max\": ...} (uniform) or {\"sd\": ...} (normal)")) {
            return null;
        }
        fields.allowOnly(node, path, List.of("min", "max", "sd"));
        boolean uniform = node.has("min") || node.has("max");
        if (uniform && node.has("sd")) {
            fields.errors().add(path, "give either min and max (uniform) or sd (normal), not both");
            return null;
        }
        if (node.has("sd")) {
            BigDecimal sd = fields.number(node, path, "sd");
            return sd == null ? null : new InputDistribution.Normal(sd);
        }
        if (!uniform) {
            fields.errors().add(path, "give min and max (uniform) or sd (normal)");
            return null;
        }
        return new InputDistribution.Uniform(fields.number(node, path, "min"), fields.number(node, path, "max"));
    }
}
