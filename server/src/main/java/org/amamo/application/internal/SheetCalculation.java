package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.List;
import org.amamo.methodology.FieldError;
import org.amamo.methodology.Verdict;
import org.amamo.methodology.calculation.CalculationResult;
import org.amamo.methodology.calculation.CreditCalculator;
import org.amamo.methodology.calculation.SheetJson;
import org.amamo.platform.Refusal;
import org.springframework.stereotype.Component;

/**
 * Runs the application's CO2 form through the methodology library, the same code as the CLI and the
 * public calculation sheet, and turns the library's field errors into refusals on the form's fields
 * ({@code $.years[0].baselineT} becomes {@code sheet.years[0].baselineT}), in the reader's language.
 */
@Component
class SheetCalculation {

    private final ApplicationRepository applications;
    private final CreditCalculator calculator = CreditCalculator.standard();

    SheetCalculation(ApplicationRepository applications) {
        this.applications = applications;
    }

    /** The result of the sheet as of {@code applicationDate}, or why it cannot be calculated. */
    Verdict<CalculationResult> calculate(SheetForm sheet, LocalDate applicationDate) {
        sheet.setApplicationDate(applicationDate);
        return calculator.calculate(applications.sheetJson(sheet));
    }

    static List<Refusal> refusals(List<FieldError> errors) {
        return errors.stream()
                .map(error -> MethodologyMessages.refusal(formPath(error.path()), "sheet.error", error.reason()))
                .toList();
    }

    static String formPath(String jsonPath) {
        String path = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return path.isEmpty() ? "sheet" : "sheet" + (path.startsWith(".") ? path : "." + path);
    }

    static String json(CalculationResult result) {
        return SheetJson.write(result);
    }
}
