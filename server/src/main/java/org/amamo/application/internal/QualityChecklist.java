package org.amamo.application.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.amamo.platform.Refusal;

/**
 * The applicant's side of the Core Carbon Principles checklist: each statement at most {@value #TEXT_MAX}
 * characters and the SDGs numbers from 1 to 17, on every save; every statement and at least one SDG to submit an
 * application held to the checklist.
 */
final class QualityChecklist {

    static final int TEXT_MAX = 4000;
    static final int SDG_COUNT = 17;
    /** The form's fields of the statements lie under this path ({@code quality.netZero}). */
    static final String PATH = "quality";

    private QualityChecklist() {}

    /** Rules checked on every save: lengths and the SDGs' numbers. */
    static List<Refusal> wrongFields(QualityForm quality) {
        List<Refusal> refusals = new ArrayList<>();
        texts(quality).forEach((field, value) -> {
            if (value != null && value.length() > TEXT_MAX) {
                refusals.add(Refusal.of(field, "application.text.too-long", TEXT_MAX));
            }
        });
        Set<Integer> seen = new HashSet<>();
        for (Integer goal : quality.getSdgs()) {
            if (goal == null || goal < 1 || goal > SDG_COUNT || !seen.add(goal)) {
                refusals.add(Refusal.of(PATH + ".sdgs", "quality.sdg.unknown", SDG_COUNT));
                break;
            }
        }
        return refusals;
    }

    /** What a submission under the checklist still lacks: every statement, and at least one SDG. */
    static List<Refusal> missingFields(QualityForm quality) {
        List<Refusal> refusals = new ArrayList<>();
        texts(quality).forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                refusals.add(Refusal.of(field, "validation.required"));
            }
        });
        if (quality.getSdgs().isEmpty()) {
            refusals.add(Refusal.of(PATH + ".sdgs", "quality.sdgs.required"));
        }
        return refusals;
    }

    /** The statements by their field, in the form's order. */
    private static java.util.Map<String, String> texts(QualityForm quality) {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put(PATH + ".additionality", quality.getAdditionality());
        texts.put(PATH + ".permanence", quality.getPermanence());
        texts.put(PATH + ".permanenceMonitoring", quality.getPermanenceMonitoring());
        texts.put(PATH + ".sustainableDevelopment", quality.getSustainableDevelopment());
        texts.put(PATH + ".noDoubleCounting", quality.getNoDoubleCounting());
        texts.put(PATH + ".netZero", quality.getNetZero());
        return texts;
    }
}
