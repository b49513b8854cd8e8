package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.amamo.application.CoefficientBasisType;
import org.amamo.application.ImplementerType;
import org.amamo.application.SurveyMethod;
import org.amamo.platform.Refusal;

/**
 * The rules on the survey record (seed 002): known implementer type, survey methods and basis types; a survey date
 * neither in the future (in Japan) nor before {@link #EARLIEST_SURVEY}; and at submission, under the survey rule
 * ({@link SurveyStore#required}), at least one survey method for every area component of a removal sheet.
 */
final class SurveyChecks {

    /** No survey before 1990 is accepted: blue-carbon surveys for credits began long after. */
    static final LocalDate EARLIEST_SURVEY = LocalDate.of(1990, 1, 1);

    /** The form's survey fields and their labels, for the list of a refused submission's problems. */
    static final Map<String, String> LABELS = Map.of(
            "implementerType", "survey.field.implementer-type",
            "sheet.years[].components[].surveyMethods", "survey.field.methods",
            "sheet.years[].components[].surveyDate", "survey.field.date",
            "sheet.years[].components[].coefficientBasisType", "survey.field.basis");

    private SurveyChecks() {}

    /** Wrong survey fields, checked on every save (a draft may lack them but never hold a wrong one). */
    static List<Refusal> wrongFields(ApplicationForm form, LocalDate today) {
        List<Refusal> refusals = new ArrayList<>();
        String implementer = form.getImplementerType();
        if (implementer != null && !implementer.isBlank() && ImplementerType.of(implementer) == null) {
            refusals.add(Refusal.of("implementerType", "survey.implementer.unknown"));
        }
        eachComponent(form, (path, component) -> {
            List<String> methods = component.getSurveyMethods();
            for (String method : methods) {
                if (SurveyMethod.of(method) == null) {
                    refusals.add(
                            Refusal.of(path + ".surveyMethods", "survey.method.unknown", method == null ? "" : method));
                }
            }
            if (methods.stream().distinct().count() < methods.size()) {
                refusals.add(Refusal.of(path + ".surveyMethods", "survey.method.repeated"));
            }
            String basis = component.getCoefficientBasisType();
            if (basis != null && !basis.isBlank() && CoefficientBasisType.of(basis) == null) {
                refusals.add(Refusal.of(path + ".coefficientBasisType", "survey.basis.unknown"));
            }
            LocalDate date = component.getSurveyDate();
            if (date != null && date.isAfter(today)) {
                refusals.add(Refusal.of(path + ".surveyDate", "survey.date.future", today));
            } else if (date != null && date.isBefore(EARLIEST_SURVEY)) {
                refusals.add(Refusal.of(path + ".surveyDate", "survey.date.too-early", EARLIEST_SURVEY));
            }
        });
        return refusals;
    }

    /** What a submission under the survey rule still lacks: a survey method for each area component. */
    static List<Refusal> missingFields(ApplicationForm form) {
        List<Refusal> refusals = new ArrayList<>();
        if (form.getSheet().reduction()) {
            return refusals;
        }
        eachComponent(form, (path, component) -> {
            if ("area".equals(component.getMethod())
                    && component.getSurveyMethods().isEmpty()) {
                refusals.add(Refusal.of(path + ".surveyMethods", "survey.methods.required"));
            }
        });
        return refusals;
    }

    private static void eachComponent(
            ApplicationForm form, java.util.function.BiConsumer<String, SheetForm.ComponentForm> check) {
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        for (int y = 0; y < years.size(); y++) {
            List<SheetForm.ComponentForm> components = years.get(y).getComponents();
            for (int c = 0; c < components.size(); c++) {
                check.accept("sheet.years[" + y + "].components[" + c + "]", components.get(c));
            }
        }
    }
}
