package org.amamo.application;

import java.time.LocalDate;
import java.util.List;

/**
 * What a certified application records of how it was surveyed and who implements it (seed 002's statistics): the
 * implementer type, and over all its area components the survey methods, the latest survey date and the
 * coefficients' basis types. An empty list or a null means not recorded (an application made before these were
 * asked, or a reduction project, which surveys no area).
 *
 * @param applicationId     the certified application
 * @param implementerType   the implementer type, or null when not recorded
 * @param surveyMethods     the distinct survey methods of its area components, in the enum's order
 * @param lastSurveyOn      the latest survey date of its area components, or null
 * @param coefficientBases  the distinct basis types of its area components' coefficients, in the enum's order
 */
public record ProjectSurvey(
        long applicationId,
        ImplementerType implementerType,
        List<SurveyMethod> surveyMethods,
        LocalDate lastSurveyOn,
        List<CoefficientBasisType> coefficientBases) {

    public ProjectSurvey {
        surveyMethods = List.copyOf(surveyMethods);
        coefficientBases = List.copyOf(coefficientBases);
    }
}
