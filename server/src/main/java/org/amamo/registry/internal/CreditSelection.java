package org.amamo.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;
import org.amamo.registry.SerialRange;

/**
 * Which credits a transfer or retirement takes, when the holder names them instead of letting the registry draw the
 * largest blocks first: one batch, a serial range within one batch, or the batches of one project and vintage.
 */
sealed interface CreditSelection {

    /** A batch serial such as {@code JBC-2025-0003-01}: programme prefix, vintage, project code, batch number. */
    Pattern BATCH = Pattern.compile("([A-Z]{2,10})-(\\d{4})-([A-Z0-9]{1,16})-(\\d{1,4})");

    /** The lowest serials of one batch in the account. */
    record ByBatch(String programmePrefix, int vintage, String projectCode, int batchNumber)
            implements CreditSelection {
        @Override
        public String text() {
            return "batch:" + programmePrefix + "-" + vintage + "-" + projectCode + "-" + batchNumber;
        }
    }

    /** Exactly these serials, which the account must hold, all of them active. */
    record BySerialRange(SerialRange range) implements CreditSelection {
        @Override
        public String text() {
            return "serialRange:" + range.format();
        }
    }

    /** The lowest serials of a project's batches of one vintage, lowest batch number first. */
    record ByProjectVintage(String projectCode, int vintage) implements CreditSelection {
        @Override
        public String text() {
            return "project:" + projectCode + "-" + vintage;
        }
    }

    /** The selection in the request's fingerprint, so that one key cannot stand for two selections. */
    String text();

    /**
     * Reads a request's selection fields (each may be null or blank): none gives an empty optional; more than one
     * selection, malformed text, half of a project and vintage, or a serial range whose count is not
     * {@code creditUnits} is refused as invalid, naming the field.
     */
    static Outcome<Optional<CreditSelection>> parse(Registry.Selection fields, long creditUnits) {
        String batch = blankToNull(fields.batch());
        String serialRange = blankToNull(fields.serialRange());
        String projectCode = blankToNull(fields.projectCode());
        Integer vintage = fields.vintage();
        boolean byProject = projectCode != null || vintage != null;
        int given = (batch != null ? 1 : 0) + (serialRange != null ? 1 : 0) + (byProject ? 1 : 0);
        if (given == 0) {
            return Outcome.done(Optional.empty());
        }
        if (given > 1) {
            String field = batch != null && serialRange != null ? "serialRange" : byProject ? "projectCode" : "batch";
            return invalid(List.of(Refusal.of(field, "registry.selection.one")));
        }
        if (batch != null) {
            return batch(batch);
        }
        if (serialRange != null) {
            Optional<SerialRange> range = SerialRange.parse(serialRange);
            if (range.isEmpty()) {
                return invalid(List.of(Refusal.of("serialRange", "registry.serial.invalid")));
            }
            if (range.get().creditUnits() != creditUnits) {
                return invalid(List.of(Refusal.of(
                        "serialRange", "registry.selection.count", range.get().creditUnits(), creditUnits)));
            }
            return Outcome.done(Optional.of(new BySerialRange(range.get())));
        }
        return projectVintage(projectCode, vintage);
    }

    private static Outcome<Optional<CreditSelection>> batch(String text) {
        Matcher matcher = BATCH.matcher(text.strip().toUpperCase(Locale.ROOT));
        int number = matcher.matches() ? Integer.parseInt(matcher.group(4)) : 0;
        int vintage = matcher.matches() ? Integer.parseInt(matcher.group(2)) : 0;
        if (number < 1 || vintage < 1000) {
            return invalid(List.of(Refusal.of("batch", "registry.selection.batch-invalid")));
        }
        return Outcome.done(Optional.of(new ByBatch(matcher.group(1), vintage, matcher.group(3), number)));
    }

    private static Outcome<Optional<CreditSelection>> projectVintage(String projectCode, Integer vintage) {
        List<Refusal> refusals = new ArrayList<>();
        String code = projectCode == null ? null : projectCode.strip().toUpperCase(Locale.ROOT);
        if (code == null) {
            refusals.add(Refusal.of("projectCode", "registry.required"));
        } else if (!SerialRange.PROJECT_CODE.matcher(code).matches()) {
            refusals.add(Refusal.of("projectCode", "registry.selection.project-invalid"));
        }
        if (vintage == null) {
            refusals.add(Refusal.of("vintage", "registry.required"));
        } else if (vintage < Registry.MIN_YEAR || vintage > Registry.MAX_YEAR) {
            refusals.add(Refusal.of("vintage", "registry.year.range", Registry.MIN_YEAR, Registry.MAX_YEAR));
        }
        return refusals.isEmpty() ? Outcome.done(Optional.of(new ByProjectVintage(code, vintage))) : invalid(refusals);
    }

    private static Outcome<Optional<CreditSelection>> invalid(List<Refusal> refusals) {
        return Outcome.refused(RefusalKind.INVALID, refusals);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
