package org.amamo.methodology.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CalculationSheet;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.SheetJson;
import org.amamo.methodology.uncertainty.Percentiles;
import org.amamo.methodology.uncertainty.UncertaintyBand;
import org.amamo.methodology.uncertainty.UncertaintyEstimator;
import org.amamo.methodology.uncertainty.UncertaintySettings;

/** {@code uncertainty SHEET.json [--samples N] [--seed S]}: the calculate output plus an uncertainty band. */
final class UncertaintyCommand {

    private UncertaintyCommand() {}

    static int run(MethodologyCli.Invocation invocation) {
        List<String> arguments = invocation.arguments;
        String file = null;
        int samples = UncertaintySettings.DEFAULT_SAMPLES;
        long seed = UncertaintySettings.DEFAULT_SEED;
        try {
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.equals("--samples") && i + 1 < arguments.size()) {
                    samples = Integer.parseInt(arguments.get(++i));
                } else if (argument.equals("--seed") && i + 1 < arguments.size()) {
                    seed = Long.parseLong(arguments.get(++i));
                } else if (file == null && (argument.equals("-") || !argument.startsWith("-"))) {
                    file = argument;
                } else {
                    return MethodologyCli.usage(invocation.stderr, "unexpected argument \"" + argument + "\"");
                }
            }
        } catch (NumberFormatException e) {
            return MethodologyCli.usage(invocation.stderr, "--samples and --seed take whole numbers");
        }
        if (file == null) {
            return MethodologyCli.usage(invocation.stderr, "uncertainty takes one file (or -)");
        }
        if (samples < 1 || samples > UncertaintySettings.MAX_SAMPLES) {
            return MethodologyCli.usage(invocation.stderr, "--samples must be 1.." + UncertaintySettings.MAX_SAMPLES);
        }
        UncertaintySettings settings = new UncertaintySettings(samples, seed);
        return invocation.withInput(
                file, text -> invocation.print(SheetJson.read(text).flatMap(sheet -> output(sheet, settings))));
    }

    private static Verdict<String> output(CalculationSheet sheet, UncertaintySettings settings) {
        Verdict<CalculationResult> result = CreditCalculator.standard().calculate(sheet);
        return result.flatMap(certified -> UncertaintyEstimator.standard()
                .estimate(sheet, settings)
                .map(band -> {
                    ObjectNode root = SheetJson.toJson(certified);
                    root.set("uncertainty", json(band, root));
                    return SheetJson.pretty(root);
                }));
    }

    private static ObjectNode json(UncertaintyBand band, ObjectNode root) {
        ObjectNode node = root.objectNode();
        node.put(
                "method",
                "Monte Carlo, nearest-rank percentiles; informative only, the certified figures are "
                        + "creditT and creditUnits");
        node.put("samples", band.samples());
        node.put("seed", band.seed());
        node.put("uncertainInputs", band.uncertainInputs());
        node.put("tableRangeInputs", band.tableRangeInputs());
        node.set("netT", percentiles(band.netTonnesCo2(), root));
        node.set("creditT", percentiles(band.creditTonnesCo2(), root));
        return node;
    }

    private static ObjectNode percentiles(Percentiles percentiles, ObjectNode root) {
        ObjectNode node = root.objectNode();
        node.put("p5", percentiles.p5().toPlainString());
        node.put("p50", percentiles.p50().toPlainString());
        node.put("p95", percentiles.p95().toPlainString());
        return node;
    }
}
