package org.amamo.application.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.amamo.application.CoefficientBasisType;
import org.amamo.application.ImplementerType;
import org.amamo.application.ProjectSurvey;
import org.amamo.application.SurveyMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The survey record of an application (seed 002): its implementer type, and per crediting year and component the
 * survey methods, the survey date and the coefficient's basis type. Kept beside the calculation sheet, not in it
 * (table {@code application_component_survey}, by the year's and the component's position in the form), so the
 * sheet the methodology library reads and the certified sheet stay as they were.
 */
@Repository
class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the application's survey record with the form's. */
    void save(long applicationId, ApplicationForm form) {
        jdbc.sql("UPDATE application SET implementer_type = ? WHERE id = ?")
                .params(blankToNull(form.getImplementerType()), applicationId)
                .update();
        jdbc.sql("DELETE FROM application_component_survey WHERE application_id = ?")
                .param(applicationId)
                .update();
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        for (int y = 0; y < years.size(); y++) {
            List<SheetForm.ComponentForm> components = years.get(y).getComponents();
            for (int c = 0; c < components.size(); c++) {
                SheetForm.ComponentForm component = components.get(c);
                String methods = String.join(",", component.getSurveyMethods());
                String basis = blankToNull(component.getCoefficientBasisType());
                if (methods.isEmpty() && component.getSurveyDate() == null && basis == null) {
                    continue;
                }
                jdbc.sql("""
                        INSERT INTO application_component_survey (application_id, year_position, component_position,
                                                                  methods, survey_date, coefficient_basis)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(applicationId, y, c, methods, component.getSurveyDate(), basis)
                        .update();
            }
        }
    }

    /** Writes the stored survey record into a form loaded from its application. */
    void load(long applicationId, ApplicationForm form) {
        form.setImplementerType(jdbc.sql("SELECT implementer_type FROM application WHERE id = ?")
                .param(applicationId)
                .query(String.class)
                .optional()
                .orElse(null));
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        jdbc.sql("""
                SELECT year_position, component_position, methods, survey_date, coefficient_basis
                  FROM application_component_survey WHERE application_id = ?""")
                .param(applicationId)
                .query((row, n) -> {
                    int y = row.getInt(1);
                    int c = row.getInt(2);
                    if (y < years.size() && c < years.get(y).getComponents().size()) {
                        SheetForm.ComponentForm component =
                                years.get(y).getComponents().get(c);
                        component.setSurveyMethods(ApplicationRepository.codes(row.getString(3)));
                        component.setSurveyDate(row.getObject(4, LocalDate.class));
                        component.setCoefficientBasisType(row.getString(5));
                    }
                    return y;
                })
                .list();
    }

    /**
     * Whether every area component must name a survey method at submission: from an application's first submission
     * on (an application submitted before the methods were asked keeps the rules it was submitted under).
     */
    boolean required(StoredApplication application) {
        return application.submittedAt() == null
                || jdbc.sql("SELECT survey_required FROM application WHERE id = ?")
                        .param(application.id())
                        .query(Boolean.class)
                        .single();
    }

    /** Records that the application was submitted under the survey rule. */
    void markRequired(long applicationId) {
        jdbc.sql("UPDATE application SET survey_required = TRUE WHERE id = ?")
                .param(applicationId)
                .update();
    }

    /** The survey record of every certified application, for the public statistics. */
    Map<Long, ProjectSurvey> certified() {
        record Component(long applicationId, String methods, LocalDate surveyDate, String basis) {}
        Map<Long, List<Component>> components = new HashMap<>();
        jdbc.sql("""
                SELECT s.application_id, s.methods, s.survey_date, s.coefficient_basis
                  FROM application_component_survey s JOIN application a ON a.id = s.application_id
                 WHERE a.status = 'CERTIFIED'""")
                .query((row, n) -> new Component(
                        row.getLong(1), row.getString(2), row.getObject(3, LocalDate.class), row.getString(4)))
                .list()
                .forEach(component -> components
                        .computeIfAbsent(component.applicationId(), id -> new ArrayList<>())
                        .add(component));
        Map<Long, ProjectSurvey> surveys = new HashMap<>();
        jdbc.sql("SELECT id, implementer_type FROM application WHERE status = 'CERTIFIED'")
                .query((row, n) -> {
                    long id = row.getLong(1);
                    TreeSet<SurveyMethod> methods = new TreeSet<>();
                    TreeSet<CoefficientBasisType> bases = new TreeSet<>();
                    LocalDate last = null;
                    for (Component component : components.getOrDefault(id, List.of())) {
                        ApplicationRepository.codes(component.methods()).stream()
                                .map(SurveyMethod::of)
                                .filter(java.util.Objects::nonNull)
                                .forEach(methods::add);
                        CoefficientBasisType basis = CoefficientBasisType.of(component.basis());
                        if (basis != null) {
                            bases.add(basis);
                        }
                        if (component.surveyDate() != null
                                && (last == null || component.surveyDate().isAfter(last))) {
                            last = component.surveyDate();
                        }
                    }
                    return surveys.put(
                            id,
                            new ProjectSurvey(
                                    id,
                                    ImplementerType.of(row.getString(2)),
                                    List.copyOf(methods),
                                    last,
                                    List.copyOf(bases)));
                })
                .list();
        return surveys;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
