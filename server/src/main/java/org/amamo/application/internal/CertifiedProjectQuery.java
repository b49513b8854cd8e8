package org.amamo.application.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.amamo.application.ApplicationCertified;
import org.amamo.application.CertifiedProject;
import org.amamo.application.CertifiedProjects;
import org.amamo.application.ProjectFacts;
import org.amamo.platform.SchemeTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CertifiedProjectQuery implements CertifiedProjects {

    private final JdbcClient jdbc;
    private final ApplicationRepository applications;
    private final QualityStore quality;
    private final SurveyStore surveys;

    CertifiedProjectQuery(
            JdbcClient jdbc, ApplicationRepository applications, QualityStore quality, SurveyStore surveys) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.quality = quality;
        this.surveys = surveys;
    }

    @Override
    public Map<Long, org.amamo.application.ProjectSurvey> surveys() {
        return surveys.certified();
    }

    @Override
    public List<CertifiedProject> all() {
        return jdbc.sql("""
                SELECT a.id, a.project_id, a.name, a.prefecture, a.certified_units, a.site_area_ha, a.site_geojson,
                       a.certified_version, a.certified_at, a.sheet_json, a.programme_code,
                       COALESCE(o.name, u.full_name) AS implementer
                  FROM application a
                  JOIN user_account u ON u.id = a.owner_id
                  LEFT JOIN organisation o ON o.id = u.organisation_id
                 WHERE a.status = 'CERTIFIED' ORDER BY a.certified_at DESC, a.id DESC
                """)
                .query((row, n) -> {
                    long id = row.getLong("id");
                    java.time.Instant certifiedAt =
                            row.getObject("certified_at", OffsetDateTime.class).toInstant();
                    SheetForm sheet = applications.readSheet(row.getString("sheet_json"));
                    return new CertifiedProject(
                            id,
                            String.format("%04d", row.getLong("project_id")),
                            row.getString("name"),
                            row.getString("prefecture"),
                            row.getLong("certified_units"),
                            row.getBigDecimal("site_area_ha"),
                            row.getString("site_geojson"),
                            ecosystems(id),
                            row.getString("certified_version"),
                            certifiedAt,
                            ApplicationCertified.fiscalYear(LocalDate.ofInstant(certifiedAt, SchemeTime.ZONE)),
                            sheet.reduction() ? "reduction" : "removal",
                            sheet.componentMethods().values().stream()
                                    .filter(java.util.Objects::nonNull)
                                    .distinct()
                                    .toList(),
                            row.getString("programme_code"),
                            row.getString("implementer"),
                            quality.record(id));
                })
                .list();
    }

    @Override
    public Map<Long, ProjectFacts> facts(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ProjectFacts> facts = new HashMap<>();
        jdbc.sql("""
                SELECT id, prefecture, municipality, co_benefits, sheet_json
                  FROM application WHERE status = 'CERTIFIED' AND id IN (:ids)
                """)
                .param("ids", List.copyOf(applicationIds))
                .query((row, n) -> {
                    long id = row.getLong("id");
                    SheetForm sheet = applications.readSheet(row.getString("sheet_json"));
                    List<LocalDate> starts = sheet.getYears().stream()
                            .map(SheetForm.YearForm::getStart)
                            .filter(Objects::nonNull)
                            .sorted()
                            .toList();
                    return facts.put(
                            id,
                            new ProjectFacts(
                                    id,
                                    starts.isEmpty() ? null : starts.get(0),
                                    starts.isEmpty()
                                            ? null
                                            : starts.get(starts.size() - 1)
                                                    .plusYears(1)
                                                    .minusDays(1),
                                    row.getString("prefecture"),
                                    row.getString("municipality"),
                                    sheet.reduction() ? "reduction" : "removal",
                                    ecosystems(id),
                                    ApplicationRepository.codes(row.getString("co_benefits"))));
                })
                .list();
        return facts;
    }

    private List<String> ecosystems(long applicationId) {
        return jdbc.sql("SELECT DISTINCT ecosystem FROM application_plant WHERE application_id = ? ORDER BY ecosystem")
                .param(applicationId)
                .query(String.class)
                .list();
    }
}
