package org.amamo.methodology.calculation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.amamo.methodology.CreditType;

/** Turns a JSON tree into a (not yet validated) sheet; unreadable parts become {@code null}. */
final class SheetReader {

    private static final List<String> SHEET_FIELDS = List.of("methodologyVersion", "type", "applicationDate", "years");
    private static final List<String> YEAR_FIELDS = List.of("start", "end", "components", "baselineT", "vessels");
    private static final List<String> VESSEL_FIELDS =
            List.of("kind", "fuel", "fuelLitres", "count", "hours", "ratedKw", "fuelLitresPerKwh");
    private static final List<String> AREA_FIELDS = List.of(
            "id",
            "method",
            "ecosystem",
            "areaHa",
            "coefficient",
            "coefficientBasis",
            "areaCertainty",
            "coefficientCertainty",
            "uncertainty");
    private static final List<String> FARM_FIELDS = List.of(
            "id",
            "method",
            "biomassTww",
            "pb",
            "waterContent",
            "carbonContent",
            "residualRate",
            "parameterSource",
            "certainty",
            "uncertainty");
    private static final List<String> ROPE_FIELDS = List.of(
            "id",
            "method",
            "ropeLengthM",
            "yieldKgWwPerM",
            "pb",
            "waterContent",
            "carbonContent",
            "residualRate",
            "parameterSource",
            "certainty",
            "uncertainty");
    private static final List<String> FUEL_SWITCH_FIELDS = List.of(
            "id",
            "method",
            "baselineFuel",
            "baselineFuelLitres",
            "baselineFuelTonnes",
            "baselineBasis",
            "projectFuel",
            "projectFuelLitres",
            "projectFuelTonnes",
            "certainty",
            "uncertainty",
            "assetId");
    private static final List<String> ELECTRICITY_FIELDS = List.of(
            "id",
            "method",
            "baselineElectricityKwh",
            "baselineFuel",
            "baselineFuelLitres",
            "baselineFuelTonnes",
            "baselineBasis",
            "projectElectricityKwh",
            "gridFactorTCo2PerKwh",
            "gridFactorSource",
            "certainty",
            "uncertainty",
            "assetId");
    private static final List<String> TRANSPORT_FIELDS = List.of(
            "id",
            "method",
            "avoidedTonneKm",
            "transportFactorTCo2PerTonneKm",
            "transportFactorSource",
            "baselineBasis",
            "certainty",
            "uncertainty",
            "assetId");
    static final List<String> METHODS = List.of(
            AreaComponent.METHOD,
            FarmBiomassComponent.METHOD,
            RopeLengthComponent.METHOD,
            FuelSwitchComponent.METHOD,
            ElectricityComponent.METHOD,
            TransportComponent.METHOD);

    private final JsonFields fields;
    /** The sheet's type, read first so that messages list the methods of that type; null when unreadable. */
    private CreditType type;

    SheetReader(JsonFields fields) {
        this.fields = fields;
    }

    CalculationSheet sheet(JsonNode root) {
        if (!fields.isObject(root, "$", "json.object.sheet")) {
            return null;
        }
        fields.allowOnly(root, "$", SHEET_FIELDS);
        type = type(root);
        List<CreditingYear> years = new ArrayList<>();
        JsonNode array = fields.array(root, "$", "years");
        if (array != null) {
            for (int y = 0; y < array.size(); y++) {
                years.add(year(array.get(y), "$.years[" + y + "]"));
            }
        }
        return new CalculationSheet(
                type, fields.text(root, "$", "methodologyVersion"), fields.date(root, "$", "applicationDate"), years);
    }

    /** Absent means removal, so that sheets written before reductions existed read as they always did. */
    private CreditType type(JsonNode root) {
        if (JsonFields.absent(root.get("type"))) {
            return CreditType.REMOVAL;
        }
        String text = fields.text(root, "$", "type");
        if (text == null) {
            return null;
        }
        CreditType type = CreditType.byJsonName(text).orElse(null);
        if (type == null) {
            fields.errors().add("$.type", "sheet.type.unknown", text);
        }
        return type;
    }

    private CreditingYear year(JsonNode node, String path) {
        if (!fields.isObject(node, path, "json.object.year")) {
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
        return new CreditingYear(
                fields.date(node, path, "start"),
                fields.date(node, path, "end"),
                components,
                fields.number(node, path, "baselineT"),
                vessels);
    }

    private Vessel vessel(JsonNode node, String path) {
        if (!fields.isObject(node, path, "json.object.vessel")) {
            return null;
        }
        fields.allowOnly(node, path, VESSEL_FIELDS);
        return new Vessel(
                fields.text(node, path, "kind"),
                fields.text(node, path, "fuel"),
                fields.number(node, path, "fuelLitres"),
                fields.number(node, path, "count"),
                fields.number(node, path, "hours"),
                fields.number(node, path, "ratedKw"),
                fields.number(node, path, "fuelLitresPerKwh"));
    }

    private Component component(JsonNode node, String path) {
        if (!fields.isObject(node, path, "json.object.component")) {
            return null;
        }
        String method = fields.text(node, path, "method");
        if (method == null) {
            fields.errors().add(path + ".method", "sheet.method.required", methods(type));
            return null;
        }
        return switch (method) {
            case AreaComponent.METHOD -> area(node, path);
            case FarmBiomassComponent.METHOD -> farm(node, path);
            case RopeLengthComponent.METHOD -> rope(node, path);
            case FuelSwitchComponent.METHOD -> fuelSwitch(node, path);
            case ElectricityComponent.METHOD -> electricity(node, path);
            case TransportComponent.METHOD -> transport(node, path);
            default -> {
                fields.errors().add(path + ".method", "sheet.method.unknown", method, methods(type));
                yield null;
            }
        };
    }

    /** The method names of a type, for messages; all of them while the type is unknown. */
    static String methods(CreditType type) {
        List<String> removal = List.of(AreaComponent.METHOD, FarmBiomassComponent.METHOD, RopeLengthComponent.METHOD);
        List<String> reduction =
                List.of(FuelSwitchComponent.METHOD, ElectricityComponent.METHOD, TransportComponent.METHOD);
        List<String> methods = type == null ? METHODS : type == CreditType.REMOVAL ? removal : reduction;
        return String.join(", ", methods);
    }

    private AreaComponent area(JsonNode node, String path) {
        if (node.has("certainty")) {
            fields.errors().add(path + ".certainty", "sheet.area.one-certainty");
        }
        fields.allowOnly(node, path, withCertainty(AREA_FIELDS));
        return new AreaComponent(
                fields.text(node, path, "id"),
                fields.text(node, path, "ecosystem"),
                fields.number(node, path, "areaHa"),
                fields.number(node, path, "coefficient"),
                fields.text(node, path, "coefficientBasis"),
                fields.number(node, path, "areaCertainty"),
                fields.number(node, path, "coefficientCertainty"),
                uncertainties(node, path));
    }

    private static List<String> withCertainty(List<String> allowed) {
        List<String> list = new ArrayList<>(allowed);
        list.add("certainty");
        return list;
    }

    private FarmBiomassComponent farm(JsonNode node, String path) {
        fields.allowOnly(node, path, FARM_FIELDS);
        return new FarmBiomassComponent(
                fields.text(node, path, "id"),
                fields.number(node, path, "biomassTww"),
                species(node, path),
                fields.number(node, path, "certainty"),
                uncertainties(node, path));
    }

    private RopeLengthComponent rope(JsonNode node, String path) {
        fields.allowOnly(node, path, ROPE_FIELDS);
        return new RopeLengthComponent(
                fields.text(node, path, "id"),
                fields.number(node, path, "ropeLengthM"),
                fields.number(node, path, "yieldKgWwPerM"),
                species(node, path),
                fields.number(node, path, "certainty"),
                uncertainties(node, path));
    }

    private FuelSwitchComponent fuelSwitch(JsonNode node, String path) {
        fields.allowOnly(node, path, FUEL_SWITCH_FIELDS);
        return new FuelSwitchComponent(
                fields.text(node, path, "id"),
                fuel(node, path, "baseline"),
                fields.text(node, path, "baselineBasis"),
                fuel(node, path, "project"),
                fields.number(node, path, "certainty"),
                uncertainties(node, path),
                fields.text(node, path, "assetId"));
    }

    private ElectricityComponent electricity(JsonNode node, String path) {
        fields.allowOnly(node, path, ELECTRICITY_FIELDS);
        return new ElectricityComponent(
                fields.text(node, path, "id"),
                fields.number(node, path, "baselineElectricityKwh"),
                fuel(node, path, "baseline"),
                fields.text(node, path, "baselineBasis"),
                fields.number(node, path, "projectElectricityKwh"),
                fields.number(node, path, "gridFactorTCo2PerKwh"),
                fields.text(node, path, "gridFactorSource"),
                fields.number(node, path, "certainty"),
                uncertainties(node, path),
                fields.text(node, path, "assetId"));
    }

    private TransportComponent transport(JsonNode node, String path) {
        fields.allowOnly(node, path, TRANSPORT_FIELDS);
        return new TransportComponent(
                fields.text(node, path, "id"),
                fields.number(node, path, "avoidedTonneKm"),
                fields.number(node, path, "transportFactorTCo2PerTonneKm"),
                fields.text(node, path, "transportFactorSource"),
                fields.text(node, path, "baselineBasis"),
                fields.number(node, path, "certainty"),
                uncertainties(node, path),
                fields.text(node, path, "assetId"));
    }

    /** Reads {@code <prefix>Fuel}, {@code <prefix>FuelLitres} and {@code <prefix>FuelTonnes}. */
    private FuelQuantity fuel(JsonNode node, String path, String prefix) {
        return new FuelQuantity(
                fields.text(node, path, prefix + "Fuel"),
                fields.number(node, path, prefix + "FuelLitres"),
                fields.number(node, path, prefix + "FuelTonnes"));
    }

    private SpeciesParameters species(JsonNode node, String path) {
        return new SpeciesParameters(
                fields.number(node, path, "pb"),
                fields.number(node, path, "waterContent"),
                fields.number(node, path, "carbonContent"),
                fields.number(node, path, "residualRate"),
                fields.text(node, path, "parameterSource"));
    }

    private Map<ComponentInput, InputDistribution> uncertainties(JsonNode component, String componentPath) {
        Map<ComponentInput, InputDistribution> map = new EnumMap<>(ComponentInput.class);
        JsonNode node = component.get("uncertainty");
        String path = componentPath + ".uncertainty";
        if (JsonFields.absent(node) || !fields.isObject(node, path, "json.object.uncertainty")) {
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String inputPath = path + "." + entry.getKey();
            Optional<ComponentInput> input = ComponentInput.byJsonName(entry.getKey());
            if (input.isEmpty()) {
                fields.errors().add(inputPath, "sheet.uncertainty.not-an-input");
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
        if (!fields.isObject(node, path, "json.object.distribution")) {
            return null;
        }
        fields.allowOnly(node, path, List.of("min", "max", "sd"));
        boolean uniform = node.has("min") || node.has("max");
        if (uniform && node.has("sd")) {
            fields.errors().add(path, "sheet.uncertainty.both");
            return null;
        }
        if (node.has("sd")) {
            BigDecimal sd = fields.number(node, path, "sd");
            return sd == null ? null : new InputDistribution.Normal(sd);
        }
        if (!uniform) {
            fields.errors().add(path, "sheet.uncertainty.neither");
            return null;
        }
        return new InputDistribution.Uniform(fields.number(node, path, "min"), fields.number(node, path, "max"));
    }
}
